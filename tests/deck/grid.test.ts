import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/deck/model.js';
import { parseDeck } from '../../src/deck/parse.js';

/** Slidev's grid classes: `<div class="grid grid-cols-N">` sets its children in N columns. */
const slidev = (body: string) => parseDeck(`---\ntheme: default\n---\n\n# Grid\n\n${body}\n`, 'slides.md').deck.slides[0];
const cells = (blocks: Block[]) => blocks.filter((b) => b.type !== 'heading').map((b) => `${b.type === 'paragraph' ? b.runs.map((r) => r.text).join('') : b.type}${b.cell ? ` ${b.cell.grid}:${b.cell.column}/${b.cell.columns}` : ''}`);

describe("Slidev's grid columns", () => {
  it('puts each child in the column the browser would: row by row, empty children counting', () => {
    const slide = slidev('<div class="grid grid-cols-3 gap-4">\n<div class="w-35 h-35"></div>\n<div></div>\n<div></div>\n<div>Lorem</div>\n<div>Ipsum</div>\n<div>Dolor</div>\n</div>');
    expect(cells(slide.blocks)).toEqual(['Lorem 0:0/3', 'Ipsum 0:1/3', 'Dolor 0:2/3']);
    expect(slide.layout).toBe('content');
  });

  it('sets a child that spans every column across the slide, between two grids', () => {
    const slide = slidev('<div class="grid grid-cols-2">\n<div>A</div>\n<div>B</div>\n<div class="col-span-2">Across</div>\n<div>C</div>\n</div>');
    expect(cells(slide.blocks)).toEqual(['A 0:0/2', 'B 0:1/2', 'Across', 'C 1:0/2']);
  });

  it('reads Markdown inside a cell, spans of some columns, and wraps to the next row', () => {
    const slide = slidev('<div class="grid grid-cols-3">\n<div class="col-span-2">\n\n- one\n- two\n\n</div>\n<div>B</div>\n<div>C</div>\n</div>');
    expect(cells(slide.blocks)).toEqual(['list 0:0/3', 'B 0:2/3', 'C 0:0/3']);
  });

  it('follows responsive classes and caps the columns at 4; one column, no grid class or a grid inside a cell are plain blocks', () => {
    expect(cells(slidev('<div class="grid md:grid-cols-2"><div>A</div><div>B</div></div>').blocks)).toEqual(['A 0:0/2', 'B 0:1/2']);
    expect(cells(slidev('<div class="grid grid-cols-6"><div>A</div><div>B</div><div>C</div><div>D</div><div>E</div></div>').blocks).at(-1)).toBe('E 0:0/4');
    expect(cells(slidev('<div class="grid grid-cols-1"><div>A</div></div>').blocks)).toEqual(['A']);
    expect(cells(slidev('<div class="grid-cols-2"><div>A</div><div>B</div></div>').blocks)).toEqual(['A', 'B']);
    const nested = slidev('<div class="grid grid-cols-2"><div class="grid grid-cols-2"><div>A</div><div>B</div></div><div>C</div></div>');
    expect(cells(nested.blocks)).toEqual(['A 0:0/2', 'B 0:0/2', 'C 0:1/2']);
  });

  it('is read the same way in a Marp deck (whose theme CSS gives the classes their meaning)', () => {
    const marp = parseDeck('---\nmarp: true\n---\n\n<div class="grid grid-cols-2"><div>A</div><div>B</div></div>\n', 'slides.md').deck.slides[0];
    expect(cells(marp.blocks)).toEqual(['A 0:0/2', 'B 0:1/2']);
  });
});
