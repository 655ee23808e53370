import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/deck/parse.js';
import { contentParts, slotColumns } from '../../src/slides/content.js';
import { columnWidth, contentItems } from '../../src/slides/content-fit.js';
import { fitSlide } from '../../src/slides/geometry.js';
import type { Measure } from '../../src/slides/lines.js';
import { fontNeeds } from '../../src/slides/font-needs.js';

const slideOf = (body: string) => parseDeck(`# Start\n\n---\n\n${body}\n\n---\n\n# End\n`, 'talk.md').deck.slides[1];
const rowsOf = (body: string) =>
  contentParts(slideOf(body)).rows.map((r) =>
    r.kind === 'text' ? `${r.role}@${r.depth}${r.marker ? `:${r.marker.kind}${'n' in r.marker ? r.marker.n : 'checked' in r.marker ? (r.marker.checked ? '+' : '-') : ''}` : ''}${r.click !== undefined ? ` b${r.click.at - 1}` : ''} ${r.runs.map((x) => x.text).join('')}` : `${r.kind}@${r.depth}`,
  );

describe('the rows of the general layout', () => {
  it('takes a first heading as the title and draws every other block in order', () => {
    const parts = contentParts(slideOf('## Setup\n\nIntro text\n\n```sh\nnpm ci\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n### Then\n\n> quoted\n>\n> — Someone'));
    expect(parts.heading?.runs[0].text).toBe('Setup');
    expect(rowsOf('## Setup\n\nIntro text\n\n```sh\nnpm ci\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n### Then\n\n> quoted\n>\n> — Someone')).toEqual([
      'body@0 Intro text',
      'code@0',
      'table@0',
      'subtitle@0 Then',
      'body@0 quoted',
      'body@0 — Someone',
    ]);
  });

  it('nests list items three levels deep; each top-level item is a build step that brings its own content', () => {
    expect(rowsOf('# Tactics\n\n- apply\n  - simp\n    - unfold\n  - rw\n- intro\n\n  a second paragraph\n\n3. three\n4. four\n\n- [x] done\n- [ ] open')).toEqual([
      'body@0:bullet b0 apply',
      'body@1:bullet b0 simp',
      'body@2:bullet b0 unfold',
      'body@1:bullet b0 rw',
      'body@0:bullet b1 intro',
      'body@1 b1 a second paragraph',
      'body@0:number3 b2 three',
      'body@0:number4 b3 four',
      'body@0:task+ b4 done',
      'body@0:task- b5 open',
    ]);
    expect(slideOf('- a\n  - b\n- c').clicks).toBe(2);
  });

  it('sets paragraphs after the last list small, as footnotes; a list without a heading is set larger', () => {
    expect(rowsOf('- one\n- two\n\nSource: somewhere')).toEqual(['list@0:bullet b0 one', 'list@0:bullet b1 two', 'small@0 Source: somewhere']);
  });
});

describe('the faces a deck needs', () => {
  const needs = (body: string) => fontNeeds(parseDeck(`# Talk\n\n${body}\n`, 'talk.md').deck);

  it('needs nothing beyond Inter for plain Latin text', () => {
    expect(needs('Café, naïve “quotes” – and … 100 €')).toEqual({ mono: false, emoji: '', symbols: false });
  });

  it('needs the monospace face for code, emoji for emoji, and DejaVu Sans for symbols and other scripts', () => {
    expect(needs('Run `npm ci`').mono).toBe(true);
    expect(needs('```\nx\n```').mono).toBe(true);
    expect(needs('Launch 🚀 and 🚀 again 🎉').emoji).toBe('🚀🎉');
    expect(needs('A → B').symbols).toBe(true);
    expect(needs('Привет').symbols).toBe(true);
    expect(needs('Launch 🚀').symbols).toBe(false);
  });
});

describe("Slidev's columns", () => {
  const deck = (body: string, layout: string) => parseDeck(`---\ntheme: default\n---\n\n# A\n\n---\nlayout: ${layout}\n---\n\n${body}\n`, 'slides.md').deck;

  it('two-cols: the default slot and ::left:: on the left, ::right:: on the right; each heading heads its column', () => {
    const slide = deck('# Left\n\nleft text\n\n::right::\n\n# Right\n\n- right item', 'two-cols').slides[1];
    expect(slide.layout).toBe('columns');
    const parts = contentParts(slide);
    expect(parts.heading).toBeUndefined();
    const cols = slotColumns(parts.rows);
    const texts = (rows: typeof parts.rows) => rows.map((r) => (r.kind === 'text' ? `${r.role} ${r.runs.map((x) => x.text).join('')}` : r.kind));
    expect(texts(cols.left)).toEqual(['heading Left', 'list left text']);
    expect(texts(cols.right)).toEqual(['heading Right', 'list right item']);
  });

  it('two-cols-header: the default slot is the header above both, ::bottom:: below both', () => {
    const slide = deck('# Across\n\n::left::\n\nL\n\n::right::\n\nR\n\n::bottom::\n\nB', 'two-cols-header').slides[1];
    const parts = contentParts(slide);
    expect(parts.heading?.runs[0].text).toBe('Across');
    const cols = slotColumns(parts.rows);
    expect([cols.top, cols.left, cols.right, cols.bottom].map((rows) => rows.map((r) => (r.kind === 'text' ? r.runs[0].text : r.kind)))).toEqual([[], ['L'], ['R'], ['B']]);
  });

  it('elsewhere, slots follow one another, with one warning for the deck', () => {
    const { deck: d, diagnostics } = parseDeck('---\ntheme: default\n---\n\n# A\n\nx\n\n::right::\n\ny\n\n---\n\n# B\n\n::right::\n\nz\n', 'slides.md');
    expect(d.slides.map((s) => s.layout)).toEqual(['title', 'statement']);
    expect(diagnostics.filter((x) => x.message.includes('slots'))).toHaveLength(1);
  });
});

describe('grid columns', () => {
  const half: Measure = (text) => [...text].length * 0.5;
  const deck = (body: string) => parseDeck(`---\ntheme: default\n---\n\n# Grid\n\n${body}\n`, 'slides.md').deck;

  it('measures each column at its share of the width, side by side: the grid is as tall as its tallest column', () => {
    const slide = deck('<div class="grid grid-cols-3">\n<div>\n\nOne short line\n\n</div>\n<div>\n\nA\n\nB\n\nC\n\n</div>\n<div>\n\nTwo\n\n</div>\n</div>').slides[0];
    const g = { width: 1600, height: 900, frame: 1080, bar: 40 };
    const items = contentItems(slide, g, half).filter((i) => i.column !== undefined);
    expect(items.map((i) => i.column)).toEqual([0, 1, 1, 1, 2]);
    expect(new Set(items.map((i) => i.width))).toEqual(new Set([columnWidth(g, 3)]));
    expect(columnWidth(g, 3)).toBeLessThan(g.width / 3);
    // One column of three rows sets the height, not the five rows together.
    const fitted = fitSlide(slide, 1920, 1080, { paginate: false, logo: false }, half);
    const stacked = fitSlide(deck('One short line\n\nA\n\nB\n\nC\n\nTwo').slides[0], 1920, 1080, { paginate: false, logo: false }, half);
    expect(fitted.height).toBeLessThan(stacked.height);
  });

  it('draws a grid in a columns slide as rows of its column, and keeps two grids in a row apart', () => {
    const cols = parseDeck('---\ntheme: default\nlayout: two-cols\n---\n\n<div class="grid grid-cols-2"><div>A</div><div>B</div></div>\n\n::right::\n\nC\n', 'slides.md').deck.slides[0];
    expect(contentParts(cols).rows.every((r) => r.cell === undefined)).toBe(true);
    const two = deck('<div class="grid grid-cols-2"><div>A</div><div>B</div></div>\n\n<div class="grid grid-cols-2"><div>C</div><div>D</div></div>').slides[0];
    const items = contentItems(two, { width: 1600, height: 900, frame: 1080, bar: 40 }, half).filter((i) => i.column !== undefined);
    expect(items.map((i) => `${i.columnGroup}:${i.column}`)).toEqual(['0:0', '0:1', '1:0', '1:1']);
  });
});
