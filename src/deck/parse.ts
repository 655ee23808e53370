import { blockText, countWords, inferLayout, slideTitle, slugify } from './infer.js';
import { parseSlideBody } from './markdown.js';
import { deckOptionsSchema, type Deck, type Diagnostic, type Slide } from './model.js';
import { DECK_OPTIONS, parseOptions, SLIDE_OPTIONS } from './options.js';
import { splitDeck } from './split.js';

export interface ParseResult {
  /** The deck as far as it could be read; do not render it when `diagnostics` hold an error. */
  deck: Deck;
  diagnostics: Diagnostic[];
}

/**
 * Markdown deck -> typed Deck. Pure: no file access, no rendering. Problems are collected, not
 * thrown, so that an author sees all of them at once, each with its line and column in `file`.
 */
export function parseDeck(source: string, file = '<string>'): ParseResult {
  const diagnostics: Diagnostic[] = [];
  const report = (problems: Omit<Diagnostic, 'file'>[]) => diagnostics.push(...problems.map((p) => ({ file, ...p })));

  const split = splitDeck(source);
  report(split.diagnostics);

  const head = split.frontmatter
    ? parseOptions(split.frontmatter, DECK_OPTIONS, 'front matter')
    : { values: {}, problems: [] };
  report(head.problems);
  const options = deckOptionsSchema.parse(head.values);

  const slides: Slide[] = split.slides.map((raw, n) => {
    const own = raw.frontmatter
      ? parseOptions(raw.frontmatter, SLIDE_OPTIONS, `slide ${n + 1} options`)
      : { values: {} as Record<string, unknown>, problems: [] };
    report(own.problems);
    const body = parseSlideBody(raw.body, raw.bodyLine);
    report(body.problems);
    const index = n + 1;
    const values = own.values as Partial<Pick<Slide, 'layout' | 'title' | 'duration' | 'transition'>>;
    const layout =
      values.layout ?? inferLayout(body.blocks, { first: n === 0, last: n === split.slides.length - 1 });
    const title = values.title ?? slideTitle(body.blocks, index);
    if (body.blocks.length === 0) {
      report([{ severity: 'warning', code: 'empty-slide', message: `slide ${index} has no content`, line: raw.line, column: 1 }]);
    }
    if (layout === 'image' && !body.blocks.some((b) => b.type === 'image')) {
      report([{
        severity: 'error',
        code: 'layout-mismatch',
        message: `slide ${index} has layout \`image\` but no image (write ![description](path))`,
        line: raw.line,
        column: 1,
      }]);
    }
    return {
      index,
      line: raw.line,
      endLine: raw.endLine,
      layout,
      layoutExplicit: values.layout !== undefined,
      title,
      slug: slugify(title),
      blocks: body.blocks,
      notes: body.notes,
      duration: values.duration,
      transition: values.transition,
      words: countWords(body.blocks.map(blockText).join('\n')),
    };
  });

  if (slides.length === 0 && !diagnostics.some((d) => d.severity === 'error')) {
    diagnostics.push({
      file,
      severity: 'error',
      code: 'empty-deck',
      message: 'the deck has no slides (write Markdown, with slides separated by `---` lines)',
      line: split.frontmatter ? source.split('\n').length : 1,
      column: 1,
    });
  }

  const firstHeading = slides[0]?.blocks.find((b) => b.type === 'heading');
  const title = options.title ?? (firstHeading ? blockText(firstHeading) : slides[0]?.title) ?? 'Untitled talk';
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  return { deck: { file, title, options, slides }, diagnostics };
}

export const hasErrors = (diagnostics: Diagnostic[]) => diagnostics.some((d) => d.severity === 'error');
