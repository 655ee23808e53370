import fs from 'node:fs';
import path from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, root, talkreel } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

/**
 * Every layout in both themes at 1080p against reference PNGs committed in tests/visual/reference.
 * `npm run test:update` (TALKREEL_UPDATE_REFERENCES=1) writes the references from this render
 * instead of comparing: look at them before committing.
 */
const UPDATE = process.env.TALKREEL_UPDATE_REFERENCES === '1';
/** pixelmatch's per-pixel colour threshold, and the share of pixels allowed to differ (anti-aliasing). */
const THRESHOLD = 0.1;
const MAX_DIFFERENT = 0.002;

const tmp = tempDir('visual');
const env = { TALKREEL_CACHE_DIR: path.join(tmp, 'cache') };
const themes = { dark: 'layouts.md', light: 'layouts-light.md' } as const;
const LAYOUTS = ['title', 'bullets', 'quote', 'statement', 'link', 'image', 'content', 'content', 'bullets', 'bullets', 'statement', 'content', 'content', 'closing'];

describe.each(Object.entries(themes))('%s theme, every layout, and code, a table, nested lists, emoji, HTML, a formula and a diagram, at 1080p', (theme, deck) => {
  const out = path.join(tmp, theme);
  const refDir = path.join(root, 'tests', 'visual', 'reference', theme);

  beforeAll(async () => {
    // One render for all layouts of a theme: the real pipeline, thumbnails only.
    const r = await talkreel(['render', fixture(deck), '--out', out, '--resolution', '1080p', '--no-video', '--json'], env);
    expect(r.code, r.stderr).toBe(0);
    if (UPDATE) {
      fs.rmSync(refDir, { recursive: true, force: true });
      fs.mkdirSync(refDir, { recursive: true });
      for (const f of fs.readdirSync(path.join(out, 'thumbnails'))) fs.copyFileSync(path.join(out, 'thumbnails', f), path.join(refDir, f));
    }
  }, 300_000);

  it('shows each layout once', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(manifest.slides.map((s: { layout: string }) => s.layout)).toEqual(LAYOUTS);
    expect(fs.readdirSync(refDir).sort()).toEqual(fs.readdirSync(path.join(out, 'thumbnails')).sort());
  });

  it.each(LAYOUTS.map((layout, i) => [layout, i]))('%s matches its reference', (_layout, i) => {
    const name = fs.readdirSync(path.join(out, 'thumbnails')).sort()[i as number];
    const actual = PNG.sync.read(fs.readFileSync(path.join(out, 'thumbnails', name)));
    const expected = PNG.sync.read(fs.readFileSync(path.join(refDir, name)));
    expect([actual.width, actual.height]).toEqual([1920, 1080]);
    expect([expected.width, expected.height]).toEqual([1920, 1080]);
    const diff = new PNG({ width: actual.width, height: actual.height });
    const different = pixelmatch(actual.data, expected.data, diff.data, actual.width, actual.height, { threshold: THRESHOLD });
    const share = different / (actual.width * actual.height);
    if (share > MAX_DIFFERENT) {
      const diffPath = path.join(tmp, `${theme}-diff-${name}`);
      fs.writeFileSync(diffPath, PNG.sync.write(diff));
      expect.fail(`${theme}/${name}: ${(share * 100).toFixed(2)}% of pixels differ from the reference (diff: ${diffPath}); run npm run test:update if the change is intended`);
    }
    expect(share).toBeLessThanOrEqual(MAX_DIFFERENT);
  });
});
