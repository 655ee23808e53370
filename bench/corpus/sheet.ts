import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { PNG } from 'pngjs';
import { chooseBrowser } from '../../src/render/browser/browser.js';
import { packageRoot } from '../../src/render/cache/root.js';
import { readPicture } from './pixels.js';

export interface SheetDeck {
  name: string;
  /** Under the name: slides, or why there are no pictures. */
  note: string;
  pictures: string[];
}

/** Cells of the sheet: 8 columns of 240-pixel pictures. */
const COLUMNS = 8;
const CELL = 240;

/**
 * The whole corpus on one PNG: each deck's name over a grid of its slides, numbered. The project's
 * contact sheet numbers one deck's slides without a text renderer; this one needs deck names, so
 * the browser lays it out and Playwright takes the picture.
 */
export async function writeCorpusSheet(decks: SheetDeck[], out: string): Promise<void> {
  const sections = decks.map((d) => {
    const cells = d.pictures.map((file, i) => `<figure><img src="${thumbnailUrl(file)}"><figcaption>${i + 1}</figcaption></figure>`).join('');
    return `<section><h2>${escape(d.name)} <small>${escape(d.note)}</small></h2><div class="grid">${cells}</div></section>`;
  });
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>
    body { margin: 0; padding: 16px 24px; background: #101216; color: #f4f4f5; font: 15px/1.3 sans-serif; width: ${COLUMNS * (CELL + 12)}px; }
    h2 { font-size: 22px; margin: 18px 0 8px; } small { font-size: 15px; font-weight: normal; color: #a1a1aa; }
    .grid { display: grid; grid-template-columns: repeat(${COLUMNS}, ${CELL}px); gap: 12px; }
    figure { margin: 0; } img { width: ${CELL}px; display: block; border: 1px solid #3f3f46; }
    figcaption { font-size: 12px; color: #a1a1aa; }
  </style></head><body><h1>talkreel corpus</h1>${sections.join('')}</body></html>`;
  const executablePath = chooseBrowser(undefined, packageRoot).executablePath ?? undefined;
  const browser = await chromium.launch({ executablePath, headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: COLUMNS * (CELL + 12) + 48, height: 800 } });
    await page.setContent(html, { waitUntil: 'load' });
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    const tmp = `${out}.tmp-${process.pid}.png`;
    await page.screenshot({ path: tmp, fullPage: true });
    fs.renameSync(tmp, out);
  } finally {
    await browser.close();
  }
}

/** A small copy of a slide as a data: URL (a box filter in Node): a page of hundreds of full-size PNGs would be gigabytes decoded. */
function thumbnailUrl(file: string): string {
  const p = readPicture(file);
  const f = Math.max(1, Math.floor(p.width / CELL));
  const small = new PNG({ width: Math.floor(p.width / f), height: Math.floor(p.height / f) });
  for (let y = 0; y < small.height; y++) {
    for (let x = 0; x < small.width; x++) {
      const sum = [0, 0, 0];
      for (let dy = 0; dy < f; dy++) {
        for (let dx = 0; dx < f; dx++) {
          const i = ((y * f + dy) * p.width + x * f + dx) * 4;
          for (let c = 0; c < 3; c++) sum[c] += p.data[i + c];
        }
      }
      const o = (y * small.width + x) * 4;
      for (let c = 0; c < 3; c++) small.data[o + c] = Math.round(sum[c] / (f * f));
      small.data[o + 3] = 255;
    }
  }
  return `data:image/png;base64,${PNG.sync.write(small).toString('base64')}`;
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
