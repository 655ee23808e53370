import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PALETTES } from '../../src/slides/theme.js';
import { fixture } from '../helpers/cli.js';
import { CommandRunner } from '../helpers/in-process.js';
import { readPng, type Picture } from '../helpers/media.js';
import { renderCache } from '../helpers/cache.js';
import { tempDir } from '../helpers/temp.js';

/**
 * The stress deck (a very long title, twelve points, a long quote, unbreakable words, a long
 * address, a footer and a logo) draws nothing outside the 5% title-safe area: every pixel of the
 * border band is the background colour, at 1080p and in a 640x360 player.
 */
const tmp = tempDir('safe');
const env = { TALKREEL_CACHE_DIR: renderCache(path.join(tmp, 'cache')) };
const command = new CommandRunner(env);
const background = PALETTES.dark.background.match(/[0-9a-f]{2}/gi)!.map((h) => parseInt(h, 16));

/** Pixels of the 5% band along each edge that are not the background (within rounding), and ink inside. */
function band(p: Picture) {
  const bx = Math.floor(p.width * 0.05);
  const by = Math.floor(p.height * 0.05);
  let outside = 0;
  let inside = 0;
  const first: string[] = [];
  const [r, g, b] = background;
  for (let y = 0; y < p.height; y++) {
    for (let x = 0; x < p.width; x++) {
      const k = (y * p.width + x) * 4;
      const off = Math.max(Math.abs(p.data[k] - r), Math.abs(p.data[k + 1] - g), Math.abs(p.data[k + 2] - b));
      if (off <= 3) continue;
      if (x < bx || x >= p.width - bx || y < by || y >= p.height - by) {
        outside++;
        if (first.length < 3) first.push(`(${x},${y})`);
      } else inside++;
    }
  }
  return { outside, inside, first };
}

describe.each([
  ['1080p', 1920, 1080],
  ['640x360', 640, 360],
])('stress deck at %s', (resolution, width, height) => {
  const out = path.join(tmp, resolution);
  let stderr = '';

  beforeAll(async () => {
    const r = await command.run(['render', fixture('stress.md'), '--out', out, '--resolution', resolution, '--no-video']);
    expect(r.code, r.stderr).toBe(0);
    stderr = r.stderr;
  }, 300_000);

  it('warns, naming the line, about the one slide that cannot fit', () => {
    expect(stderr).toMatch(/stress\.md:57:1 warning text-overflow slide 7 \(Far too much for one slide\)/);
    expect(stderr.match(/text-overflow/g)).toHaveLength(1);
  });

  it('leaves the 5% border band of every slide empty', () => {
    const files = fs.readdirSync(path.join(out, 'thumbnails')).sort();
    expect(files).toHaveLength(9);
    for (const f of files) {
      const p = readPng(path.join(out, 'thumbnails', f));
      expect([p.width, p.height]).toEqual([width, height]);
      const { outside, inside, first } = band(p);
      expect(outside, `${f}: pixels in the border band at ${first.join(' ')}`).toBe(0);
      // And the slide is not empty: text was drawn inside the safe area.
      expect(inside, f).toBeGreaterThan(width * height * 0.01);
    }
  });
});
