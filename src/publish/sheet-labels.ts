import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import opentype from 'opentype.js';
import { formatClock } from '../deck/clock.js';

/**
 * The label under a slide on the contact sheet, in the talk's own type: Inter, read from the same
 * font files the slides use (@fontsource/inter, by opentype.js), laid out as outlines in an SVG
 * and drawn by resvg. No system font is used, so the sheet is the same on every machine.
 */
const BADGE = { height: 32, padX: 9, size: 21 } as const;
const TEXT = { size: 17, gap: 10 } as const;
const COLOURS = { title: '#e2e8f0', time: '#94a3b8' } as const;

let faces: { regular: opentype.Font; bold: opentype.Font; bytes: Buffer[] } | null = null;

function inter(): { regular: opentype.Font; bold: opentype.Font; bytes: Buffer[] } {
  if (faces) return faces;
  const require = createRequire(import.meta.url);
  const bytes = [400, 700].map((weight) => fs.readFileSync(require.resolve(`@fontsource/inter/files/inter-latin-${weight}-normal.woff`)));
  faces = { regular: opentype.parse(toArrayBuffer(bytes[0])), bold: opentype.parse(toArrayBuffer(bytes[1])), bytes };
  return faces;
}

/** What the labels' look depends on besides their text: the font files (for cache keys). */
export const labelFonts = (): Buffer[] => inter().bytes;

const toArrayBuffer = (b: Buffer) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
const hex = (rgb: readonly number[]) => `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;

/**
 * `text` set in `font` at `size` from (x, baseline): the outlines as SVG path data, and its width.
 * Glyph by glyph with kerning, as the fitting measures text (see render/capture/visual-check.ts):
 * opentype.js cannot run every substitution table Inter has.
 */
function setText(font: opentype.Font, text: string, size: number, x = 0, baseline = 0): { d: string; width: number } {
  const scale = size / font.unitsPerEm;
  const parts: string[] = [];
  let pen = x;
  let previous: opentype.Glyph | null = null;
  for (const ch of text) {
    const glyph = font.charToGlyph(ch);
    if (previous) pen += font.getKerningValue(previous, glyph) * scale;
    parts.push(glyph.getPath(pen, baseline, size).toPathData(2));
    pen += (glyph.advanceWidth ?? 0) * scale;
    previous = glyph;
  }
  return { d: parts.join(''), width: pen - x };
}

/** `text` cut with an ellipsis to fit `width` pixels at `size` in `font`. */
function fitted(text: string, font: opentype.Font, size: number, width: number): string {
  const measure = (t: string) => setText(font, t, size).width;
  if (measure(text) <= width) return text;
  let cut = text;
  while (cut.length > 0 && measure(`${cut.trimEnd()}…`) > width) cut = cut.slice(0, -1);
  return cut.length ? `${cut.trimEnd()}…` : '';
}

/** The label of one slide, `width` x `height` pixels, as opaque RGBA on the sheet's background. */
export function labelPixels(
  slide: { index: number; title: string; start: number },
  width: number,
  height: number,
  colours: { background: readonly number[]; badge: readonly number[]; ink: readonly number[] },
): { width: number; height: number; pixels: Buffer } {
  const { regular, bold } = inter();
  const number = String(slide.index);
  const badgeWidth = Math.ceil(setText(bold, number, BADGE.size).width) + 2 * BADGE.padX;
  const badgeY = (height - BADGE.height) / 2;
  const baseline = (size: number, font: opentype.Font) => height / 2 + ((font.ascender + font.descender) / 2 / font.unitsPerEm) * size;
  const time = formatClock(slide.start);
  const timeWidth = setText(regular, time, TEXT.size).width;
  const titleX = badgeWidth + TEXT.gap;
  const title = fitted(slide.title, regular, TEXT.size, width - titleX - timeWidth - 2 * TEXT.gap);
  const path = (font: opentype.Font, text: string, x: number, size: number, fill: string) => `<path fill="${fill}" d="${setText(font, text, size, x, baseline(size, font)).d}"/>`;
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">`,
    `<rect width="${width}" height="${height}" fill="${hex(colours.background)}"/>`,
    `<rect y="${badgeY}" width="${badgeWidth}" height="${BADGE.height}" fill="${hex(colours.badge)}"/>`,
    path(bold, number, BADGE.padX, BADGE.size, hex(colours.ink)),
    title ? path(regular, title, titleX, TEXT.size, COLOURS.title) : '',
    path(regular, time, width - timeWidth, TEXT.size, COLOURS.time),
    '</svg>',
  ].join('');
  const image = new Resvg(svg, { font: { loadSystemFonts: false } }).render();
  return { width: image.width, height: image.height, pixels: Buffer.from(image.pixels) };
}
