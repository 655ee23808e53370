import type { Block, Deck, Diagnostic, Run } from '../deck/model.js';

type Katex = typeof import('katex').default;

/**
 * Typesets every formula with KaTeX, in Node: a display formula (`$$...$$`) and each inline one
 * (`$...$`, in paragraphs, headings, list items, quotations and table cells) gets KaTeX's HTML in
 * its `html`, which the page shows with KaTeX's stylesheet and fonts (see MathView.tsx). A
 * formula KaTeX rejects is a `math-invalid` warning naming its line, and is shown as code: the
 * block becomes a code block, the run a code run. KaTeX is loaded only for a deck with formulas.
 */
export async function renderMath(deck: Deck): Promise<Diagnostic[]> {
  if (!deck.slides.some((s) => hasMath(s.blocks))) return [];
  const { default: katex } = await import('katex');
  const found: Diagnostic[] = [];
  for (const slide of deck.slides) {
    const warn = (line: number, message: string) =>
      found.push({ severity: 'warning', code: 'math-invalid', message, file: slide.file ?? deck.file, line, column: 1 });
    typesetBlocks(slide.blocks, katex, warn);
  }
  return found;
}

type Warn = (line: number, message: string) => void;

/**
 * Typesets the formulas of `blocks` in place (the other prepare steps work on the same deck at
 * the same time): a display formula KaTeX rejects becomes a code block.
 */
function typesetBlocks(blocks: Block[], katex: Katex, warn: Warn): void {
  blocks.forEach((b, i) => {
    switch (b.type) {
      case 'math': {
        const out = typeset(katex, b.tex, true);
        if ('html' in out) {
          b.html = out.html;
          return;
        }
        // A formula written over several lines starts on the line after its `$$`.
        const first = b.tex.includes('\n') ? b.line + 1 : b.line;
        warn(first + linesBefore(b.tex, out.position), invalid(b.tex, out.message, 'a code block'));
        blocks[i] = { type: 'code', value: b.tex, line: b.line };
        return;
      }
      case 'heading':
      case 'paragraph':
        return typesetRuns(b.runs, b.line, katex, warn);
      case 'list':
        for (const item of b.items) {
          typesetRuns(item.runs, b.line, katex, warn);
          typesetBlocks(item.blocks, katex, warn);
        }
        return;
      case 'quote':
        return b.paragraphs.forEach((runs) => typesetRuns(runs, b.line, katex, warn));
      case 'table':
        return [...b.head, ...b.rows.flat()].forEach((cell) => typesetRuns(cell, b.line, katex, warn));
    }
  });
}

/** Inline formulas typeset in place; one KaTeX rejects becomes code, with a warning at `line` (its block's: runs keep no line). */
function typesetRuns(runs: Run[], line: number, katex: Katex, warn: Warn): void {
  runs.forEach((run, i) => {
    if (!run.math) return;
    const out = typeset(katex, run.text, false);
    if ('html' in out) {
      run.html = out.html;
      return;
    }
    warn(line, invalid(run.text, out.message, 'code'));
    const { math: _math, html: _html, ...rest } = run;
    runs[i] = { ...rest, code: true };
  });
}

/**
 * KaTeX's HTML for one formula, or why it rejects it. `throwOnError: false` would draw a bad
 * formula's source in red instead of failing, so errors are caught. `trust: false` refuses what
 * could reach outside the formula (`\href`, `\url`, `\includegraphics`, `\htmlClass`...); KaTeX
 * would draw the command's name in red, so a refused command is reported like an error.
 * `output: 'html'` leaves out KaTeX's hidden MathML copy, which a video has no use for.
 */
function typeset(katex: Katex, tex: string, displayMode: boolean): { html: string } | { message: string; position?: number } {
  const refused: string[] = [];
  try {
    const html = katex.renderToString(tex, {
      displayMode,
      throwOnError: true,
      output: 'html',
      strict: 'ignore',
      trust: (context) => {
        refused.push(context.command);
        return false;
      },
      // A formula stays a formula: no size beyond 50 em, no macro expanded more than 1000 times.
      maxSize: 50,
      maxExpand: 1000,
    });
    if (refused.length) return { message: `${refused[0]} is not drawn: a formula cannot link or embed anything` };
    return { html };
  } catch (err) {
    if (!(err instanceof katex.ParseError)) throw err;
    return { message: err.rawMessage, position: err.position };
  }
}

const invalid = (tex: string, why: string, shown: string) => `KaTeX cannot typeset the formula ${preview(tex)}: ${why}; it is shown as ${shown}`;

const preview = (tex: string) => {
  const one = tex.replace(/\s+/g, ' ').trim();
  return `"${one.length > 40 ? `${one.slice(0, 39)}…` : one}"`;
};

const linesBefore = (tex: string, position: number | undefined) => (position === undefined ? 0 : tex.slice(0, position).split('\n').length - 1);

/** True when any block (in list items too) or run of the slide is a formula. */
export function hasMath(blocks: Block[]): boolean {
  const inRuns = (runs: Run[]) => runs.some((r) => r.math);
  return blocks.some((b) => {
    switch (b.type) {
      case 'math':
        return true;
      case 'heading':
      case 'paragraph':
        return inRuns(b.runs);
      case 'list':
        return b.items.some((item) => inRuns(item.runs) || hasMath(item.blocks));
      case 'quote':
        return b.paragraphs.some(inRuns);
      case 'table':
        return [...b.head, ...b.rows.flat()].some(inRuns);
      default:
        return false;
    }
  });
}
