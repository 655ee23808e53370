import { MARP_GLOBAL, MARP_LOCAL, SLIDEV_DECK, SLIDEV_SLIDE, SLIDEV_TRANSITIONS } from './dialects.js';
import { applyEntries, emptyExtras, type ApplyContext, type SlideExtras } from './foreign.js';
import { blockText, countWords, inferLayout, slideTitle, slugify } from './infer.js';
import { divideAtHeadings, readDirectiveComment, type OptionEntry } from './marp.js';
import { parseSlideBody, type SlideBody } from './markdown.js';
import { deckOptionsSchema, type Block, type Deck, type Diagnostic, type Layout, type Slide } from './model.js';
import { DECK_OPTIONS, parseOptions, SLIDE_OPTIONS, type ForeignCheck } from './options.js';
import { splitDeck } from './split.js';
import { hex as contrast } from 'wcag-contrast';
import { PALETTES, TEXT_ON } from '../slides/theme.js';

export interface ParseResult {
  /** The deck as far as it could be read; do not render it when `diagnostics` hold an error. */
  deck: Deck;
  diagnostics: Diagnostic[];
}

/** Keys only Marp uses: any of them in the front matter makes the deck a Marp deck. */
const MARP_ONLY = ['marp', 'headingDivider', 'paginate', 'header', 'footer', 'backgroundColor', 'backgroundImage', 'color', 'size', 'math', 'style'];
const SLIDEV_TIMER = /^\d+(\.\d+)?\s*(min|m|h|s)$/;
const isSlidevTransition = (value: unknown) => typeof value === 'string' && value.split('|')[0].trim() in SLIDEV_TRANSITIONS;

const isSpotDirective = (key: string) => key.startsWith('_') && MARP_LOCAL.includes(key.slice(1));
const DECK_FOREIGN = new Set([...MARP_GLOBAL, ...MARP_LOCAL, ...SLIDEV_DECK, ...SLIDEV_SLIDE]);
/** Front matter keys (or values) that Marp or Slidev know and talkreel's own options do not take. */
const foreignDeckOption: ForeignCheck = (key, value) => {
  if (key === 'transition') return isSlidevTransition(value);
  if (key === 'duration') return typeof value === 'string' && SLIDEV_TIMER.test(value.trim());
  return DECK_FOREIGN.has(key) || isSpotDirective(key);
};
const foreignSlideOption: ForeignCheck = (key, value) =>
  key === 'transition' ? isSlidevTransition(value) : [...SLIDEV_SLIDE, ...MARP_LOCAL].includes(key) || isSpotDirective(key);

/**
 * Markdown deck -> typed Deck. Pure: no file access, no rendering. Problems are collected, not
 * thrown, so that an author sees all of them at once, each with its line and column in `file`.
 *
 * Marp decks (`marp: true`) and Slidev decks parse unedited: their directives and options map onto
 * talkreel's model, and what talkreel cannot show is a warning naming its line.
 */
export function parseDeck(source: string, file = '<string>'): ParseResult {
  const diagnostics: Diagnostic[] = [];
  const report = (problems: Omit<Diagnostic, 'file'>[]) => diagnostics.push(...problems.map((p) => ({ file, ...p })));

  const split = splitDeck(source);
  report(split.diagnostics);

  const head = split.frontmatter
    ? parseOptions(split.frontmatter, DECK_OPTIONS, 'front matter', foreignDeckOption)
    : { values: {}, foreign: [], positions: {} as Record<string, { line: number; column: number }>, problems: [] };
  report(head.problems);
  const options = deckOptionsSchema.parse(head.values);
  if (options.audio !== undefined) options.audioLine = head.positions.audio.line;
  const marp = head.foreign.some((e) => MARP_ONLY.includes(e.key) && (e.key !== 'marp' || e.value === true));
  const ctx: ApplyContext = { tool: marp ? 'Marp' : 'Slidev', warned: new WeakSet(), problems: [] };
  const accentAt = 'positions' in head ? head.positions.accent : undefined;
  if (options.accent && accentAt) {
    const palette = PALETTES[options.theme];
    const worst = Math.min(...TEXT_ON.accent.map((bg) => contrast(options.accent!, palette[bg])));
    if (worst < 4.5) {
      report([{
        severity: 'warning',
        code: 'accent-contrast',
        message: `accent ${options.accent} has a contrast of ${worst.toFixed(2)}:1 on the ${options.theme} theme's background; text in the accent colour needs 4.5:1 (WCAG AA) to be easy to read`,
        ...accentAt,
      }]);
    }
  }

  // Slidev's headmatter also configures the first slide; Marp's local directives in the front
  // matter apply from the first slide on.
  const firstSlide: OptionEntry[] = [];
  const carried = new Map<string, OptionEntry>();
  let raws = split.slides;
  for (const e of head.foreign) {
    if (e.key === 'headingDivider') {
      const level = Number(e.value);
      if (Number.isInteger(level) && level >= 1 && level <= 6) raws = divideAtHeadings(raws, level);
      else ctx.problems.push({ severity: 'error', code: 'invalid-option', message: `\`headingDivider\` must be a heading level from 1 to 6, got ${JSON.stringify(e.value)}`, line: e.valueLine, column: e.valueColumn });
    } else if (e.key === 'transition') {
      const deckWide = emptyExtras();
      applyEntries([e], deckWide, ctx);
      if (deckWide.transition) options.transition = deckWide.transition;
    } else if (marp && MARP_LOCAL.includes(e.key)) carried.set(e.key, e);
    else if ((!marp && SLIDEV_SLIDE.includes(e.key)) || isSpotDirective(e.key)) firstSlide.push(e);
    else applyEntries([e], emptyExtras(), ctx);
  }

  const slides: Slide[] = [];
  raws.forEach((raw, n) => {
    const own = raw.frontmatter
      ? parseOptions(raw.frontmatter, SLIDE_OPTIONS, `slide ${n + 1} options`, foreignSlideOption)
      : { values: {} as Record<string, unknown>, foreign: [], positions: {} as Record<string, { line: number; column: number }>, problems: [] };
    report(own.problems);
    const body = parseSlideBody(raw.body, raw.bodyLine, { marp });
    report(body.problems);
    const extras = emptyExtras();
    if (n === 0) applyEntries(firstSlide, extras, ctx);
    applyEntries(own.foreign, extras, ctx);
    const notes = marp ? applyDirectives(body, carried, extras, ctx) : body.notes;
    if (extras.hidden) return;

    const index = slides.length + 1;
    const blocks: Block[] = [...extras.images, ...body.blocks];
    const values = own.values as Partial<Pick<Slide, 'layout' | 'title' | 'duration' | 'transition' | 'chapter' | 'at'>>;
    const named = values.layout ?? (extras.layout !== 'infer' ? extras.layout : undefined);
    const layout = named ?? layoutOf(blocks, extras, { first: n === 0, last: n === raws.length - 1 });
    const title = values.title ?? slideTitle(blocks, index);
    if (blocks.length === 0) {
      report([{ severity: 'warning', code: 'empty-slide', message: `slide ${index} has no content`, line: raw.line, column: 1 }]);
    }
    if (layout === 'image' && !blocks.some((b) => b.type === 'image')) {
      report([{
        severity: 'error',
        code: 'layout-mismatch',
        message: `slide ${index} has layout \`image\` but no image (write ![description](path))`,
        line: raw.line,
        column: 1,
      }]);
    }
    const style = Object.keys(extras.style).length > 0 ? { style: { ...extras.style } } : {};
    slides.push({
      index,
      line: raw.line,
      endLine: raw.endLine,
      layout,
      layoutExplicit: named !== undefined,
      title,
      slug: slugify(title),
      blocks,
      notes,
      duration: values.duration,
      transition: values.transition ?? extras.transition,
      ...(values.chapter !== undefined ? { chapter: values.chapter } : {}),
      ...(values.at !== undefined ? { at: values.at, atLine: own.positions.at.line } : {}),
      words: countWords(blocks.map(blockText).join('\n')),
      ...style,
    });
  });
  report(ctx.problems);

  // A deck with no slide, or only empty ones, would render a blank video: say so instead.
  if (slides.every((s) => s.blocks.length === 0) && !diagnostics.some((d) => d.severity === 'error')) {
    const fm = split.frontmatter;
    diagnostics.push({
      file,
      severity: 'error',
      code: 'empty-deck',
      message: slides.length === 0
        ? 'the deck has no slides (write Markdown, with slides separated by `---` lines)'
        : 'every slide of the deck is empty (write Markdown, with slides separated by `---` lines)',
      // Where slides would start: after the front matter's closing `---`, or the first (empty) slide.
      line: slides[0]?.line ?? (fm ? fm.line + fm.text.split('\n').length : 1),
      column: 1,
    });
  }

  if (options.poster !== undefined && slides.length > 0 && options.poster > slides.length) {
    const at = head.positions.poster;
    report([{
      severity: 'error',
      code: 'invalid-option',
      message: `front matter: \`poster\` names slide ${options.poster}, but the deck has ${slides.length} slides`,
      line: at.line,
      column: at.column,
    }]);
  }

  const firstHeading = slides[0]?.blocks.find((b) => b.type === 'heading');
  const title = options.title ?? (firstHeading ? blockText(firstHeading) : slides[0]?.title) ?? 'Untitled talk';
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  const logoAt = 'positions' in head ? head.positions.logo : undefined;
  const logo = options.logo && logoAt ? { path: options.logo, src: '', ...logoAt } : undefined;
  return { deck: { file, title, options, slides, ...(logo ? { logo } : {}) }, diagnostics };
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

export const hasErrors = (diagnostics: Diagnostic[]) => diagnostics.some((d) => d.severity === 'error');
