import type { Element, ElementContent, Nodes } from 'hast';
import { DROPPED, INLINE_MARKS, isComponent, MEDIA } from './html.js';
import { clickOf } from './click-sources.js';
import { ClickCounter } from './clicks.js';
import type { Click, Diagnostic, Run } from './model.js';
import type { Comment } from './marp.js';

type Problem = Omit<Diagnostic, 'file'>;
type Marks = Omit<Run, 'text'>;

/**
 * What converting one slide needs around it: source positions, a place for problems (some said
 * once per deck), the tag names as written, and the slide's comments as they are met.
 */
export class Conversion {
  readonly problems: Problem[] = [];
  readonly comments: Comment[] = [];
  /** The slide's clicks, counted as their sources are met (see clicks.ts). */
  readonly clicks = new ClickCounter();
  /** Clicks given ahead to elements not met yet: the items of a `<v-clicks>`. */
  readonly planned = new Map<Element, Click>();
  /** How many click sources the element being converted is inside. */
  inside = 0;
  /** Grids of the slide so far (each gets a number), and how many the element being converted is inside. */
  grids = 0;
  inGrid = 0;
  /** The slot markers met (see markdown.ts). */
  readonly slots = new Set<string>();

  constructor(
    /** Deck line of the slide body's first line. */
    private readonly firstLine: number,
    /** Warnings given once per deck, by key: shared by every slide of the deck. */
    private readonly said: Set<string>,
    readonly names: Map<string, string>,
    readonly options: { marp: boolean; canvasWidth: number },
  ) {}

  lineOf = (node: Nodes | undefined): number => (node?.position?.start.line ?? 1) + this.firstLine - 1;
  colOf = (node: Nodes | undefined): number => node?.position?.start.column ?? 1;

  warn(code: string, message: string, node: Nodes | undefined): void {
    this.problems.push({ severity: 'warning', code, message, line: this.lineOf(node), column: this.colOf(node) });
  }

  /** A warning given once per deck for `key`, at its first place. */
  once(key: string, code: string, message: string, node: Nodes | undefined): void {
    if (this.said.has(key)) return;
    this.said.add(key);
    this.warn(code, message, node);
  }

  /** The tag as its author wrote it (`Tweet`, not `tweet`). */
  written = (tagName: string) => this.names.get(tagName) ?? tagName;

  /**
   * Notes the attributes of an element that talkreel never applies: CSS classes and styles (one
   * warning per deck) and event handlers (one warning per deck). Vue's own attributes (`v-if`,
   * `:prop`) are template logic and say nothing a slide shows.
   */
  attributes(el: Element): void {
    const keys = Object.keys(el.properties ?? {});
    if (keys.some((k) => k === 'className' || k === 'style') && !isFrameworkMarkup(el)) {
      this.once('css', 'unsupported-html', 'CSS classes and inline styles in the deck are not applied (but for grid columns, `grid grid-cols-N`): talkreel draws the text with its own look', el);
    }
    if (keys.some((k) => /^on[A-Z]/.test(k) || k.startsWith('@'))) {
      this.once('events', 'unsupported-html', 'event handlers in the deck are never run; their elements are shown as text', el);
    }
  }

  /** A comment met anywhere in the slide: notes or Marp directives. */
  comment(value: string, node: Nodes): void {
    this.comments.push({ text: value.trim(), raw: value, line: this.lineOf(node), column: this.colOf(node) });
  }
}

/** Markup the Markdown parser itself adds (task lists, footnotes, code languages): not the author's CSS. */
const isFrameworkMarkup = (el: Element) => {
  const classes = (el.properties?.className as string[] | undefined) ?? [];
  return el.properties?.style === undefined && classes.every((c) => /^(task-list-item|contains-task-list|footnotes|sr-only|data-footnote-backref|language-.*|math-inline|math-display)$/.test(c));
};

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
