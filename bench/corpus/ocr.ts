import { createRequire } from 'node:module';
import path from 'node:path';
import { createWorker, PSM, type Worker } from 'tesseract.js';
import { forOcr, lightBackground, readPicture, type Polarity } from './pixels.js';
import { recall, union, words } from './words.js';

const require = createRequire(import.meta.url);
// The English model ships in an npm package: OCR needs no network.
const langPath = path.join(path.dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');

export async function openOcr(): Promise<Worker> {
  const worker = await createWorker('eng', 1, { langPath, cacheMethod: 'none', gzip: true });
  // Slides are sparse text in several blocks, not a page of prose. Tesseract's notes on each
  // picture ("Estimating resolution as ...") go nowhere rather than between the report's lines.
  await worker.setParameters({ tessedit_pageseg_mode: PSM.SPARSE_TEXT, debug_file: '/dev/null' });
  return worker;
}

export interface Reading {
  /** The words read, from every attempt together. */
  words: string[];
  /** Attempts made, such as `half dark-text`. */
  attempts: string[];
}

/**
 * Reads a slide's words. The first attempt is at half size in the slide's own polarity; while
 * expected words are missing, it reads again at full size (small type), at full size with a
 * threshold for faint type (small muted text), and in the other polarity (light text on a dark
 * panel of a light slide), and keeps every word any attempt read. OCR misses words far more often
 * than it invents them, so more attempts measure what the slide shows rather than how well one
 * reading went.
 */
export async function readSlide(worker: Worker, file: string, expected: string[]): Promise<Reading> {
  const picture = readPicture(file);
  const own: Polarity = lightBackground(picture) ? 'dark-text' : 'light-text';
  const other: Polarity = own === 'dark-text' ? 'light-text' : 'dark-text';
  const plan: [Polarity, 1 | 2, boolean][] = [[own, 2, false], [own, 1, false], [own, 1, true], [other, 2, false]];
  let read: string[] = [];
  const attempts: string[] = [];
  for (const [polarity, shrink, faint] of plan) {
    read = union(read, await attempt(worker, forOcr(picture, polarity, shrink, faint)));
    attempts.push(`${shrink === 2 ? 'half' : 'full'} ${polarity}${faint ? ' faint' : ''}`);
    if (recall(expected, read).missing.length === 0) break;
  }
  return { words: read, attempts };
}

async function attempt(worker: Worker, png: Buffer): Promise<string[]> {
  const { data } = await worker.recognize(png);
  return words(data.text);
}
