import fs from 'node:fs';
import { createRequire } from 'node:module';
import opentype from 'opentype.js';
import type { Deck, Diagnostic } from '../deck/model.js';
import type { Measure } from '../slides/fit.js';
import { chromeOf, fitSlide } from '../slides/geometry.js';

const require = createRequire(import.meta.url);
const WEIGHTS = [400, 600, 700, 800] as const;
/** Per character when the face has no glyph (the browser falls back to another font). */
const MISSING_EM = 1;
/** Monospace code: DejaVu Sans Mono advances 0.602 em. */
const MONO_EM = 0.61;

type Font = ReturnType<typeof opentype.parse>;
let fonts: Map<number, Font> | null = null;

function loadFonts(): Map<number, Font> {
  if (fonts) return fonts;
  fonts = new Map();
  for (const w of WEIGHTS) {
    const file = require.resolve(`@fontsource/inter/files/inter-latin-${w}-normal.woff`);
    const buf = fs.readFileSync(file);
    // lowMemory reads glyphs when they are asked for: a quarter of the time of reading them all
    // (about 30 against 130 ms for the four weights), and every render and check loads them.
    fonts.set(w, opentype.parse(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength), { lowMemory: true }));
  }
  return fonts;
}

/**
 * Text widths from Inter's own advance widths, read from the font file the compositions load.
 * Kerning (which mostly tightens) is left out, so this errs on the wide side: a slide that fits
 * here fits in the browser, which measures with @remotion/layout-utils.
 */
const measure: Measure = (text, weight, mono) => {
  if (mono) return [...text].length * MONO_EM;
  const all = loadFonts();
  const font = all.get(weight) ?? all.get(WEIGHTS.reduce((a, b) => (Math.abs(b - weight) < Math.abs(a - weight) ? b : a)))!;
  let units = 0;
  for (const ch of text) {
    const glyph = font.charToGlyph(ch);
    units += glyph.index === 0 ? MISSING_EM * font.unitsPerEm : (glyph.advanceWidth ?? font.unitsPerEm);
  }
  return units / font.unitsPerEm;
};

/**
 * Warnings about how slides will fit, computed in Node before anything is rendered:
 * `text-overflow` for a slide whose text does not fit its content area even at the smallest
 * sizes (it would be cut at the edge of the area).
 */
export function checkTextFit(deck: Deck, size: { width: number; height: number }): Diagnostic[] {
  const out: Diagnostic[] = [];
  const chrome = chromeOf(deck);
  for (const slide of deck.slides) {
    // Pictures behind or beside a slide (Marp's bg) are not text; one beside it halves the text's room.
    const placed = slide.blocks.filter((b) => b.type === 'image' && b.placement !== undefined);
    const side = placed.some((b) => b.type === 'image' && (b.placement === 'left' || b.placement === 'right'));
    const content = placed.length ? { ...slide, blocks: slide.blocks.filter((b) => !placed.includes(b)) } : slide;
    const fitted = fitSlide(content, side ? Math.round(size.width / 2) : size.width, size.height, chrome, measure);
    if (!fitted.fits) {
      out.push({
        file: deck.file,
        severity: 'warning',
        code: 'text-overflow',
        message: `slide ${slide.index} (${slide.layout}): its text does not fit the ${size.width}x${size.height} frame even at the smallest sizes, and is cut at the edge of the title-safe area; shorten it or split the slide`,
        line: slide.blocks[0]?.line ?? slide.line,
        column: 1,
      });
    }
  }
  return out;
}
