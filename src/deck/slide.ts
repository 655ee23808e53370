import { applyEntries, emptyExtras, type ApplyContext, type SlideExtras } from './foreign.js';
import type { ImportReader, PreparedSlide } from './imports.js';
import { readSnippets } from './snippets.js';
import { blockText, countWords, inferLayout, slideTitle, slugify } from './infer.js';
import { readDirectiveComment, type OptionEntry } from './marp.js';
import { parseSlideBody, type SlideBody } from './markdown.js';
import { MARP_LOCAL, type Dialect } from './dialects.js';
import { finishClicks, hasClicks } from './slide-clicks.js';
import type { Block, Diagnostic, Layout, Run, Slide } from './model.js';

type Problem = Omit<Diagnostic, 'file'> & { file?: string };
type Heading = Extract<Block, { type: 'heading' }>;

/** What building the deck's slides shares: Marp directives carried from slide to slide, warnings said once. */
export interface BuildContext {
  marp: boolean;
  dialect: Dialect;
  apply: ApplyContext;
  /** Marp's local directives in force from an earlier slide on. */
  carried: Map<string, OptionEntry>;
  /** Slidev's headmatter options for the first slide. */
  firstSlide: OptionEntry[];
  said: Set<string>;
  problems: Problem[];
  deckFile: string;
  /** Reads the files of Slidev's code snippets (`<<< @/file.ts`), as it reads `src:` imports. */
  readImport?: ImportReader;
}

/** One slide of the deck from its source and options; null for a hidden slide. */
export function buildSlide(prepared: PreparedSlide, n: number, index: number, last: boolean, cx: BuildContext): Slide | null {
  const { raw, own, file } = prepared;
  const inFile = file === cx.deckFile ? {} : { file };
  const body = parseSlideBody(raw.body, raw.bodyLine, { marp: cx.marp, said: cx.said });
  readSnippets(body.blocks, file, cx.readImport, body.problems);
  cx.problems.push(...body.problems.map((p) => ({ ...p, ...inFile })));
  const extras = emptyExtras();
  if (n === 0) applyEntries(cx.firstSlide, extras, cx.apply);
  applyEntries(own.foreign, extras, cx.apply);
  // Slidev's `[click]` markers in notes say which text goes with which click: not for captions.
  const notes = cx.marp ? applyDirectives(body, cx.carried, extras, cx.apply) : body.notes.replace(/\[click(?::\d+)?\]\s*/g, '');
  if (extras.hidden) return null;

  const values = own.values as Partial<Pick<Slide, 'layout' | 'title' | 'duration' | 'transition' | 'chapter' | 'at'>>;
  const named = values.layout ?? (extras.layout !== 'infer' ? extras.layout : undefined);
  const { blocks, layout, centred } = chooseLayout([...extras.images, ...body.blocks], named, extras, { first: n === 0, last });
  placeSlots(blocks, layout, extras.columnsHeader === true ? 'all' : values.layout === 'columns' ? 'heading' : 'none', body.slots, cx);
  const title = values.title ?? slideTitle(blocks, index);
  const at = { line: raw.line, column: 1, ...inFile };
  const clicks = finishClicks(blocks, body.clicks, { dialect: cx.dialect, layout, override: extras.clicks });
  if (clicks.unfollowed) {
    cx.problems.push({ severity: 'warning', code: 'unsupported-animation', message: `slide ${index}: its clicks cannot be followed (${clicks.unfollowed}); everything is shown at once`, ...at });
  }
  if (clicks.idle) {
    const played = clicks.clicks ?? 0;
    cx.problems.push({ severity: 'warning', code: 'unsupported-option', message: `slide ${index}: \`clicks: ${played + clicks.idle}\` asks for ${clicks.idle} click(s) more than anything on the slide follows: it plays ${played}`, ...at });
  }
  if (blocks.length === 0) cx.problems.push({ severity: 'warning', code: 'empty-slide', message: `slide ${index} has no content`, ...at });
  if (layout === 'image' && !blocks.some((b) => b.type === 'image')) {
    cx.problems.push({ severity: 'error', code: 'layout-mismatch', message: `slide ${index} has layout \`image\` but no image (write ![description](path))`, ...at });
  }
  return {
    index,
    line: raw.line,
    endLine: raw.endLine,
    ...inFile,
    layout,
    layoutExplicit: named !== undefined,
    ...(centred && !['statement', 'closing', 'title', 'link', 'image'].includes(layout) ? { centred: true } : {}),
    title,
    slug: slugify(title),
    blocks,
    notes,
    duration: values.duration,
    transition: values.transition ?? extras.transition,
    ...(clicks.clicks !== undefined ? { clicks: clicks.clicks } : {}),
    ...(extras.zoom !== undefined && extras.zoom !== 1 ? { zoom: extras.zoom } : {}),
    ...(values.chapter !== undefined ? { chapter: values.chapter } : {}),
    ...(values.at !== undefined ? { at: values.at, atLine: own.positions.at.line } : {}),
    words: countWords(blocks.map(blockText).join('\n')),
    ...(Object.keys(extras.style).length > 0 ? { style: { ...extras.style } } : {}),
  };
}

/**
 * A `columns` slide's blocks each go to a slot. What comes before any marker goes to the default
 * one: the left column in Slidev's `two-cols`, the header above both columns in its
 * `two-cols-header`; in talkreel's own `columns`, a heading that opens the slide is its title,
 * above both, and the rest goes left. On any other layout the slots follow one another, with one
 * warning per deck.
 */
function placeSlots(blocks: Block[], layout: Layout, header: 'all' | 'heading' | 'none', slots: Set<string>, cx: BuildContext): void {
  if (layout === 'columns') {
    blocks.forEach((b, i) => {
      b.slot ??= header === 'all' || (header === 'heading' && i === 0 && b.type === 'heading') ? 'header' : 'left';
    });
    return;
  }
  for (const b of blocks) delete b.slot;
  if (slots.size > 0 && !cx.said.has('slots')) {
    cx.said.add('slots');
    cx.apply.problems.push({ severity: 'warning', code: 'unsupported-component', message: `Slidev slots (\`::${[...slots][0]}::\`) are drawn side by side only with layout two-cols or two-cols-header; here their content follows one another`, line: blocks[0]?.line ?? 1, column: 1 });
  }
}

/**
 * Marp: comments that hold directives set the slide's looks (`key` from this slide on, `_key`
 * on this slide only); every other comment is a speaker note. Returns the notes.
 */
function applyDirectives(body: SlideBody, carried: Map<string, OptionEntry>, extras: SlideExtras, ctx: ApplyContext): string {
  const spot: OptionEntry[] = [];
  const notes: string[] = [];
  for (const comment of body.comments) {
    const entries = readDirectiveComment(comment);
    if (!entries) {
      if (comment.text) notes.push(comment.text);
      continue;
    }
    for (const e of entries) {
      if (e.key.startsWith('_')) spot.push(e);
      else if (MARP_LOCAL.includes(e.key.replace(/^\$/, ''))) carried.set(e.key, e);
      else applyEntries([e], emptyExtras(), ctx);
    }
  }
  applyEntries([...carried.values(), ...spot], extras, ctx);
  return notes.join('\n\n');
}

/** A layout from the content; pictures behind or beside the slide are not content. */
function layoutOf(blocks: Block[], extras: SlideExtras, position: { first: boolean; last: boolean }): Layout {
  const content = blocks.filter((b) => !(b.type === 'image' && b.placement));
  if (content.length === 0 && blocks.length > 0) return 'image';
  const inferred = inferLayout(content, position);
  return extras.centre && ['title', 'statement', 'closing', 'link'].includes(inferred) ? 'statement' : inferred;
}

/**
 * The layout a slide is drawn with, and its blocks as that layout takes them: the one it names,
 * unless that cannot show every block, or the slide has clicks (only the general layout plays
 * them); else one from its content.
 */
function chooseLayout(all: Block[], named: Layout | undefined, extras: SlideExtras, position: { first: boolean; last: boolean }) {
  let blocks = all;
  const content = () => blocks.filter((b) => !(b.type === 'image' && b.placement));
  if (named === 'quote' && !content().some((b) => b.type === 'quote')) blocks = headingAsQuote(blocks);
  let layout = named ?? layoutOf(blocks, extras, position);
  // Clicks and grid columns are drawn by the general layouts only.
  const needsGeneral = hasClicks(blocks) || blocks.some((b) => b.cell);
  if ((named && !canShow(named, content())) || (needsGeneral && !['bullets', 'content', 'columns'].includes(layout))) layout = general(blocks);
  const centred = extras.centre === true || (['statement', 'closing'].includes(named ?? '') && layout !== named);
  return { blocks, layout, centred };
}

const general = (blocks: Block[]): Layout => (blocks.some((b) => b.type === 'list') ? 'bullets' : 'content');

/**
 * Whether a layout named by the deck can draw every block of the slide. When it cannot, the slide
 * gets the general layout instead (centred, when a centred layout was asked for): a layout never
 * leaves out what the author wrote.
 */
function canShow(layout: Layout, blocks: Block[]): boolean {
  const text = (b: Block) => b.type === 'heading' || b.type === 'paragraph';
  switch (layout) {
    case 'title':
    case 'statement':
    case 'closing':
    case 'link':
      return blocks.every(text);
    case 'quote':
      return blocks.length === 1 && blocks[0].type === 'quote';
    case 'image':
      return blocks.every((b) => b.type === 'image' || b.type === 'heading') && blocks.filter((b) => b.type === 'heading').length <= 1;
    case 'bullets':
    case 'content':
    case 'columns':
      return true;
  }
}

/**
 * Slidev's quote layout writes the quote as a heading (`# "Words"`) and the author under it:
 * the heading becomes the quote and a line under it its attribution.
 */
function headingAsQuote(blocks: Block[]): Block[] {
  const at = blocks.findIndex((b) => b.type === 'heading');
  if (at === -1) return blocks;
  const heading = blocks[at] as Heading;
  const next = blocks[at + 1];
  const byline = next?.type === 'paragraph' && blocks.length === at + 2 ? next.runs : null;
  const attribution = byline ? plain(byline).replace(/^\s*[—–―-]{1,2}\s*/, '').trim() : undefined;
  const quote: Block = { type: 'quote', paragraphs: [heading.runs], ...(attribution ? { attribution } : {}), line: heading.line };
  return [...blocks.slice(0, at), quote, ...blocks.slice(at + (byline ? 2 : 1))];
}

const plain = (runs: Run[]) => runs.map((r) => r.text).join('');
