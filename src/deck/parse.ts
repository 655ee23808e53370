import { sortDiagnostics } from './diagnostics.js';
import { hex as contrast } from 'wcag-contrast';
import { PALETTES, TEXT_ON } from '../design/palette.js';
import { detectDialect, MARP_LOCAL, SLIDEV_DECK, SLIDEV_SLIDE, SLIDEV_TRANSITIONS, MARP_GLOBAL, type Dialect } from './dialects.js';
import { applyEntries, emptyExtras, type ApplyContext } from './foreign.js';
import { prepareSlides, type ImportReader } from './imports.js';
import { blockText } from './infer.js';
import { divideAtHeadings, type OptionEntry } from './marp.js';
import { deckOptionsSchema, type Deck, type DeckOptions, type Diagnostic, type Slide } from './model.js';
import { DECK_OPTIONS, parseOptions, type ForeignCheck, type ParsedOptions } from './options.js';
import { buildSlide, type BuildContext } from './slide.js';
import { splitDeck, type RawSlide, type SplitDeck } from './split.js';

export interface ParseResult {
  /** The deck as far as it could be read; do not render it when `diagnostics` hold an error. */
  deck: Deck;
  diagnostics: Diagnostic[];
}

export interface ParseOptions {
  /** Reads the files slides import with Slidev's `src:`; without it, an import is an error. */
  readImport?: ImportReader;
}

type Problem = Omit<Diagnostic, 'file'> & { file?: string };

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
 * Markdown deck -> typed Deck. Pure: no file access (imported files come through `readImport`),
 * no rendering. Problems are collected, not thrown, so that an author sees all of them at once,
 * each with its file, line and column.
 *
 * Marp decks (`marp: true`) and Slidev decks parse unedited: their directives and options map onto
 * talkreel's model, and what talkreel cannot show is a warning naming its line.
 */
export function parseDeck(source: string, file = '<string>', options: ParseOptions = {}): ParseResult {
  const problems: Problem[] = [];
  const split = splitDeck(source);
  problems.push(...split.diagnostics);
  const dialect = detectDialect(split.frontmatter, split.slides.map((s) => s.frontmatter));
  const unknown = dialect === 'talkreel' ? 'error' : 'warning';
  const head = split.frontmatter
    ? parseOptions(split.frontmatter, DECK_OPTIONS, { where: 'front matter', foreign: foreignDeckOption, unknown })
    : { values: {}, foreign: [], positions: {}, problems: [] };
  problems.push(...head.problems, ...accentProblems(head));
  const deckOptions = deckOptionsSchema.parse(head.values);
  if (deckOptions.audio !== undefined) deckOptions.audioLine = head.positions.audio.line;

  const apply: ApplyContext = { tool: dialect === 'marp' ? 'Marp' : 'Slidev', lenient: dialect !== 'talkreel', warned: new WeakSet(), problems: [] };
  const setup = readHeadmatter(head.foreign, split, dialect, deckOptions, apply);
  const prepared = prepareSlides(setup.raws, file, { deck: file, foreign: foreignSlideOption, unknown, readImport: options.readImport, problems });
  const cx: BuildContext = { marp: dialect === 'marp', dialect, apply, carried: setup.carried, firstSlide: setup.firstSlide, said: new Set(), problems, deckFile: file, readImport: options.readImport };
  const slides: Slide[] = [];
  prepared.forEach((p, n) => {
    const slide = buildSlide(p, n, slides.length + 1, n === prepared.length - 1, cx);
    if (slide) slides.push(slide);
  });
  problems.push(...apply.problems, ...deckProblems(slides, split, deckOptions, head, problems));

  const diagnostics: Diagnostic[] = problems.map((p) => ({ ...p, file: p.file ?? file }));
  sortDiagnostics(diagnostics, file);
  const firstHeading = slides[0]?.blocks.find((b) => b.type === 'heading');
  const title = deckOptions.title ?? (firstHeading ? blockText(firstHeading) : slides[0]?.title) ?? 'Untitled talk';
  const logoAt = head.positions.logo;
  const logo = deckOptions.logo && logoAt ? { path: deckOptions.logo, src: '', ...logoAt } : undefined;
  return { deck: { file, dialect, title, options: deckOptions, slides, ...(logo ? { logo } : {}) }, diagnostics };
}

/**
 * What the front matter's Marp and Slidev keys do: `headingDivider` splits slides, a Slidev
 * transition is the deck's, Marp's local directives apply from the first slide on, Slidev's slide
 * options configure the first slide.
 */
function readHeadmatter(foreign: OptionEntry[], split: SplitDeck, dialect: Dialect, options: DeckOptions, apply: ApplyContext) {
  const marp = dialect === 'marp';
  const firstSlide: OptionEntry[] = [];
  const carried = new Map<string, OptionEntry>();
  let raws: RawSlide[] = split.slides;
  for (const e of foreign) {
    if (e.key === 'headingDivider') {
      const level = Number(e.value);
      if (Number.isInteger(level) && level >= 1 && level <= 6) raws = divideAtHeadings(raws, level);
      else apply.problems.push({ severity: 'error', code: 'invalid-option', message: `\`headingDivider\` must be a heading level from 1 to 6, got ${JSON.stringify(e.value)}`, line: e.valueLine, column: e.valueColumn });
    } else if (e.key === 'size' && dialect === 'marp' && (e.value === '4:3' || e.value === '16:9')) {
      // Marp's slide size: a 4:3 deck renders 4:3 frames (1440x1080 at 1080p).
      options.aspect = e.value;
    } else if (e.key === 'transition') {
      const deckWide = emptyExtras();
      applyEntries([e], deckWide, apply);
      if (deckWide.transition) options.transition = deckWide.transition;
    } else if (marp && MARP_LOCAL.includes(e.key)) carried.set(e.key, e);
    else if ((!marp && SLIDEV_SLIDE.includes(e.key)) || isSpotDirective(e.key)) firstSlide.push(e);
    else applyEntries([e], emptyExtras(), apply);
  }
  return { raws, firstSlide, carried };
}

/** An `accent:` colour too pale (or too dark) to read on the theme's background. */
function accentProblems(head: ParsedOptions): Problem[] {
  const accent = head.values.accent as string | undefined;
  const theme = (head.values.theme as DeckOptions['theme'] | undefined) ?? 'dark';
  const at = head.positions.accent;
  if (!accent || !at) return [];
  const worst = Math.min(...TEXT_ON.accent.map((bg) => contrast(accent, PALETTES[theme][bg])));
  if (worst >= 4.5) return [];
  return [{
    severity: 'warning',
    code: 'accent-contrast',
    message: `accent ${accent} has a contrast of ${worst.toFixed(2)}:1 on the ${theme} theme's background; text in the accent colour needs 4.5:1 (WCAG AA) to be easy to read`,
    ...at,
  }];
}

/** Problems of the deck as a whole: no content at all, a poster that names no slide. */
function deckProblems(slides: Slide[], split: SplitDeck, options: DeckOptions, head: ParsedOptions, earlier: Problem[]): Problem[] {
  const out: Problem[] = [];
  // A deck with no slide, or only empty ones, would render a blank video: say so instead.
  if (slides.every((s) => s.blocks.length === 0) && !earlier.some((d) => d.severity === 'error')) {
    const fm = split.frontmatter;
    out.push({
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
    out.push({ severity: 'error', code: 'invalid-option', message: `front matter: \`poster\` names slide ${options.poster}, but the deck has ${slides.length} slides`, line: at.line, column: at.column });
  }
  return out;
}

export const hasErrors = (diagnostics: Diagnostic[]) => diagnostics.some((d) => d.severity === 'error');
