import type { Element, ElementContent, Root, RootContent } from 'hast';
import { DROPPED, MEDIA, SLOT } from './html.js';
import { clickOf, planClicks } from './click-sources.js';
import type { Conversion } from './conversion.js';
import { classesOf, isInline, leftOut, noteUnknown, runsOf, textOf, trimRuns } from './inline.js';
import { readImageKeywords } from './marp.js';
import type { Code, Root as MdRoot } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { readClickValue } from './clicks.js';
import { gridBlocks, gridColumns } from './grid.js';
import { readCodeInfo } from './code-info.js';
import { ALIGNS, plainText, type Align, type Block, type CodeExtras, type ListItem, type Run } from './model.js';

type ImageBlock = Extract<Block, { type: 'image' }>;
const processor = unified().use(remarkParse);
const ATTRIBUTION = /^\s*[—–―-]{1,2}\s*/;
const HEADING = /^h([1-6])$/;

/**
 * hast -> talkreel blocks: every block of the slide's source, Markdown or HTML, in order.
 * Containers (`<div>`, `<section>`, components) pass their content through; loose text between
 * blocks becomes a paragraph; elements a slide cannot show are left out with a warning.
 */
export function blocksOf(nodes: (RootContent | ElementContent)[], cx: Conversion): Block[] {
  const blocks: Block[] = [];
  let pending: ElementContent[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    const runs = trimRuns(runsOf(pending, cx));
    const first = pending.find((n) => n.position);
    if (runs.length) blocks.push({ type: 'paragraph', runs, line: cx.lineOf(first) });
    pending = [];
  };
  for (const node of nodes) {
    if (node.type === 'doctype') continue;
    if (node.type === 'comment' && pending.length === 0) {
      cx.comment(node.value, node);
      continue;
    }
    if (node.type !== 'element' || (isInline(node) && node.tagName !== 'img')) {
      if (node.type !== 'element' || !isHidden(node)) pending.push(node as ElementContent);
      continue;
    }
    flush();
    blocks.push(...blockOf(node, cx));
  }
  flush();
  return blocks;
}

/** Markdown's own accessibility markup that nobody sees (the footnotes' "Footnotes" label). */
const isHidden = (el: Element) => ((el.properties?.className as string[] | undefined) ?? []).includes('sr-only');

/** The blocks of an element, and the click they appear at when it is a click source. */
function blockOf(el: Element, cx: Conversion): Block[] {
  const planned = cx.planned.has(el);
  const click = clickOf(el, cx);
  if (el.tagName === 'v-clicks') planClicks(el, cx);
  if (click === undefined && el.tagName !== 'v-clicks') return elementBlocks(el, cx);
  // A source inside another: Slidev numbers those inside-out, which talkreel does not follow.
  if (cx.inside > 0 && !planned) cx.clicks.break('a click source is inside another');
  cx.inside++;
  const blocks = elementBlocks(el, cx);
  cx.inside--;
  if (click) for (const b of blocks) b.click ??= click;
  return blocks;
}

function elementBlocks(el: Element, cx: Conversion): Block[] {
  const tag = el.tagName;
  cx.attributes(el);
  if (isHidden(el) || tag === 'hr' || tag === 'br' || tag === 'input') return [];
  if (DROPPED.has(tag) || MEDIA.has(tag)) {
    leftOut(el, cx);
    return [];
  }
  const line = cx.lineOf(el);
  const heading = HEADING.exec(tag);
  if (heading) {
    // Marp's `# <!-- fit --> Title`: the comment is an instruction, not a note.
    const isFit = (c: ElementContent) => c.type === 'comment' && c.value.trim() === 'fit';
    const fit = el.children.some(isFit);
    return [{ type: 'heading', depth: Number(heading[1]), runs: trimRuns(runsOf(el.children.filter((c) => !isFit(c)), cx)), ...(fit ? { fit } : {}), line }];
  }
  switch (tag) {
    case 'p':
      return paragraph(el, cx);
    case 'img':
      return [image(el, cx)];
    case 'ul':
    case 'ol':
      return [list(el, cx)];
    case 'blockquote':
      return [quote(el, cx)];
    case 'pre':
      return [code(el, line, cx)];
    case 'table':
      return [table(el, cx)];
    default: {
      noteUnknown(el, cx);
      const columns = cx.inGrid === 0 ? gridColumns(el) : null;
      return columns ? gridBlocks(el, columns, cx, (child) => blocksOf([child], cx)) : blocksOf(el.children, cx);
    }
  }
}

/**
 * A paragraph. Its pictures are pictures of their own, after its text (a slide cannot set a
 * picture inside a line), so one made only of pictures is those pictures; Marp's background
 * pictures go behind the slide.
 */
function paragraph(el: Element, cx: Conversion): Block[] {
  const isImg = (c: ElementContent): c is Element => c.type === 'element' && c.tagName === 'img';
  const pictures = el.children.filter(isImg).map((img) => image(img, cx));
  const runs = trimRuns(runsOf(el.children.filter((c) => !isImg(c)), cx));
  const text = plainText(runs).trim();
  // A slot marker inside HTML (the top-level ones are read by the parser: see markdown.ts).
  if (SLOT.test(text)) return pictures;
  const behind = pictures.filter((p) => p.placement);
  const inline = pictures.filter((p) => !p.placement);
  return [...behind, ...(runs.length ? [{ type: 'paragraph' as const, runs, line: cx.lineOf(el) }] : []), ...inline];
}

function image(el: Element, cx: Conversion): ImageBlock {
  const p = el.properties ?? {};
  const block: ImageBlock = { type: 'image', path: String(p.src ?? ''), src: '', alt: String(p.alt ?? ''), line: cx.lineOf(el), column: cx.colOf(el) };
  // HTML sizes are pixels of the tool's own slide (Marp's 1280, Slidev's 980 wide); talkreel's are of a 1280x720 slide.
  const scale = 1280 / cx.options.canvasWidth;
  const size = (v: unknown) => (typeof v === 'number' && v > 0 ? Math.round(v * scale) : typeof v === 'string' && /^\d+$/.test(v) ? Math.round(Number(v) * scale) : undefined);
  const width = size(p.width);
  const height = size(p.height);
  if (width) block.width = width;
  if (height) block.height = height;
  if (!cx.options.marp) return block;
  const k = readImageKeywords(block.alt);
  for (const word of k.ignored) cx.warn('unsupported-image', `Marp image keyword \`${word}\` is not applied; the picture is shown without it`, el);
  const { ignored: _ignored, ...keywords } = k;
  return Object.assign(block, Object.fromEntries(Object.entries(keywords).filter(([, v]) => v !== undefined)));
}

function list(el: Element, cx: Conversion): Block {
  const start = Number(el.properties?.start);
  const items = el.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'li').map((li) => listItem(li, cx));
  return { type: 'list', ordered: el.tagName === 'ol', start: Number.isInteger(start) ? start : 1, items, line: cx.lineOf(el) };
}

/** A list item: its first line of text, a task box, then whatever else it holds, and its click. */
function listItem(li: Element, cx: Conversion): ListItem {
  cx.attributes(li);
  const planned = cx.planned.has(li);
  const click = clickOf(li, cx);
  if (click !== undefined && cx.inside > 0 && !planned) cx.clicks.break('a click source is inside another');
  if (click !== undefined) cx.inside++;
  const item = listItemContent(li, cx);
  if (click !== undefined) cx.inside--;
  return click ? { ...item, click } : item;
}

function listItemContent(li: Element, cx: Conversion): ListItem {
  let children = li.children;
  let checked: boolean | undefined;
  const box = children.find((c): c is Element => c.type === 'element' && c.tagName === 'input' && c.properties?.type === 'checkbox');
  if (box) {
    checked = Boolean(box.properties?.checked);
    children = children.filter((c) => c !== box);
  }
  // A loose item starts with a paragraph; a tight one with text.
  const firstBlock = children.findIndex((c) => c.type === 'element' && !isInline(c));
  const lead = firstBlock === -1 ? children : children.slice(0, firstBlock);
  let runs = trimRuns(runsOf(lead, cx));
  let rest = firstBlock === -1 ? [] : blocksOf(children.slice(firstBlock), cx);
  if (runs.length === 0 && rest[0]?.type === 'paragraph') {
    runs = rest[0].runs;
    rest = rest.slice(1);
  }
  return { runs, ...(checked !== undefined ? { checked } : {}), blocks: rest };
}

/** A blockquote: its paragraphs (lists and headings in it read as lines), and an attribution. */
function quote(el: Element, cx: Conversion): Block {
  const paragraphs = blocksOf(el.children, cx).flatMap((b): Run[][] => linesOf(b));
  const last = paragraphs.at(-1);
  const lastText = last ? plainText(last) : '';
  const attribution = paragraphs.length > 1 && ATTRIBUTION.test(lastText) ? lastText.replace(ATTRIBUTION, '').trim() : undefined;
  return { type: 'quote', paragraphs: attribution ? paragraphs.slice(0, -1) : paragraphs, ...(attribution ? { attribution } : {}), line: cx.lineOf(el) };
}

/** A block as lines of runs, for places that show text only (a quote). */
function linesOf(b: Block): Run[][] {
  switch (b.type) {
    case 'heading':
    case 'paragraph':
      return [b.runs];
    case 'list':
      return b.items.flatMap((item) => [item.runs, ...item.blocks.flatMap(linesOf)]);
    case 'quote':
      return b.paragraphs;
    case 'code':
      return b.value.split('\n').map((text) => [{ text, code: true }]);
    case 'table':
      return [b.head, ...b.rows].map((row) => row.flatMap((cell, i) => (i ? [{ text: ' · ' }, ...cell] : cell)));
    case 'image':
      return b.alt ? [[{ text: b.alt }]] : [];
    case 'math':
      return [[{ text: b.tex, math: true }]];
    case 'diagram':
      return b.code.split('\n').map((text) => [{ text, code: true }]);
  }
}

/** `<pre><code class="language-ts" data-meta="{2|3}">`: the code as written, lines and indentation kept. */
function code(el: Element, line: number, cx: Conversion): Block {
  const inner = el.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code') ?? el;
  const classes = classesOf(inner);
  if (classes.includes('math-display')) return { type: 'math', tex: textOf(inner).trim(), line };
  const lang = classes.find((c) => c.startsWith('language-'))?.slice('language-'.length);
  if (lang === 'mermaid') return { type: 'diagram', lang, code: textOf(inner).replace(/\n$/, ''), line };
  const meta = typeof inner.properties?.dataMeta === 'string' ? inner.properties.dataMeta : undefined;
  const snippet = typeof inner.properties?.dataSnippet === 'string' ? { snippet: inner.properties.dataSnippet } : {};
  const value = textOf(inner).replace(/\n$/, '');
  // Slidev's magic move: a Markdown fence holding the versions of the code, shown one after another.
  const block: Block =
    lang === 'md' && meta && /(^|\s)magic-move(\s|$|\{)/.test(meta)
      ? magicMove(value, meta, line)
      : { type: 'code', ...(lang ? { lang } : {}), ...(meta ? { meta, ...codeExtras(meta) } : {}), value, line, ...snippet };
  return withStates(block, meta, cx);
}

/** A block with several states (highlights, versions) takes one click for each after the first. */
function withStates(block: Block, meta: string | undefined, cx: Conversion): Block {
  if (block.type !== 'code') return block;
  const states = Math.max(block.versions?.length ?? 1, block.highlight?.length ?? 1);
  if (states < 2) return block;
  const at = readCodeInfo(meta?.replace(/magic-move/, ''))?.options?.at;
  const value = at === undefined ? { relative: 1 } : readClickValue(String(at), typeof at === 'number' ? 'expression' : 'string');
  if (value === undefined) cx.clicks.break(`the code's click \`at: ${at}\` is an expression`);
  const start = cx.clicks.since(value ?? null, states - 1);
  return start === null ? block : { ...block, statesAt: start };
}

/** Slidev's line highlights and line numbers from a fence's info (see code-info.ts). */
function codeExtras(meta: string): CodeExtras {
  const info = readCodeInfo(meta);
  if (!info) return {};
  const start = typeof info.options?.startLine === 'number' ? info.options.startLine : 1;
  const out: CodeExtras = {};
  // Ranges count lines from `startLine`; the model counts them from the block's first line.
  if (info.ranges.length) out.highlight = info.ranges.map((r) => r && r.map((n) => n - start + 1).filter((n) => n > 0));
  if (info.options?.lines === true) out.lineNumbers = { start };
  return out;
}

function magicMove(value: string, meta: string, line: number): Block {
  const fences = (processor.parse(value) as MdRoot).children.filter((n): n is Code => n.type === 'code');
  const versions = fences.map((f) => f.value);
  if (versions.length === 0) return { type: 'code', lang: 'md', meta, value, line };
  return { type: 'code', ...(fences[0].lang ? { lang: fences[0].lang } : {}), meta, value: versions.at(-1)!, versions, line, ...codeExtras(meta.replace(/magic-move/, '')) };
}

function table(el: Element, cx: Conversion): Block {
  const rows: { cells: Run[][]; align: (Align | null)[]; head: boolean }[] = [];
  const walk = (node: Element, head: boolean) => {
    for (const c of node.children) {
      if (c.type !== 'element') continue;
      if (c.tagName === 'tr') {
        const cells = c.children.filter((d): d is Element => d.type === 'element' && (d.tagName === 'td' || d.tagName === 'th'));
        rows.push({
          cells: cells.map((d) => trimRuns(runsOf(d.children, cx))),
          align: cells.map((d) => (ALIGNS as readonly string[]).includes(String(d.properties?.align)) ? (d.properties!.align as Align) : null),
          head: head || cells.every((d) => d.tagName === 'th'),
        });
      } else walk(c, head || c.tagName === 'thead');
    }
  };
  walk(el, false);
  const headRow = rows[0]?.head ? rows[0] : undefined;
  const body = headRow ? rows.slice(1) : rows;
  const columns = Math.max(0, ...rows.map((r) => r.cells.length));
  const pad = (cells: Run[][]) => [...cells, ...Array.from({ length: columns - cells.length }, () => [] as Run[])];
  return {
    type: 'table',
    align: Array.from({ length: columns }, (_, i) => rows.find((r) => r.align[i])?.align[i] ?? null),
    head: headRow ? pad(headRow.cells) : [],
    rows: body.map((r) => pad(r.cells)),
    line: cx.lineOf(el),
  };
}

export type { Root };
