import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// By package name, as a library user imports it (package.json "exports" self-reference).
import { DeckError, loadDeck, planTimeline, renderThumbnails, type Deck, type RenderOptions } from 'talkreel';
import { fixture, root } from './helpers/cli.js';
import { readPng } from './helpers/media.js';
import { tempDir } from './helpers/temp.js';

describe("the library API, imported from 'talkreel'", () => {
  it('is dist/index.js, with its declarations in dist/types, as package.json says', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.exports['.']).toEqual({ types: './dist/types/index.d.ts', default: './dist/index.js' });
    expect([pkg.main, pkg.types]).toEqual(['dist/index.js', 'dist/types/index.d.ts']);
    expect(fs.readFileSync(path.join(root, pkg.types), 'utf8')).toMatch(/export \{ renderTalk, renderThumbnails \}/);
  });

  it("installs no module hooks or loaders in the user's process, and starts no process", () => {
    // A fresh Node process, as a user's program: tsx's hooks, say, would change how every module
    // of that program loads.
    const program = "const talkreel = await import('talkreel'); process.stdout.write(Object.keys(talkreel).sort().join(' '));";
    const spy = path.join(root, 'tests', 'helpers', 'hook-spy.mjs');
    const r = spawnSync(process.execPath, ['--import', spy, '--input-type=module', '-e', program], { cwd: root, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.split(' ')).toEqual(expect.arrayContaining(['loadDeck', 'renderTalk', 'renderThumbnails', 'openSession', 'DeckError']));
    expect(JSON.parse(/hook-spy (.*)\n$/.exec(r.stderr)?.[1] ?? 'null')).toEqual({ hooks: [], extensions: [], spawned: [] });
  });

  it('loads a deck and plans its timeline', () => {
    const { deck, diagnostics } = loadDeck(fixture('small.md'));
    const typed: Deck = deck;
    expect(diagnostics).toEqual([]);
    expect(typed.slides.map((s) => s.layout)).toEqual(['title', 'bullets', 'quote', 'closing']);
    const timeline = planTimeline(deck);
    expect([timeline.width, timeline.height, timeline.fps]).toEqual([640, 360, 30]);
    expect(timeline.durationInFrames).toBe(4 * 60 - 3 * 15);
  });

  it('renderThumbnails renders the PNGs only and returns their paths', async () => {
    const out = tempDir('api');
    const options: Omit<RenderOptions, 'video' | 'thumbnails'> = { deck: fixture('small.md'), out, slides: '2-3' };
    const pngs = await renderThumbnails(options);
    expect(pngs.map((p) => path.basename(p))).toEqual(['02-three-points.png', '03-simple-things-should-be-simple.png']);
    for (const png of pngs) expect([readPng(png).width, readPng(png).height]).toEqual([640, 360]);
    expect(fs.readdirSync(out).sort()).toEqual(['manifest.json', 'thumbnails']);
  });

  it('refuses a deck with errors with a DeckError that lists them, rendering nothing', async () => {
    const out = path.join(tempDir('api'), 'never');
    const failure = await renderThumbnails({ deck: fixture('bad.md'), out }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DeckError);
    expect((failure as DeckError).diagnostics.map((d) => d.code)).toEqual(['invalid-option', 'invalid-option']);
    expect(fs.existsSync(out)).toBe(false);
  });
});
