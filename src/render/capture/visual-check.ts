import fs from 'node:fs';
import { createRequire } from 'node:module';
import opentype from 'opentype.js';
import type { Deck, Diagnostic, Slide } from '../../deck/model.js';
import type { Fitted, Measure } from '../../slides/fit.js';
import { chromeOf, fitBoxOf, fitSlide, textWidthOf, type Chrome } from '../../slides/geometry.js';

const require = createRequire(import.meta.url);
const WEIGHTS = [400, 600, 700, 800] as const;
/** Per character when Inter has no glyph (the page falls back to DejaVu Sans, whose glyphs are narrower). */
const MISSING_EM = 1;
/** DejaVu Sans Mono advances 1233/2048 em for every glyph. */
const MONO_EM = 1233 / 2048;
/** Noto Color Emoji advances 1275/1024 em for every emoji. */
const EMOJI_EM = 1275 / 1024;
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

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
 * Text widths from the font files the compositions load: Inter's own advance widths, DejaVu Sans
 * Mono's fixed advance for code, Noto Color Emoji's for an emoji (a whole sequence, such as a
 * family or a flag, is one picture). Kerning (which mostly tightens) is left out, so this errs on
 * the wide side: a slide that fits here fits in the browser, which measures with
 * @remotion/layout-utils.
 */
const measure: Measure = (text, weight, mono) => widths.get(text, weight, mono);

/**
 * Widths already measured, by text, weight and face. Fitting a slide tries many sizes, and each
 * size measures the same words again: a deck of 65 slides asked for its words' widths 1 s of a
 * core's time in all, against 0.1 s measured once each.
 */
class WidthMemo {
  private readonly known = new Map<string, number>();

  get(text: string, weight: number, mono: boolean): number {
    const key = `${mono ? 'm' : weight}\u0000${text}`;
    let em = this.known.get(key);
    if (em === undefined) {
      // Renders in one process (watch, several decks) see new words: keep the memo bounded.
      if (this.known.size >= 100_000) this.known.clear();
      this.known.set(key, (em = measureEm(text, weight, mono)));
    }
    return em;
  }
}

const widths = new WidthMemo();

function measureEm(text: string, weight: number, mono: boolean): number {
  let em = 0;
  let font: Font | null = null;
  for (const { segment } of graphemes.segment(text)) {
    if (EMOJI.test(segment) && !/^[\d#*]$/.test(segment)) {
      em += EMOJI_EM;
      continue;
    }
    if (mono) {
      em += MONO_EM * [...segment].length;
      continue;
    }
    font ??= interAt(weight);
    for (const ch of segment) {
      const glyph = font.charToGlyph(ch);
      em += glyph.index === 0 ? MISSING_EM : (glyph.advanceWidth ?? font.unitsPerEm) / font.unitsPerEm;
    }
  }
  return em;
}

function interAt(weight: number): Font {
  const all = loadFonts();
  return all.get(weight) ?? all.get(WEIGHTS.reduce((a, b) => (Math.abs(b - weight) < Math.abs(a - weight) ? b : a)))!;
}

/**
 * Warnings about how slides will fit, computed in Node before anything is rendered, with the same
 * fitting code as the page: `text-small` for a slide whose text fits only below the usual sizes
 * (it is set smaller, down to 1/36 of the frame height, 1/54 for code and tables), and
 * `text-overflow` for one that does not fit even then (it would be cut at the edge of the area).
 */
export function checkTextFit(deck: Deck, size: { width: number; height: number }): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const slide of deck.slides) {
    const chrome = chromeOf(deck, slide);
    // Pictures behind or beside a slide (Marp's bg) are not text; one beside it halves the text's room.
    const placed = slide.blocks.filter((b) => b.type === 'image' && b.placement !== undefined);
    const content = placed.length ? { ...slide, blocks: slide.blocks.filter((b) => !placed.includes(b)) } : slide;
    const width = textWidthOf(placed, size.width);
    const fitted = fitSlide(content, width, size.height, chrome, measure);
    const at = { file: slide.file ?? deck.file, line: slide.blocks[0]?.line ?? slide.line, column: 1 };
    if (!fitted.fits) {
      out.push({
        ...at,
        severity: 'warning',
        code: 'text-overflow',
        message: `slide ${slide.index} (${slide.title}): its text does not fit the ${size.width}x${size.height} frame even at the smallest sizes (${reached(content, fitted, width, size.height, chrome)}), and is cut at the edge of the title-safe area; shorten it or split the slide`,
      });
    } else if (fitted.small) {
      out.push({
        ...at,
        severity: 'warning',
        code: 'text-small',
        message: `slide ${slide.index} (${slide.title}): set smaller than usual to fit the frame: ${reached(content, fitted, width, size.height, chrome)}; shorten it or split the slide to keep it easy to read`,
      });
    }
  }
  return out;
}

/** The smallest text and code sizes a fitting reached, in pixels and as a share of the frame height. */
function reached(slide: Slide, fitted: Fitted & { columns: 1 | 2 }, width: number, height: number, chrome: Chrome): string {
  const items = fitBoxOf(slide, width, height, chrome, measure, fitted.columns).items;
  const smallest = (pick: (mono: boolean) => boolean) => {
    const sizes = items.filter((i) => !i.box && pick(Boolean(i.mono || i.table))).map((i) => fitted.size[i.key]).filter((s) => s !== undefined);
    return sizes.length ? Math.min(...sizes) : null;
  };
  const say = (px: number) => `${px} px (1/${Math.round(height / px)} of the frame height)`;
  const text = smallest((mono) => !mono);
  const code = smallest((mono) => mono);
  return [text !== null ? `text at ${say(text)}` : null, code !== null ? `code and tables at ${say(code)}` : null].filter(Boolean).join(', ');
}
