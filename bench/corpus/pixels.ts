import fs from 'node:fs';
import { PNG } from 'pngjs';

/** A decoded picture: RGBA bytes, row by row. */
export interface Picture {
  width: number;
  height: number;
  data: Buffer;
}

export const readPicture = (file: string): Picture => PNG.sync.read(fs.readFileSync(file));

const luma = (d: Buffer, i: number) => 0.299 * d[i] + 0.587 * d[i + 1] + 0.114 * d[i + 2];

/**
 * Whether the slide is dark text on a light background: its most common brightness (the
 * background covers most of a slide) is in the upper half.
 */
export function lightBackground(p: Picture): boolean {
  const buckets = new Uint32Array(16);
  for (let i = 0; i < p.data.length; i += 4) buckets[Math.min(15, Math.floor(luma(p.data, i) / 16))]++;
  let mode = 0;
  for (let b = 1; b < 16; b++) if (buckets[b] > buckets[mode]) mode = b;
  return mode >= 8;
}

export type Polarity = 'dark-text' | 'light-text';

/** How strongly a pixel reads as ink: its brightest channel on a dark slide, its darkest (inverted) on a light one. */
const inkOf = (d: Buffer, i: number, polarity: Polarity) =>
  polarity === 'light-text' ? Math.max(d[i], d[i + 1], d[i + 2]) : 255 - Math.min(d[i], d[i + 1], d[i + 2]);

/** The ink level of the background: the most common one. */
function backgroundInk(p: Picture, polarity: Polarity): number {
  const buckets = new Uint32Array(256);
  for (let i = 0; i < p.data.length; i += 4) buckets[inkOf(p.data, i, polarity)]++;
  return buckets.indexOf(Math.max(...buckets));
}

/**
 * The picture as Tesseract reads best: black text on white, thresholded, shrunk by `shrink`
 * (1 or 2: Tesseract misjudges the scale of 1080p slides with 150-pixel headings at full size,
 * and loses the smallest type at half size). Coloured text counts as ink. The usual threshold is
 * half way; `faint` sets it a quarter of the way from the background, for small muted text
 * (headers, footers, captions) that the usual one breaks up.
 */
export function forOcr(p: Picture, polarity: Polarity, shrink: 1 | 2, faint = false): Buffer {
  const out = new PNG({ width: Math.floor(p.width / shrink), height: Math.floor(p.height / shrink) });
  const bg = faint ? backgroundInk(p, polarity) : 0;
  const cut = faint ? bg + (255 - bg) / 4 : 127;
  for (let y = 0; y < out.height; y++) {
    for (let x = 0; x < out.width; x++) {
      let sum = 0;
      for (let dy = 0; dy < shrink; dy++) for (let dx = 0; dx < shrink; dx++) sum += inkOf(p.data, ((shrink * y + dy) * p.width + shrink * x + dx) * 4, polarity);
      const o = (y * out.width + x) * 4;
      out.data[o] = out.data[o + 1] = out.data[o + 2] = sum / (shrink * shrink) > cut ? 0 : 255;
      out.data[o + 3] = 255;
    }
  }
  return PNG.sync.write(out);
}

/** talkreel's content area: 7% in from the sides, 8% from the top and bottom (README, "Text always fits"). */
export const CONTENT_INSET = { x: 0.07, y: 0.08 };
/** A pixel is an edge when a channel changes by more than this over two pixels. */
const EDGE_STEP = 48;
/**
 * Below this share of edge pixels the content area shows nothing: a single short word at the
 * smallest type size makes ten times as many, while flat and gradient backgrounds make none.
 */
export const BLANK_EDGE_SHARE = 0.0002;

/** Share of the content area's pixels where the picture changes sharply (text, shapes, pictures). */
export function edgeShare(p: Picture, inset = CONTENT_INSET): number {
  const x0 = Math.round(p.width * inset.x);
  const y0 = Math.round(p.height * inset.y);
  const x1 = p.width - x0 - 2;
  const y1 = p.height - y0 - 2;
  let edges = 0;
  const d = p.data;
  const step = (a: number, b: number) => Math.max(Math.abs(d[a] - d[b]), Math.abs(d[a + 1] - d[b + 1]), Math.abs(d[a + 2] - d[b + 2]));
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * p.width + x) * 4;
      if (step(i, i + 8) > EDGE_STEP || step(i, i + 8 * p.width) > EDGE_STEP) edges++;
    }
  }
  return edges / Math.max(1, (x1 - x0) * (y1 - y0));
}

/** A slide that shows nothing but its background in the content area. */
export const isBlank = (p: Picture): boolean => edgeShare(p) < BLANK_EDGE_SHARE;
