import type { Element, ElementContent } from 'hast';
import { readClickRange, readClickValue, type ClickValue } from './clicks.js';
import type { Conversion } from './conversion.js';
import type { Click } from './model.js';

/**
 * Slidev's click sources in a slide's tree: `<v-click>`, `<v-after>`, the `v-click`,
 * `v-click.hide`, `v-click-hide` and `v-after` attributes, the items of a `<v-clicks>`, and Marp's
 * fragmented list items (`*` bullets, `1)` numbers: marked `dataFragment` by the parser). Each is
 * counted when it is met, in the order the slide is written (see clicks.ts).
 */
const ATTRS = ['v-click', 'v-click.hide', 'v-click-hide', 'v-after'];
/** Sources talkreel does not play: their clicks cannot be followed, so the slide is shown whole. */
const UNFOLLOWED = ['v-switch', 'v-motion', 'v-drag'];

const attr = (el: Element, name: string): string | undefined => {
  const v = el.properties?.[name];
  return v === undefined ? undefined : Array.isArray(v) ? v.join(' ') : String(v);
};

/**
 * The click of an element that is a click source (counted now), null for a source that is
 * disabled (`v-click="false"`), undefined for an element that is none.
 */
export function clickOf(el: Element, cx: Conversion): Click | null | undefined {
  const planned = cx.planned.get(el);
  if (planned) return planned;
  if (el.properties?.dataFragment !== undefined) return at(cx.clicks.since({ relative: 1 }));
  const tag = el.tagName;
  if (UNFOLLOWED.includes(tag) || Object.keys(el.properties ?? {}).some((k) => UNFOLLOWED.some((u) => k.startsWith(u)))) {
    cx.clicks.break(`<${cx.written(tag)}> ${tag.startsWith('v-') ? '' : `${UNFOLLOWED.find((u) => Object.keys(el.properties ?? {}).some((k) => k.startsWith(u)))} `}is not played`);
    return undefined;
  }
  if (Object.keys(el.properties ?? {}).some((k) => k.startsWith('v-mark'))) {
    // A mark (a hand-drawn underline) is not drawn; its click still counts for what follows.
    cx.once('v-mark', 'unsupported-animation', 'Slidev marks (`v-mark`) are not drawn; their text is shown and their clicks counted', el);
    const value = read(cx, attr(el, Object.keys(el.properties ?? {}).find((k) => k.startsWith('v-mark'))!), 'expression');
    cx.clicks.since(value ?? null);
  }
  if (tag === 'v-click' || tag === 'v-after') {
    const value = tag === 'v-after' ? { relative: 0 } : read(cx, attr(el, ':at') ?? attr(el, 'at'), attr(el, ':at') !== undefined ? 'expression' : 'string');
    return withHide(cx.clicks.since(value ?? null), attr(el, 'hide') !== undefined);
  }
  const name = ATTRS.find((a) => attr(el, a) !== undefined);
  if (!name) return undefined;
  const raw = attr(el, name);
  const hide = name === 'v-click.hide' || name === 'v-click-hide';
  const range = readClickRange(raw);
  if (range) {
    if (range[0] === undefined || range[1] === undefined) return unread(cx, raw);
    const r = cx.clicks.range(range[0], range[1]);
    return r && { ...r, ...(hide ? { hide } : {}) };
  }
  const value = name === 'v-after' ? { relative: 0 } : read(cx, raw, 'expression');
  return withHide(cx.clicks.since(value ?? null), hide);
}

const at = (n: number | null): Click | null => (n === null ? null : { at: n });
const withHide = (n: number | null, hide: boolean): Click | null => (n === null ? null : { at: n, ...(hide ? { hide } : {}) });

function read(cx: Conversion, raw: string | undefined, as: 'expression' | 'string'): ClickValue | undefined {
  const value = readClickValue(raw, as);
  if (value === undefined) cx.clicks.break(`the click value \`${raw}\` is an expression`);
  return value;
}

function unread(cx: Conversion, raw: string | undefined): null {
  cx.clicks.break(`the click range \`${raw}\` is an expression`);
  return null;
}

/**
 * `<v-clicks>`: each item a click (`every` items per click, from `at`): the list items, down to
 * `depth` levels, when it holds one list; else each element in it. Plans their clicks ahead.
 */
export function planClicks(el: Element, cx: Conversion): void {
  const children = el.children.filter((c): c is Element => c.type === 'element');
  const depth = Number(attr(el, 'depth') ?? 1) || 1;
  const every = Math.max(1, Number(attr(el, 'every') ?? 1) || 1);
  const items = children.length === 1 && (children[0].tagName === 'ul' || children[0].tagName === 'ol') ? listItems(children[0], depth) : children;
  if (items.length === 0) return;
  const value = read(cx, attr(el, ':at') ?? attr(el, 'at'), attr(el, ':at') !== undefined ? 'expression' : 'string');
  const size = Math.ceil(items.length / every);
  const base = cx.clicks.since(value ?? null, size);
  if (base === null) return;
  const hide = attr(el, 'hide') !== undefined;
  items.forEach((item, i) => cx.planned.set(item, { at: base + Math.ceil((i + 1) / every) - 1, ...(hide ? { hide } : {}) }));
}

/** The items of a list and of the lists nested in them, down to `depth` levels, in reading order. */
function listItems(list: Element, depth: number): Element[] {
  const out: Element[] = [];
  for (const li of list.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'li')) {
    out.push(li);
    if (depth > 1) for (const inner of nestedLists(li)) out.push(...listItems(inner, depth - 1));
  }
  return out;
}

const nestedLists = (el: Element): Element[] =>
  el.children.flatMap((c: ElementContent) => (c.type !== 'element' ? [] : c.tagName === 'ul' || c.tagName === 'ol' ? [c] : nestedLists(c)));
