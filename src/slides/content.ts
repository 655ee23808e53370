import type { Block, Click, ListItem, Run, Slide } from '../deck/model.js';
import { fitText } from './fit-math.js';
import type { Marker, Row } from './rows.js';

export type { Marker, Row };

/**
 * The general layout (`content`, and `bullets` for a slide with lists) draws a heading, then every
 * block of the slide in order. This turns the blocks into rows, one per line of the design: a
 * paragraph, each list item (nested items indented under theirs), a code block, a table, a
 * picture, each line of a quotation. Pure: the fitting (in Node and in the page) and the layout
 * read the same rows, so what is measured is what is drawn.
 */
type Of<T extends Block['type']> = Extract<Block, { type: T }>;

export interface ContentParts {
  heading?: Of<'heading'>;
  rows: Row[];
}

/** The slide's title heading (its first block, when that is a heading) and its rows. */
export function contentParts(slide: Slide): ContentParts {
  const blocks = slide.blocks.filter((b) => !(b.type === 'image' && b.placement));
  // On a columns slide, only a heading in the header (above both columns) is the slide's title.
  const titled = blocks[0]?.type === 'heading' && (slide.layout !== 'columns' || blocks[0].slot === 'header');
  const heading = titled && blocks[0].type === 'heading' ? blocks[0] : undefined;
  const body = heading ? blocks.slice(1) : blocks;
  // A columns slide's slots are its columns: grids inside them are read as plain rows.
  const maker = new RowMaker(heading ? 'body' : 'list', slide.layout !== 'columns');
  // Paragraphs after the last list (a "Source:" line) are set small, as footnotes.
  const lastList = body.map((b) => b.type).lastIndexOf('list');
  const notesFrom = lastList >= 0 && body.slice(lastList + 1).every((b) => b.type === 'paragraph') ? lastList + 1 : body.length;
  body.forEach((b, i) => maker.block(b, 0, i >= notesFrom));
  return { ...(heading ? { heading } : {}), rows: maker.rows };
}

/** Builds the rows of one slide: keys, depths, and the click each appears at (a block's, or the one it is inside). */
class RowMaker {
  readonly rows: Row[] = [];
  private items = 0;
  private others = 0;
  private notes = 0;

  constructor(
    private readonly role: 'body' | 'list',
    private readonly grids: boolean,
  ) {}

  block(b: Block, depth: number, footnote = false, inherited?: Click): void {
    const start = this.rows.length;
    this.blockRows(b, depth, footnote && !b.cell, inherited);
    // A top-level block's rows go where its slot says (a columns slide), or in its grid's column; nested ones with it.
    if (b.slot) for (const row of this.rows.slice(start)) row.slot = b.slot;
    if (b.cell && this.grids) for (const row of this.rows.slice(start)) row.cell = b.cell;
  }

  private blockRows(b: Block, depth: number, footnote: boolean, inherited?: Click): void {
    const build = b.click ?? inherited;
    switch (b.type) {
      case 'paragraph':
        if (footnote) this.rows.push({ kind: 'text', key: `f${this.notes++}`, runs: b.runs, role: 'small', depth });
        else this.text(b.runs, depth, build);
        return;
      case 'heading':
        this.rows.push({ kind: 'text', key: `b${this.others++}`, runs: b.runs, role: this.role === 'body' ? 'subtitle' : 'heading', depth, ...step(build) });
        return;
      case 'list':
        b.items.forEach((item, k) => this.item(b, item, k, depth, build));
        return;
      case 'quote':
        b.paragraphs.forEach((runs) => this.rows.push({ kind: 'text', key: `b${this.others++}`, runs, role: this.role, depth, quote: 'line', ...step(build) }));
        if (b.attribution) this.rows.push({ kind: 'text', key: `b${this.others++}`, runs: [{ text: `— ${b.attribution}` }], role: this.role, depth, quote: 'attribution', ...step(build) });
        return;
      case 'image':
        // A picture the loader could not resolve (renders are offline) is its description, in one line.
        if (!b.src) {
          this.rows.push({ kind: 'text', key: `b${this.others++}`, runs: [{ text: b.alt || b.path }], role: 'small', depth, placeholder: true, ...step(build) });
          return;
        }
        this.rows.push({ kind: 'image', key: `b${this.others++}`, block: b, depth, ...step(build) });
        return;
      case 'code':
      case 'table':
      case 'math':
      case 'diagram':
        this.rows.push({ kind: b.type, key: `b${this.others++}`, block: b, depth, ...step(build) } as Row);
        return;
    }
  }

  private text(runs: Run[], depth: number, click?: Click): void {
    this.rows.push({ kind: 'text', key: `b${this.others++}`, runs, role: this.role, depth, ...step(click) });
  }

  /** A list item and what it holds, which comes with it. */
  private item(list: Of<'list'>, item: ListItem, k: number, depth: number, click?: Click): void {
    const own = item.click ?? click;
    const marker: Marker = item.checked !== undefined ? { kind: 'task', checked: item.checked } : list.ordered ? { kind: 'number', n: list.start + k } : { kind: 'bullet', depth };
    this.rows.push({ kind: 'text', key: `i${this.items++}`, runs: item.runs, role: this.role, depth, marker, ...step(own) });
    for (const inner of item.blocks) this.block(inner, depth + 1, false, own);
  }
}

const step = (click: Click | undefined) => (click === undefined ? {} : { click });

/** The text of a row as fitting measures it (a table's cells, a code block's lines; formulas by their stand-ins). */
export function rowText(row: Row): string {
  switch (row.kind) {
    case 'text':
      return fitText(row.runs);
    case 'code':
      return row.block.value;
    case 'table':
      return [row.block.head, ...row.block.rows].map((cells) => cells.map(fitText).join('\t')).join('\n');
    case 'math':
      return row.block.tex;
    case 'diagram':
      return row.block.code;
    case 'image':
      return '';
  }
}

/**
 * Rows that do not fit in one column can be set in two: the body rows split where the text
 * reaches half its length (row order kept), footnotes under both. Only text and code flow into
 * columns; a slide with a table or a picture, or with fewer than four rows, stays in one.
 */
export function splitColumns(rows: Row[]): { left: Row[]; right: Row[]; notes: Row[] } | null {
  const notes = rows.filter((r) => r.kind === 'text' && r.role === 'small' && !r.placeholder);
  const body = rows.filter((r) => !notes.includes(r));
  if (body.length < 4 || body.some((r) => r.kind === 'table' || r.kind === 'image' || r.kind === 'diagram' || r.cell)) return null;
  const weight = (r: Row) => (r.kind === 'code' ? r.block.value.split('\n').length * 40 : rowText(r).length + 30);
  const total = body.reduce((n, r) => n + weight(r), 0);
  let sum = 0;
  let k = 0;
  while (k < body.length - 1 && sum + weight(body[k]) / 2 < total / 2) sum += weight(body[k++]);
  return { left: body.slice(0, Math.max(1, k)), right: body.slice(Math.max(1, k)), notes };
}

/** A columns slide's rows: above both columns, the left and right columns, and below both. */
export function slotColumns(rows: Row[]): { top: Row[]; left: Row[]; right: Row[]; bottom: Row[] } {
  return {
    top: rows.filter((r) => r.slot === 'header'),
    left: rows.filter((r) => r.slot === 'left' || r.slot === undefined),
    right: rows.filter((r) => r.slot === 'right'),
    bottom: rows.filter((r) => r.slot === 'bottom'),
  };
}

/** Rows in order, with each run of rows of one grid gathered: `{ grid: columns of rows }` in its place. */
export type FlowPart = { row: Row } | { grid: Row[][] };

export function flowParts(rows: Row[]): FlowPart[] {
  const parts: FlowPart[] = [];
  for (let i = 0; i < rows.length; ) {
    const cell = rows[i].cell;
    if (!cell) {
      parts.push({ row: rows[i++] });
      continue;
    }
    const columns: Row[][] = Array.from({ length: cell.columns }, () => []);
    for (; i < rows.length && rows[i].cell?.grid === cell.grid; i++) columns[rows[i].cell!.column].push(rows[i]);
    parts.push({ grid: columns });
  }
  return parts;
}
