import fs from 'node:fs';
import os from 'node:os';
import pLimit from 'p-limit';
import { sha256, type Store } from '../render/cache/cache.js';
import { ffmpegPath, run } from '../render/encode/ffmpeg.js';
import { labelFonts, labelPixels } from './sheet-labels.js';

const quiet = ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y'];

/**
 * Layout of the sheet: cells of this width, this many columns at most, gaps and margins in pixels.
 * Each cell's number sits in a strip under its picture (`label` pixels high), never over the slide.
 */
export const SHEET = { cellWidth: 384, maxColumns: 5, gap: 16, label: 48, background: [0x10, 0x12, 0x16], badge: [0xff, 0xd1, 0x4d], ink: [0x10, 0x12, 0x16] } as const;

/** A slide of the sheet: its picture, and what its label says. */
export interface SheetSlide {
  index: number;
  png: string;
  title: string;
  /** When the slide starts in the talk, in seconds. */
  start: number;
}

/**
 * Draws every slide's picture into one PNG, in a grid, each with a label under it: its number on
 * a badge, its title and its start time, in the talk's own type (see sheet-labels.ts). Pictures
 * are scaled by ffmpeg (area averaging), on every core, and placed as raw RGB here. With a
 * `store`, each scaled picture is kept under a hash of its PNG: after an edit only the slides that
 * changed are scaled again.
 */
export async function writeContactSheet(slides: SheetSlide[], width: number, height: number, out: string, signal?: AbortSignal, store?: Store): Promise<void> {
  const cw = SHEET.cellWidth;
  const ch = Math.max(2, Math.round((cw * height) / width / 2) * 2);
  const cols = Math.min(SHEET.maxColumns, Math.max(1, Math.ceil(Math.sqrt(slides.length))));
  const rows = Math.ceil(slides.length / cols);
  const W = cols * cw + (cols + 1) * SHEET.gap;
  const H = rows * (ch + SHEET.label) + (rows + 1) * SHEET.gap;
  const sheet = Buffer.alloc(W * H * 3);
  fill(sheet, W, 0, 0, W, H, SHEET.background);
  const limit = pLimit(Math.max(1, os.cpus().length));
  const fonts = store ? labelFonts().map((b) => sha256(b)).join(' ') : '';
  const cells = await Promise.all(slides.map((s) => limit(() => scaledCell(s, cw, ch, signal, store))));
  for (const [k, s] of slides.entries()) {
    const x0 = SHEET.gap + (k % cols) * (cw + SHEET.gap);
    const y0 = SHEET.gap + Math.floor(k / cols) * (ch + SHEET.label + SHEET.gap);
    for (let y = 0; y < ch; y++) cells[k].copy(sheet, ((y0 + y) * W + x0) * 3, y * cw * 3, (y + 1) * cw * 3);
    drawLabel(sheet, W, x0, y0 + ch, cachedLabel(s, cw, fonts, store));
  }
  await run(ffmpegPath(), [...quiet, '-f', 'image2pipe', '-c:v', 'rawvideo', '-pixel_format', 'rgb24', '-video_size', `${W}x${H}`,
    '-frame_size', String(sheet.length), '-i', 'pipe:0', '-frames:v', '1', '-c:v', 'png', '-f', 'image2', out], { input: [sheet], signal });
}

/** One slide's picture scaled to cw x ch, as raw RGB. */
async function scaledCell(s: { index: number; png: string }, cw: number, ch: number, signal?: AbortSignal, store?: Store): Promise<Buffer> {
  const key = store ? sha256(`contact-sheet cell ${cw}x${ch}\n${sha256(fs.readFileSync(s.png))}`) : null;
  const cached = key && store?.get(key, 'rgb');
  if (cached) return fs.readFileSync(cached);
  const cell = await run(ffmpegPath(), [...quiet, '-i', s.png, '-vf', `scale=${cw}:${ch}:flags=area,format=rgb24`, '-f', 'image2pipe', '-c:v', 'rawvideo', 'pipe:1'], { signal });
  if (cell.length !== cw * ch * 3) throw new Error(`could not scale the picture of slide ${s.index}`);
  if (key) store?.put(key, 'rgb', { data: cell });
  return cell;
}

function fill(buf: Buffer, W: number, x: number, y: number, w: number, h: number, rgb: readonly number[]) {
  // One fill per row (Buffer.fill repeats the 3-byte pattern): a sheet's background is millions of pixels.
  const colour = Buffer.from(rgb);
  for (let yy = y; yy < y + h; yy++) buf.fill(colour, (yy * W + x) * 3, (yy * W + x + w) * 3);
}

/** Copies a label's RGBA pixels (opaque: drawn on the sheet's background) into the sheet's RGB. */
function drawLabel(buf: Buffer, W: number, x: number, y: number, label: { width: number; height: number; pixels: Buffer }) {
  for (let yy = 0; yy < label.height; yy++) {
    for (let xx = 0; xx < label.width; xx++) {
      const from = (yy * label.width + xx) * 4;
      const to = ((y + yy) * W + x + xx) * 3;
      buf[to] = label.pixels[from];
      buf[to + 1] = label.pixels[from + 1];
      buf[to + 2] = label.pixels[from + 2];
    }
  }
}

/** A slide's label (see sheet-labels.ts), kept in the store by what it says: an edit draws only the labels that changed. */
function cachedLabel(s: SheetSlide, width: number, fonts: string, store?: Store): { width: number; height: number; pixels: Buffer } {
  const key = store ? sha256(`contact-sheet label ${width}x${SHEET.label} ${JSON.stringify([s.index, s.title, s.start, SHEET])} ${fonts}`) : null;
  const cached = key && store?.get(key, 'rgba');
  if (cached) return { width, height: SHEET.label, pixels: fs.readFileSync(cached) };
  const label = labelPixels(s, width, SHEET.label, SHEET);
  if (key) store?.put(key, 'rgba', { data: label.pixels });
  return label;
}
