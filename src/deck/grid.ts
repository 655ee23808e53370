import type { Element, ElementContent } from 'hast';
import type { Conversion } from './conversion.js';
import { classesOf } from './inline.js';
import type { Block } from './model.js';

/**
 * Slidev decks set things side by side with UnoCSS's grid classes: `<div class="grid grid-cols-3
 * gap-4">` with one child per cell. talkreel follows the columns: each child's blocks go in the
 * column the browser would put it in (children fill the columns row by row, a `col-span-N` child
 * takes N), and a child spanning every column (`col-span-3`, `col-span-full`) is set across the
 * slide, between the columns before and after it. Within a column, cells stack; rows of cells are
 * not aligned across columns. Other classes (gaps, widths, colours) are not followed. Marp decks
 * that use the same classes (with a theme's CSS for them) are read the same way.
 */
const MAX_COLUMNS = 4;

/** How many columns an element's grid classes ask for (2 to 4), or null: not a grid talkreel sets in columns. */
export function gridColumns(el: Element): number | null {
  const classes = classesOf(el);
  if (!classes.includes('grid')) return null;
  // The unprefixed class applies at a slide's size; a responsive one (`md:grid-cols-2`) too, Slidev's canvas being wide.
  const counts = classes.map((c) => /^(?:[a-z]+:)?grid-cols-(\d+)$/.exec(c)).filter((m) => m !== null);
  const n = Number((counts.find((m) => !m[0].includes(':')) ?? counts.at(-1))?.[1]);
  return n >= 2 ? Math.min(n, MAX_COLUMNS) : null;
}

/** How many columns a grid child spans: `col-span-2`, `grid-col-span-2`, `col-span-full`. */
function spanOf(el: ElementContent, columns: number): number {
  if (el.type !== 'element') return 1;
  for (const c of classesOf(el)) {
    if (/^(?:grid-)?col-span-full$/.test(c)) return columns;
    const m = /^(?:grid-)?col-span-(\d+)$/.exec(c);
    if (m) return Math.max(1, Math.min(columns, Number(m[1])));
  }
  return 1;
}

/**
 * The blocks of a grid, each with its cell. `convert` reads one child into blocks (as blocks.ts
 * reads any element). A grid inside a grid's cell is read as plain blocks of that cell.
 */
export function gridBlocks(el: Element, columns: number, cx: Conversion, convert: (child: ElementContent) => Block[]): Block[] {
  const out: Block[] = [];
  let grid = cx.grids++;
  let column = 0;
  cx.inGrid++;
  for (const child of el.children) {
    if (child.type === 'comment' || (child.type === 'text' && !child.value.trim())) continue;
    const span = spanOf(child, columns);
    const blocks = convert(child);
    if (span >= columns) {
      // Across the slide: the columns so far end here, and new ones start after it.
      out.push(...blocks);
      grid = cx.grids++;
      column = 0;
      continue;
    }
    if (column + span > columns) column = 0;
    for (const b of blocks) b.cell ??= { grid, column, columns };
    out.push(...blocks);
    column = (column + span) % columns;
  }
  cx.inGrid--;
  return out;
}
