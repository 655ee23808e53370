import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PNG } from 'pngjs';
import { createWorker, PSM, type Worker } from 'tesseract.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/render/outputs/manifest.js';
import { CommandRunner } from '../helpers/in-process.js';
import { readTranscript, transcriptText } from '../helpers/transcript.js';
import { tempDir } from '../helpers/temp.js';

const command = new CommandRunner();

// The real talk, rendered by the command, read back by OCR: every slide shows its transcript.
const require = createRequire(import.meta.url);
const langPath = path.join(path.dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');
const out = tempDir('ocr');
const transcript = readTranscript();

/** Lower-case words of letters and digits: OCR and typography differ in quotes and dashes. */
const tokens = (text: string) =>
  text
    .toLowerCase()
    .replace(/[“”"’'‘…•–—()!?,:;]/g, ' ')
    .split(/[\s/]+/)
    .map((w) => w.replace(/^[.\-]+|[.\-]+$/g, ''))
    .filter((w) => /[a-z0-9]/.test(w));

/**
 * The usual OCR preparation: light text on a dark slide becomes black on white, at half size
 * (Tesseract misjudges the scale of 1080p slides with 150-pixel headings), thresholded. As a
 * binary PGM picture, which Tesseract reads as it reads a PNG, with nothing to compress.
 */
function forOcr(file: string): Buffer {
  const png = PNG.sync.read(fs.readFileSync(file));
  const [width, height] = [png.width >> 1, png.height >> 1];
  const header = Buffer.from(`P5\n${width} ${height}\n255\n`, 'latin1');
  const pixels = Buffer.alloc(width * height);
  const ink = (x: number, y: number) => {
    const i = (y * png.width + x) * 4;
    return 255 - Math.max(png.data[i], png.data[i + 1], png.data[i + 2]);
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = (ink(2 * x, 2 * y) + ink(2 * x + 1, 2 * y) + ink(2 * x, 2 * y + 1) + ink(2 * x + 1, 2 * y + 1)) / 4;
      pixels[y * width + x] = v < 128 ? 0 : 255;
    }
  }
  return Buffer.concat([header, pixels]);
}

describe('the rendered talk, read back by OCR', () => {
  let manifest: Manifest;
  let worker: Worker;
  const read = new Map<number, string>();

  beforeAll(async () => {
    const r = await command.run(['render', 'deck/scaling-python.md', '--out', out, '--no-video', '--json']);
    expect(r.code, r.stderr).toBe(0);
    manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    worker = await createWorker('eng', 1, { langPath, cacheMethod: 'none', gzip: true });
    // Slides are sparse text in several blocks, not a page of prose.
    await worker.setParameters({ tessedit_pageseg_mode: PSM.SPARSE_TEXT });
    for (const s of manifest.slides) {
      const { data } = await worker.recognize(forOcr(path.join(out, s.thumbnail ?? '')));
      read.set(s.index, data.text);
    }
  });
  afterAll(async () => {
    await worker?.terminate();
  });

  it('renders 19 full-HD slides', () => {
    expect(manifest.slides).toHaveLength(19);
    expect([manifest.width, manifest.height]).toEqual([1920, 1080]);
  });

  it.each(transcript.filter((s) => s.lines.length > 0).map((s) => [s.number, s] as const))(
    'slide %i shows the transcript\'s words',
    (n, slide) => {
      const expected = tokens(transcriptText(slide));
      const seen = new Set(tokens(read.get(n) ?? ''));
      const missing = expected.filter((w) => !seen.has(w));
      // OCR misreads a character now and then (a URL, a figure): allow one word in twenty.
      expect(missing.length, `slide ${n}: OCR read ${JSON.stringify(read.get(n))}; missing ${missing.join(', ')}`).toBeLessThanOrEqual(Math.floor(expected.length / 20));
    },
  );

  it('shows no text on the three illustrations', () => {
    // Shapes can read as stray letters, but never as the talk's words.
    const vocabulary = new Set(transcript.flatMap((s) => tokens(transcriptText(s))).filter((w) => w.length >= 4));
    for (const n of [3, 12, 18]) expect(tokens(read.get(n) ?? '').filter((w) => vocabulary.has(w))).toEqual([]);
  });
});
