import fs from 'node:fs';
import os from 'node:os';
import pLimit from 'p-limit';
import { sha256, type Store } from '../render/cache/cache.js';
import { ffmpegPath, run } from '../render/encode/ffmpeg.js';

const quiet = ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y'];

/**
 * Layout of the sheet: cells of this width, this many columns at most, gaps and margins in pixels.
 * Each cell's number sits in a strip under its picture (`label` pixels high), never over the slide.
 */
export const SHEET = { cellWidth: 384, maxColumns: 5, gap: 16, label: 48, background: [0x10, 0x12, 0x16], badge: [0xff, 0xd1, 0x4d], ink: [0x10, 0x12, 0x16] } as const;

/** 5x7 pixel digits: enough to number slides without a font renderer. */
const DIGITS = [
  '01110100011001110101110011000101110', '00100011000010000100001000010001110', '01110100010000100010001000100011111',
  '11111000100010000010000011000101110', '00010001100101010010111110001000010', '11111100001111000001000011000101110',
  '00110010001000011110100011000101110', '11111000010001000100010000100001000', '01110100011000101110100011000101110',
  '01110100011000101111000010001001100',
].map((bits) => [...bits].map(Number));

/**
 * Draws every slide's picture into one PNG, in a grid, each with its number on a badge under it.
 * Pictures are scaled by ffmpeg (area averaging), on every core, and placed as raw RGB here. With
 * a `store`, each scaled picture is kept under a hash of its PNG: after an edit only the slides that
 * changed are scaled again.
 */
export async function writeContactSheet(slides: { index: number; png: string }[], width: number, height: number, out: string, signal?: AbortSignal, store?: Store): Promise<void> {
  const cw = SHEET.cellWidth;
  const ch = Math.max(2, Math.round((cw * height) / width / 2) * 2);
  const cols = Math.min(SHEET.maxColumns, Math.max(1, Math.ceil(Math.sqrt(slides.length))));
  const rows = Math.ceil(slides.length / cols);
  const W = cols * cw + (cols + 1) * SHEET.gap;
  const H = rows * (ch + SHEET.label) + (rows + 1) * SHEET.gap;
  const sheet = Buffer.alloc(W * H * 3);
  fill(sheet, W, 0, 0, W, H, SHEET.background);
  const limit = pLimit(Math.max(1, os.cpus().length));
  const cells = await Promise.all(slides.map((s) => limit(() => scaledCell(s, cw, ch, signal, store))));
  for (const [k, s] of slides.entries()) {
    const x0 = SHEET.gap + (k % cols) * (cw + SHEET.gap);
    const y0 = SHEET.gap + Math.floor(k / cols) * (ch + SHEET.label + SHEET.gap);
    for (let y = 0; y < ch; y++) cells[k].copy(sheet, ((y0 + y) * W + x0) * 3, y * cw * 3, (y + 1) * cw * 3);
    drawNumber(sheet, W, x0, y0 + ch + (SHEET.label - BADGE_HEIGHT) / 2, s.index);
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

/** Each digit pixel is SCALE x SCALE screen pixels, PAD pixels of badge around the digits. */
const SCALE = 4;
const PAD = 6;
const BADGE_HEIGHT = 7 * SCALE + 2 * PAD;

/** The number in dark digits on a light badge. */
function drawNumber(buf: Buffer, W: number, x: number, y: number, n: number) {
  const scale = SCALE;
  const digits = String(n).split('').map(Number);
  const pad = PAD;
  const bw = digits.length * 6 * scale - scale + 2 * pad;
  fill(buf, W, x, y, bw, BADGE_HEIGHT, SHEET.badge);
  digits.forEach((d, i) => {
    DIGITS[d].forEach((on, p) => {
      if (on) fill(buf, W, x + pad + i * 6 * scale + (p % 5) * scale, y + pad + Math.floor(p / 5) * scale, scale, scale, SHEET.ink);
    });
  });
}
