import { isMap, isScalar, LineCounter, parseDocument, type Node } from 'yaml';
import { MARP_GLOBAL, MARP_LOCAL } from './dialects.js';
import { looseValue, type ForeignOption } from './options.js';
import type { RawSlide } from './split.js';
import type { Block } from './model.js';

/**
 * Marp's own syntax: directives in HTML comments, image keywords in the alt text, and slides
 * split at headings (`headingDivider`). Pure: text in, data out.
 */

/** One `key: value` read from a Marp directive or a Slidev option, with where it was written. */
export type OptionEntry = ForeignOption;

export interface Comment {
  /** The comment's text, trimmed, and as written between `<!--` and `-->`. */
  text: string;
  raw: string;
  /** Where `<!--` is. */
  line: number;
  column: number;
}

const DIRECTIVES = new Set([...MARP_GLOBAL, ...MARP_LOCAL, 'title', 'author']);
export const isMarpDirective = (key: string) => DIRECTIVES.has(key.replace(/^[_$]/, ''));

/**
 * A comment whose YAML is a map of Marp directives only is a directive comment (Marp drops it from
 * the presenter notes); returns its entries, or null when the comment is a note.
 */
export function readDirectiveComment(comment: Comment): OptionEntry[] | null {
  if (!/^\s*[_$]?[A-Za-z]\w*\s*:/.test(comment.text)) return null;
  const lineCounter = new LineCounter();
  const doc = parseDocument(comment.raw, { schema: 'core', prettyErrors: false, lineCounter });
  const pos = (node: unknown) => {
    const p = lineCounter.linePos((node as Node | null)?.range?.[0] ?? 0);
    return { line: comment.line + p.line - 1, column: p.line === 1 ? comment.column + 4 + p.col - 1 : p.col };
  };
  if (doc.errors.length > 0 || !isMap(doc.contents) || doc.contents.items.length === 0) return null;
  const entries: OptionEntry[] = [];
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!isMarpDirective(key)) return null;
    const at = pos(pair.key);
    const parsed = pair.value && 'toJSON' in (pair.value as object) ? (pair.value as { toJSON(): unknown }).toJSON() : null;
    const value = looseValue(parsed, comment.raw, lineCounter.linePos((pair.key as Node).range?.[0] ?? 0).line - 1);
    const valueAt = pair.value ? pos(pair.value) : at;
    entries.push({ key, value, ...at, valueLine: valueAt.line, valueColumn: valueAt.column });
  }
  return entries;
}

/** What Marp's keywords in a picture's alt text set on the picture (see the image block in model.ts). */
export type ImageKeywords = Pick<Extract<Block, { type: 'image' }>, 'alt' | 'placement' | 'fit' | 'share' | 'vertical' | 'width' | 'height'> & {
  /** Keywords Marp knows that talkreel does not apply (filters, bg sizes). */
  ignored: string[];
};

const FILTERS = /^(blur|brightness|contrast|drop-shadow|grayscale|hue-rotate|invert|opacity|saturate|sepia)(:.*)?$/;

/** `![bg right:40% contain w:300 sepia A cat](...)` -> its keywords and its real alt text. */
export function readImageKeywords(alt: string): ImageKeywords {
  const words = alt.split(/\s+/).filter(Boolean);
  const out: ImageKeywords = { alt: '', ignored: [] };
  const bg = words.includes('bg');
  const rest: string[] = [];
  for (const word of words) {
    const size = /^(w|width|h|height):(\d+(?:\.\d+)?)(px)?$/.exec(word);
    if (word === 'bg') out.placement ??= 'background';
    else if (bg && /^(left|right)(:\d+(\.\d+)?%)?$/.test(word)) {
      out.placement = word.startsWith('left') ? 'left' : 'right';
      const share = word.includes(':') ? Number(word.split(':')[1].replace('%', '')) / 100 : undefined;
      if (share !== undefined && share > 0 && share < 1) out.share = share;
      else if (share !== undefined) out.ignored.push(word);
    } else if (bg && (word === 'contain' || word === 'fit')) out.fit = 'contain';
    else if (bg && word === 'cover') out.fit = 'cover';
    else if (bg && word === 'vertical') out.vertical = true;
    else if (bg && (word === 'auto' || /^\d+(\.\d+)?%$/.test(word))) out.ignored.push(word);
    else if (size) out[size[1].startsWith('w') ? 'width' : 'height'] = Number(size[2]);
    else if (/^(w|width|h|height):/.test(word) || FILTERS.test(word)) out.ignored.push(word);
    else rest.push(word);
  }
  out.alt = rest.join(' ');
  return out;
}

const ATX = /^ {0,3}(#{1,6})(\s|$)/;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

/**
 * Marp's `headingDivider: N`: a heading of level N or above starts a new slide, unless it is
 * already the first thing on its slide.
 */
export function divideAtHeadings(slides: RawSlide[], level: number): RawSlide[] {
  return slides.flatMap((slide) => {
    const lines = slide.body.split('\n');
    const cuts: number[] = [];
    let fence: string | null = null;
    let content = false;
    lines.forEach((line, i) => {
      const f = FENCE.exec(line);
      if (f) fence = fence === null ? f[1][0] : f[1][0] === fence ? null : fence;
      const h = fence === null && !f ? ATX.exec(line) : null;
      if (h && h[1].length <= level && content) cuts.push(i);
      if (line.trim() !== '' && !/^\s*<!--.*-->\s*$/.test(line)) content = true;
    });
    if (cuts.length === 0) return [slide];
    const bounds = [0, ...cuts, lines.length];
    return bounds.slice(0, -1).map((from, k) => {
      const to = bounds[k + 1];
      return {
        frontmatter: k === 0 ? slide.frontmatter : null,
        body: lines.slice(from, to).join('\n'),
        bodyLine: slide.bodyLine + from,
        line: k === 0 ? slide.line : slide.bodyLine + from,
        endLine: slide.bodyLine + to - 1,
      };
    });
  });
}
