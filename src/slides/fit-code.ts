import type { Block, CodeToken } from '../deck/model.js';
import type { Measure } from './lines.js';

/**
 * Code is set as written: every line on its own line, indentation kept, tabs as four spaces. A
 * line wider than the panel continues on the next line behind a marker (`↪`), so nothing is cut
 * and a reader sees where the line was broken. Wrapping is computed here, not by the browser:
 * the fitting (in Node and in the page) and the drawing then agree on every line.
 */
export const TAB = '    ';
export const WRAP_MARKER = '↪ ';

/**
 * The lines of a code block as they are drawn at `size` in `width` pixels. A line too long breaks
 * after its last space that fits (as an editor's soft wrap does), or anywhere in a long word.
 */
export function wrapCode(text: string, width: number, size: number, measure: Measure): { text: string; continued: boolean }[] {
  const out: { text: string; continued: boolean }[] = [];
  const w = (s: string) => measure(s, 400, true) * size;
  const marker = w(WRAP_MARKER);
  for (const line of text.replace(/\t/g, TAB).split('\n')) {
    let rest = line;
    let continued = false;
    while (true) {
      const room = width - (continued ? marker : 0);
      const cut = fittingLength(rest, room, w);
      if (cut >= rest.length) break;
      const indent = /^\s*/.exec(rest)![0].length;
      const space = rest.lastIndexOf(' ', cut - 1);
      const at = space > indent && space >= cut / 3 ? space + 1 : Math.max(1, cut);
      out.push({ text: rest.slice(0, at), continued });
      rest = rest.slice(at);
      continued = true;
    }
    out.push({ text: rest, continued });
  }
  return out;
}

/** How many characters (code units, whole code points) of `text` fit `room` pixels. */
function fittingLength(text: string, room: number, w: (s: string) => number): number {
  let used = 0;
  let n = 0;
  for (const ch of text) {
    used += w(ch);
    if (used > room) return n;
    n += ch.length;
  }
  return n;
}

export function codeLineCount(text: string, width: number, size: number, measure: Measure): number {
  if (width <= size * 4) return Number.POSITIVE_INFINITY;
  return wrapCode(text, width, size, measure).length;
}

/** The size at which the longest line of `text` fits `width` without wrapping. */
export function unwrappedSize(text: string, width: number, measure: Measure): number {
  const widest = Math.max(1e-6, ...text.replace(/\t/g, TAB).split('\n').map((line) => measure(line, 400, true)));
  return width / widest;
}

/** DejaVu Sans Mono's advance (1233/2048 em): every glyph, in every weight and style, is this wide. */
export const MONO_EM = 1233 / 2048;

/** The line number gutter: the widest number, right-aligned, and a gap of 1.5 characters. */
export const gutterChars = (block: Extract<Block, { type: 'code' }>, lines: number) => {
  const start = block.lineNumbers?.start ?? 1;
  return Math.max(String(start).length, String(start + Math.max(1, lines) - 1).length) + 1.5;
};

/**
 * What a code block's fitting measures: the text of its tallest version (a magic move shows one
 * at a time, in the same place), and the width its line numbers take, in ems of the code's size.
 */
export function codeFit(block: Extract<Block, { type: 'code' }>): { text: string; gutterEm: number } {
  const versions = block.versions ?? [block.value];
  const text = versions.reduce((a, b) => (b.split('\n').length > a.split('\n').length ? b : a));
  return { text, gutterEm: block.lineNumbers ? gutterChars(block, text.split('\n').length) * MONO_EM : 0 };
}

/** A line as drawn: which source line it is part of (0-based), whether it continues one, its tokens. */
export interface DrawnLine {
  source: number;
  continued: boolean;
  tokens: CodeToken[];
}

/**
 * `wrapCode`, keeping colours: each drawn line gets the tokens (or parts of tokens) of its text,
 * so both parts of a wrapped line keep their colours. Without tokens (no language, or one Shiki
 * does not know), or with tokens that do not spell the text, each line is one plain token.
 */
export function wrapTokens(text: string, tokens: CodeToken[][] | undefined, width: number, size: number, measure: Measure): DrawnLine[] {
  const sources = text.replace(/\t/g, TAB).split('\n');
  const spelled = tokens?.length === sources.length && tokens.every((line, i) => line.map((t) => t.text.replace(/\t/g, TAB)).join('') === sources[i]);
  const lineTokens = spelled ? tokens!.map((line) => line.map((t) => ({ ...t, text: t.text.replace(/\t/g, TAB) }))) : sources.map((s) => [{ text: s }]);
  const out: DrawnLine[] = [];
  let source = -1;
  let at = 0;
  for (const part of wrapCode(text, width, size, measure)) {
    if (!part.continued) {
      source++;
      at = 0;
    }
    out.push({ source, continued: part.continued, tokens: slice(lineTokens[source] ?? [], at, at + part.text.length) });
    at += part.text.length;
  }
  return out;
}

/** The tokens covering characters `from` to `to` of a line, cut at both ends. */
function slice(tokens: CodeToken[], from: number, to: number): CodeToken[] {
  const out: CodeToken[] = [];
  let start = 0;
  for (const t of tokens) {
    const end = start + t.text.length;
    const a = Math.max(from, start);
    const b = Math.min(to, end);
    if (b > a) out.push({ ...t, text: t.text.slice(a - start, b - start) });
    start = end;
  }
  return out;
}
