import type { Element, ElementContent, Nodes } from 'hast';
import { DROPPED, INLINE_MARKS, isComponent, MEDIA } from './html.js';
import { clickOf } from './click-sources.js';
import type { Conversion } from './conversion.js';
import type { Run } from './model.js';

type Marks = Omit<Run, 'text'>;

/** True for elements that are part of a line of text rather than a block of their own. */
export function isInline(node: ElementContent): boolean {
  if (node.type === 'text' || node.type === 'comment') return true;
  if (node.type !== 'element') return false;
  if (node.tagName in INLINE_MARKS) return node.children.every(isInline);
  if (isComponent(node.tagName)) return node.children.every(isInline);
  return false;
}

/**
 * A line of text with its marks, from phrasing content: Markdown's emphasis and code, and the
 * HTML marks a slide can show. Whitespace collapses as HTML collapses it; `<br>` is a hard break.
 */
export function runsOf(nodes: ElementContent[], cx: Conversion, marks: Marks = {}): Run[] {
  const out: Run[] = [];
  for (const node of nodes) {
    if (node.type === 'text') out.push({ text: node.value.replace(/\s*\n\s*/g, ' '), ...marks });
    else if (node.type === 'comment') cx.comment(node.value, node);
    else if (node.type === 'element') out.push(...elementRuns(node, cx, marks));
  }
  return mergeRuns(out);
}

function elementRuns(el: Element, cx: Conversion, marks: Marks): Run[] {
  const tag = el.tagName;
  cx.attributes(el);
  if (DROPPED.has(tag) || MEDIA.has(tag)) {
    leftOut(el, cx);
    return [];
  }
  if (tag === 'br') return [{ text: '\n' }];
  if (tag === 'input') return [];
  if (tag === 'img') return [{ text: String(el.properties?.alt ?? ''), ...marks }];
  if (tag === 'a' && (el.properties?.dataFootnoteBackref !== undefined)) return [];
  // `$x$` (remark-math): the TeX, drawn by KaTeX.
  if (tag === 'code' && classesOf(el).includes('math-inline')) return [{ text: textOf(el), math: true }];
  const mark = INLINE_MARKS[tag];
  if (mark === undefined) noteUnknown(el, cx);
  const next: Marks = { ...marks, ...(mark ? { [mark]: true } : {}) };
  if (tag === 'a' && typeof el.properties?.href === 'string') next.href = el.properties.href;
  // `<span v-click>`: a part of the line that appears at a click.
  const click = clickOf(el, cx);
  if (click === undefined) return runsOf(el.children, cx, next);
  if (cx.inside > 0) cx.clicks.break('a click source is inside another');
  cx.inside++;
  const runs = runsOf(el.children, cx, click ? { ...next, click } : next);
  cx.inside--;
  return runs;
}

export const classesOf = (el: Element) => (el.properties?.className as string[] | undefined) ?? [];
export const textOf = (node: Nodes): string =>
  node.type === 'text' ? node.value : 'children' in node ? (node.children as Nodes[]).map(textOf).join('') : '';

/** Warns about an element that is left out, with what it was. */
export function leftOut(el: Element, cx: Conversion): void {
  const tag = el.tagName;
  if (DROPPED.has(tag)) cx.warn('unsupported-html', `a <${tag}> is never run or shown; it is left out`, el);
  else cx.warn('unsupported-html', `a <${tag}> cannot be drawn on a slide; it is left out`, el);
}

/** Components: their text is kept, with one warning per name. Slidev's click tags are played (see click-sources.ts). */
export function noteUnknown(el: Element, cx: Conversion): void {
  const tag = el.tagName;
  if (tag.startsWith('v-')) return;
  if (isComponent(tag)) {
    cx.once(`component:${tag}`, 'unsupported-component', `Vue component <${cx.written(tag)}> is not drawn; only its text is shown`, el);
  }
}

export function mergeRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    const prev = out.at(-1);
    if (prev && prev.text !== '\n' && run.text !== '\n' && sameMarks(prev, run)) prev.text += run.text;
    else if (run.text !== '') out.push({ ...run });
  }
  return out;
}

const MARK_KEYS = ['strong', 'em', 'code', 'kbd', 'strike', 'sub', 'sup', 'href', 'math'] as const;
const sameMarks = (a: Run, b: Run) => MARK_KEYS.every((k) => a[k] === b[k]) && a.click === b.click;

/** Runs without the white space at their two ends (a paragraph made of HTML's loose text). */
export function trimRuns(runs: Run[]): Run[] {
  const out = runs.map((r) => ({ ...r }));
  while (out.length && out[0].text !== '\n' && out[0].text.trimStart() === '') out.shift();
  while (out.length && out.at(-1)!.text !== '\n' && out.at(-1)!.text.trimEnd() === '') out.pop();
  while (out.length && out[0].text === '\n') out.shift();
  while (out.length && out.at(-1)!.text === '\n') out.pop();
  if (out.length) {
    out[0].text = out[0].text.trimStart();
    out[out.length - 1].text = out[out.length - 1].text.trimEnd();
  }
  return out.filter((r) => r.text !== '');
}
