import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, type CliResult } from '../helpers/cli.js';
import { CommandRunner } from '../helpers/in-process.js';
import { readPng } from '../helpers/media.js';
import { renderCache } from '../helpers/cache.js';
import { tempDir } from '../helpers/temp.js';

// End to end: Marp and Slidev decks, unedited, through the command, browser and ffmpeg.
const tmp = tempDir('decks');
const env = { TALKREEL_CACHE_DIR: renderCache(path.join(tmp, 'cache')) };
const command = new CommandRunner(env);
type Picture = ReturnType<typeof readPng>;
const pixel = (p: Picture, x: number, y: number) => {
  const i = (Math.round(y * (p.height - 1)) * p.width + Math.round(x * (p.width - 1))) * 4;
  return [p.data[i], p.data[i + 1], p.data[i + 2]];
};
const near = (actual: number[], expected: number[], tolerance = 12) =>
  actual.every((v, k) => Math.abs(v - expected[k]) <= tolerance);

describe('talkreel render with several decks: Marp, a broken deck, Slidev', () => {
  const out = path.join(tmp, 'out');
  let r: CliResult;
  let summary: { ok: boolean; decks: { deck: string; ok: boolean; outDir: string; thumbnails?: string[]; code?: string }[] };

  beforeAll(async () => {
    const decks = ['marp-basics.md', 'bad.md', 'slidev-starter.md'].map(fixture);
    r = await command.run(['render', ...decks, '--out', out, '--resolution', '640x360', '--no-video', '--json']);
    summary = JSON.parse(r.stdout);
  });

  it('renders every good deck into its own folder, reports the bad one, and exits 1', () => {
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.code).toBe(1);
    expect(summary.ok).toBe(false);
    expect(summary.decks.map((d) => [path.basename(d.deck), d.ok])).toEqual([
      ['marp-basics.md', true],
      ['bad.md', false],
      ['slidev-starter.md', true],
    ]);
    expect(summary.decks[1].code).toBe('deck-invalid');
    expect(fs.readdirSync(out).sort()).toEqual(['marp-basics', 'slidev-starter']);
    expect(fs.readdirSync(path.join(out, 'marp-basics', 'thumbnails'))).toHaveLength(7);
    expect(fs.readdirSync(path.join(out, 'slidev-starter', 'thumbnails'))).toHaveLength(6);
  });

  it('draws Marp colours: the front matter\'s white, a `_backgroundColor` on one slide, `backgroundColor` from its slide on', () => {
    const thumbs = summary.decks[0].thumbnails ?? [];
    const background = (n: number) => pixel(readPng(thumbs[n - 1]), 0.98, 0.5);
    expect(near(background(2), [255, 255, 255])).toBe(true);
    expect(near(background(3), [0x1e, 0x3a, 0x5f])).toBe(true);
    expect(near(background(4 + 2), [0, 255, 255])).toBe(true); // slide 6: aqua
    expect(near(background(7), [0, 255, 255])).toBe(true);
    // Dark text on the white slide: its heading is there, in ink darker than the background.
    const slide2 = readPng(thumbs[1]);
    let dark = 0;
    for (let i = 0; i < slide2.data.length; i += 4) if (slide2.data[i] + slide2.data[i + 1] + slide2.data[i + 2] < 200) dark++;
    expect(dark / (slide2.width * slide2.height)).toBeGreaterThan(0.01);
  });

  it('puts a Slidev image-right picture on the right half, the text on the left', () => {
    const code = readPng(summary.decks[2].thumbnails?.[2] ?? '');
    // The artwork is blue and yellow; the text is white and grey: colourful pixels show where the picture is.
    const colourful = (x0: number, x1: number) => {
      let n = 0;
      let total = 0;
      for (let y = 0; y < code.height; y += 2) {
        for (let x = Math.round(x0 * code.width); x < Math.round(x1 * code.width); x += 2) {
          const i = (y * code.width + x) * 4;
          const c = [code.data[i], code.data[i + 1], code.data[i + 2]];
          total++;
          if (Math.max(...c) - Math.min(...c) > 80) n++;
        }
      }
      return n / total;
    };
    expect(colourful(0.5, 1)).toBeGreaterThan(0.01);
    expect(colourful(0.5, 1)).toBeGreaterThan(5 * colourful(0, 0.5));
  });
});
