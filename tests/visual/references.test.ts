import fs from 'node:fs';
import path from 'node:path';
import pixelmatch from 'pixelmatch';
import { imageSize } from 'image-size';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, root } from '../helpers/cli.js';
import { CommandRunner } from '../helpers/in-process.js';
import { renderCache } from '../helpers/cache.js';
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
const env = { TALKREEL_CACHE_DIR: renderCache(path.join(tmp, 'cache')) };
const command = new CommandRunner(env);
const LAYOUTS = ['title', 'bullets', 'quote', 'statement', 'link', 'image', 'content', 'content', 'bullets', 'bullets', 'statement', 'columns', 'content', 'content', 'bullets', 'closing'];
/** A Marp deck in 4:3, with a `fit` heading, header and footer rows, and a picture beside a slide. */
const MARP = ['title', 'bullets'];
const cases = [
  { name: 'dark theme, every layout, and code, a table, nested lists, emoji, HTML, two columns, a formula, a diagram and a grid', deck: 'layouts.md', ref: 'dark', layouts: LAYOUTS },
  { name: 'light theme, every layout, and code, a table, nested lists, emoji, HTML, two columns, a formula, a diagram and a grid', deck: 'layouts-light.md', ref: 'light', layouts: LAYOUTS },
  { name: "dark theme, Marp's directives in a 4:3 deck", deck: 'looks-marp.md', ref: 'dark/marp', layouts: MARP },
  { name: "light theme, Marp's directives in a 4:3 deck", deck: 'looks-marp-light.md', ref: 'light/marp', layouts: MARP },
];
const pngs = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.png')).sort();

// One render of the four decks (one browser, one page load each): the real pipeline, thumbnails only.
beforeAll(async () => {
  const r = await command.run(['render', ...cases.map((c) => fixture(c.deck)), '--out', tmp, '--resolution', '1080p', '--no-video', '--json']);
  expect(r.code, r.stderr).toBe(0);
}, 300_000);

describe.each(cases)('$name, at 1080p', ({ deck, ref, layouts }) => {
  const theme = ref.replace('/', '-');
  // A deck's outputs go in a folder named after it.
  const out = path.join(tmp, path.basename(deck, '.md'));
  const refDir = path.join(root, 'tests', 'visual', 'reference', ref);

  beforeAll(() => {
    if (UPDATE) {
      fs.mkdirSync(refDir, { recursive: true });
      for (const f of pngs(refDir)) fs.rmSync(path.join(refDir, f));
      for (const f of pngs(path.join(out, 'thumbnails'))) fs.copyFileSync(path.join(out, 'thumbnails', f), path.join(refDir, f));
    }
  });

  it('shows each layout once', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(manifest.slides.map((s: { layout: string }) => s.layout)).toEqual(layouts);
    expect(pngs(refDir)).toEqual(pngs(path.join(out, 'thumbnails')));
  });

  it.each(layouts.map((layout, i) => [layout, i]))('%s matches its reference', (_layout, i) => {
    const name = pngs(path.join(out, 'thumbnails'))[i as number];
    const [actualBytes, expectedBytes] = [fs.readFileSync(path.join(out, 'thumbnails', name)), fs.readFileSync(path.join(refDir, name))];
    // 1080p: 1920x1080, or 1440x1080 for a 4:3 deck.
    const size = (png: Buffer) => {
      const { width, height } = imageSize(png);
      return { width, height };
    };
    expect(size(actualBytes)).toEqual({ width: ref.includes('marp') ? 1440 : 1920, height: 1080 });
    expect(size(expectedBytes)).toEqual(size(actualBytes));
    // The same file has the same pixels: decoding two 1080p PNGs and comparing them takes 0.15 s.
    if (actualBytes.equals(expectedBytes)) return;
    const [actual, expected] = [PNG.sync.read(actualBytes), PNG.sync.read(expectedBytes)];
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
