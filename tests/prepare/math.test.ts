import { describe, expect, it, vi } from 'vitest';
import { parseDeck } from '../../src/deck/parse.js';
import type { Block, Run } from '../../src/deck/model.js';
import { renderMath } from '../../src/prepare/math.js';

// Counts the loads of KaTeX by the code under test (the module itself is KaTeX, unchanged).
const loads = vi.hoisted(() => ({ katex: 0 }));
vi.mock('katex', async (original) => {
  loads.katex++;
  return original();
});

const deckOf = (source: string) => parseDeck(source, 'talk.md').deck;
const runsOf = (b: Block | undefined): Run[] => (b && (b.type === 'paragraph' || b.type === 'heading') ? b.runs : []);

describe('renderMath', () => {
  it('does not load KaTeX for a deck without formulas', async () => {
    const deck = deckOf('# Money\n\nCosts $5 and $10 today.\n\n```\n$x$\n```\n');
    expect(await renderMath(deck)).toEqual([]);
    expect(loads.katex).toBe(0);
    expect(JSON.stringify(deck)).not.toContain('"html"');
  });

  it('fills in KaTeX HTML for display formulas and inline ones in every kind of text', async () => {
    const deck = deckOf(
      [
        '# Euler $e^{i\\pi}$',
        'Where $x^2$ is squared:',
        '$$\n\\frac{\\pi^2}{6} = \\sum_n \\frac{1}{n^2}\n$$',
        '- an item with $\\alpha$\n  - nested $\\beta$',
        '> a quote with $\\gamma$',
        '| a | b |\n|---|---|\n| $\\delta$ | $\\epsilon$ |',
      ].join('\n\n'),
    );
    expect(await renderMath(deck)).toEqual([]);
    expect(loads.katex).toBe(1);
    const [heading, para, math, list, quote, table] = deck.slides[0].blocks;
    const { default: katex } = await vi.importActual<typeof import('katex')>('katex');
    const expected = (tex: string, displayMode = false) => katex.renderToString(tex, { displayMode, output: 'html', strict: 'ignore' });
    expect(runsOf(heading).find((r) => r.math)?.html).toBe(expected('e^{i\\pi}'));
    expect(runsOf(para).find((r) => r.math)?.html).toBe(expected('x^2'));
    expect(math).toMatchObject({ type: 'math', html: expected('\\frac{\\pi^2}{6} = \\sum_n \\frac{1}{n^2}', true) });
    if (list.type !== 'list' || quote.type !== 'quote' || table.type !== 'table') throw new Error(`unexpected blocks ${list.type} ${quote.type} ${table.type}`);
    expect(list.items[0].runs.find((r) => r.math)?.html).toBe(expected('\\alpha'));
    const nested = list.items[0].blocks[0];
    expect(nested.type === 'list' && nested.items[0].runs.find((r) => r.math)?.html).toBe(expected('\\beta'));
    expect(quote.paragraphs[0].find((r) => r.math)?.html).toBe(expected('\\gamma'));
    expect(table.rows[0].map((cell) => cell[0].html)).toEqual([expected('\\delta'), expected('\\epsilon')]);
  });

  it('shows a formula KaTeX rejects as code, with a warning naming its line', async () => {
    const deck = deckOf('# One\n\n$$\n\\badmacro{x}\n$$\n\n---\n\n# Two\n\n$$\na + b \\\\\n\\frac{1}{\n$$\n\nText $\\sqrt{$ here and $y$ there.\n\n- item $\\oops$\n');
    const found = await renderMath(deck);
    expect(found.map((d) => `${d.file}:${d.line} ${d.severity} ${d.code}`)).toEqual([
      'talk.md:3 warning math-invalid',
      // A formula over several lines: the line of the error inside it.
      'talk.md:13 warning math-invalid',
      'talk.md:16 warning math-invalid',
      'talk.md:18 warning math-invalid',
    ]);
    expect(found[0].message).toBe('KaTeX cannot typeset the formula "\\badmacro{x}": Undefined control sequence: \\badmacro; it is shown as a code block');
    expect(deck.slides[0].blocks[1]).toEqual({ type: 'code', value: '\\badmacro{x}', line: 3 });
    const [, block, para, list] = deck.slides[1].blocks;
    expect(block).toEqual({ type: 'code', value: 'a + b \\\\\n\\frac{1}{', line: 11 });
    // The bad inline formula becomes a code run; the good one beside it is typeset.
    expect(runsOf(para).map((r) => [r.text, Boolean(r.code), Boolean(r.html)])).toEqual([
      ['Text ', false, false],
      ['\\sqrt{', true, false],
      [' here and ', false, false],
      ['y', false, true],
      [' there.', false, false],
    ]);
    expect(list.type === 'list' && list.items[0].runs[1]).toEqual({ text: '\\oops', code: true });
  });

  it('lets nothing of the deck become markup: KaTeX escapes text, and links and HTML commands are refused', async () => {
    const deck = deckOf(
      '# Safe\n\n$$\n\\text{<script>alert(1)</script>} < x\n$$\n\n$\\href{javascript:alert(1)}{click}$ and $\\htmlClass{x}{y}$ and $\\includegraphics{a.png}$ and $\\url{https://example.com}$\n',
    );
    const found = await renderMath(deck);
    const [, math, para] = deck.slides[0].blocks;
    const html = math.type === 'math' ? math.html ?? '' : '';
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toMatch(/<script|<a\b|href=|onerror|javascript:/i);
    expect(found.map((d) => d.message)).toEqual([
      'KaTeX cannot typeset the formula "\\href{javascript:alert(1)}{click}": \\href is not drawn: a formula cannot link or embed anything; it is shown as code',
      'KaTeX cannot typeset the formula "\\htmlClass{x}{y}": \\htmlClass is not drawn: a formula cannot link or embed anything; it is shown as code',
      'KaTeX cannot typeset the formula "\\includegraphics{a.png}": \\includegraphics is not drawn: a formula cannot link or embed anything; it is shown as code',
      'KaTeX cannot typeset the formula "\\url{https://example.com}": \\url is not drawn: a formula cannot link or embed anything; it is shown as code',
    ]);
    expect(runsOf(para).filter((r) => r.html)).toEqual([]);
  });
});
