import type { Element, Nodes } from 'hast';
import { ClickCounter } from './clicks.js';
import type { Click, Diagnostic } from './model.js';
import type { Comment } from './marp.js';

type Problem = Omit<Diagnostic, 'file'>;

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
