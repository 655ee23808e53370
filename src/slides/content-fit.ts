import type { Run, Slide } from '../deck/model.js';
import { contentParts, flowParts, rowText, slotColumns, splitColumns, type Row } from './content.js';
import { codeFit, unwrappedSize } from './fit-code.js';
import { diagramItem } from './fit-diagram.js';
import { fitText, mathItem } from './fit-math.js';
import type { ContentGeometry, FitItem } from './fit.js';
import { headItem } from './head.js';
import type { Measure } from './lines.js';
import { heavy, role } from './roles.js';
import { SPACE, scaled } from './theme.js';

/**
 * Fit items of the general layout: the title heading, then one item per row (see content.ts),
 * with the space between rows, indents, panels and build columns as the layout draws them.
 */

/** Indent of one level of nesting, in ems of a row's own size (the width of a list marker). */
export const MARKER_EM = 1.1;
/** Space above a row, in ems: between top-level rows, and under an item (nested rows). */
export const GAP_EM = { row: 0.45, nested: 0.2, panel: 0.6 } as const;

/**
 * A list item that starts with a figure ("2,351 contributors", "4+ million LOC", "1.65 GB"):
 * the figure is set bold in the accent colour, so a list of numbers reads as numbers.
 */
export function figureOf(runs: Run[]): { figure: string; rest: Run[] } | null {
  const first = runs[0];
  if (!first || first.strong || first.em || first.code || first.href) return null;
  const m = /^([+-]?\d[\d.,]*(?:\+|%)?)(?=\s)/.exec(first.text);
  if (!m) return null;
  return { figure: m[1], rest: [{ ...first, text: first.text.slice(m[1].length) }, ...runs.slice(1)] };
}

/** Pixels a picture, code block or table is indented by, per level of nesting. */
export const depthPx = (depth: number, frame: number) => depth * scaled(SPACE.indent, frame);
export const panelPadding = (frame: number) => ({ x: scaled(SPACE.panel.x, frame), y: scaled(SPACE.panel.y, frame) });

export function contentItems(slide: Slide, g: ContentGeometry, measure: Measure, columns: 1 | 2 = 1): FitItem[] {
  const { heading, rows } = contentParts(slide);
  const items: FitItem[] = heading ? [headItem(heading, 'title', g.frame, g.width, measure)] : [];
  if (slide.layout === 'columns') {
    // Slidev's two columns: the header above both, the bottom below both.
    const { top, left, right, bottom } = slotColumns(rows);
    const below = (rs: Row[]) => flowItems(rs, g, measure).map((item, i) => (i === 0 && items.length ? { ...item, before: GAP_EM.panel } : item));
    items.push(...flowItems(top, g, measure, heading !== undefined));
    items.push(...columnItems({ left, right, notes: [] }, heading !== undefined && top.length === 0, g, measure));
    items.push(...below(bottom));
    return items;
  }
  const split = columns === 2 ? splitColumns(rows) : null;
  if (split) return [...items, ...columnItems(split, heading !== undefined, g, measure)];
  return [...items, ...flowItems(rows, g, measure, heading !== undefined)];
}

/**
 * Rows one under another; the first under the title's accent bar when there is a title. A grid's
 * columns sit side by side (see gridItems).
 */
function flowItems(rows: Row[], g: ContentGeometry, measure: Measure, underTitle = false): FitItem[] {
  const items: FitItem[] = [];
  let first = true;
  let notes = 0;
  for (const part of flowParts(rows)) {
    const top = first;
    first = false;
    const fixed = top && underTitle ? g.bar : 0;
    if ('grid' in part) {
      items.push(...gridItems(part.grid, top, fixed, g, measure));
      continue;
    }
    const { row } = part;
    if (row.kind === 'text' && row.role === 'small' && !row.placeholder) {
      items.push({ key: row.key, text: rowText(row), ...role('small', g.frame), before: notes++ === 0 ? 0.8 : 0, fixed });
      continue;
    }
    const item = rowItem(row, g, measure);
    items.push({ ...item, before: top ? 0 : gapAbove(row), fixed: (item.fixed ?? 0) + fixed });
  }
  return items;
}

/**
 * How tall a picture among text wants to be: its `h:`/`w:` size, else its own size, both as
 * pixels of a 720-pixel-high slide (Marp's; a small icon stays small); a picture of unknown size
 * takes what it can get.
 */
export function pictureHeight(block: Extract<Row, { kind: 'image' }>['block'], frame: number): number {
  const px = block.pixels;
  const tall = block.height ?? (block.width && px ? (block.width * px.height) / px.width : px?.height);
  return tall ? Math.max(1, Math.round((tall * frame) / 720)) : frame;
}

/** A column's width: the width shared by `n` columns (two by default), less the gutters between them. */
export const columnWidth = (g: Pick<ContentGeometry, 'width' | 'frame'>, n = 2) => Math.floor((g.width - (n - 1) * scaled(SPACE.l, g.frame)) / n);

/**
 * A grid's columns side by side, each column's rows one under another: the fitting takes the
 * height of the tallest column. Each column's first row has the gap a row would have above it
 * (none at the top), and sits under the title's bar when the grid opens the slide.
 */
function gridItems(columns: Row[][], top: boolean, fixed: number, g: ContentGeometry, measure: Measure): FitItem[] {
  const width = columnWidth(g, columns.length);
  const narrow = { ...g, width };
  return columns.flatMap((column, c) =>
    column.map((row, j) => {
      const item = rowItem(row, narrow, measure);
      const before = j === 0 && top ? 0 : gapAbove(row);
      return { ...item, width, column: c, columnGroup: row.cell?.grid, before, fixed: (item.fixed ?? 0) + (j === 0 ? fixed : 0) };
    }),
  );
}

/** The rows set in two columns side by side, each column's first row under the title's bar; footnotes under both. */
function columnItems(split: NonNullable<ReturnType<typeof splitColumns>>, heading: boolean, g: ContentGeometry, measure: Measure): FitItem[] {
  const width = columnWidth(g);
  const half = { ...g, width };
  const items: FitItem[] = [];
  [split.left, split.right].forEach((column, c) =>
    column.forEach((row, j) => {
      const item = rowItem(row, half, measure);
      items.push({ ...item, width, column: c, before: j === 0 ? 0 : gapAbove(row), fixed: (item.fixed ?? 0) + (j === 0 && heading ? g.bar : 0) });
    }),
  );
  split.notes.forEach((row, i) => items.push({ key: row.key, text: rowText(row), ...role('small', g.frame), before: i === 0 ? 0.8 : 0 }));
  return items;
}

/** Space above a row that is not the first, in ems of its own size. */
export const gapAbove = (row: Row) => (row.depth > 0 ? GAP_EM.nested : row.kind === 'text' ? GAP_EM.row : GAP_EM.panel);

function rowItem(row: Row, g: ContentGeometry, measure: Measure): FitItem {
  const indentPx = depthPx(row.depth, g.frame);
  switch (row.kind) {
    case 'text': {
      const sizes = role(row.role, g.frame);
      if (row.placeholder) {
        const pad = panelPadding(g.frame);
        return { key: row.key, text: rowText(row), ...sizes, indentPx: indentPx + 2 * pad.x, fixed: 2 * pad.y };
      }
      const marker = row.marker ? MARKER_EM + 0.08 * (figureOf(row.runs)?.figure.length ?? 0) : 0;
      const quote = row.quote ? scaled(SPACE.bar.thickness + SPACE.l, g.frame) : 0;
      return { key: row.key, text: rowText(row), ...sizes, weight: heavy(row.runs, sizes.weight), indentEm: marker + MARKER_EM * row.depth, indentPx: quote };
    }
    case 'code': {
      const sizes = role('code', g.frame);
      const pad = panelPadding(g.frame);
      const { text, gutterEm } = codeFit(row.block);
      const inner = g.width - indentPx - 2 * pad.x;
      // A block with long lines starts smaller rather than wrapping, down to the usual minimum.
      const widestEm = 1 / unwrappedSize(text, 1, measure);
      const max = Math.max(sizes.min, Math.min(sizes.max, Math.floor(inner / (widestEm + gutterEm))));
      return { key: row.key, text, ...sizes, max, mono: true, code: true, indentEm: gutterEm, indentPx: indentPx + 2 * pad.x, fixed: 2 * pad.y };
    }
    case 'table': {
      const segment = (run: Run) => ({ text: fitText([run]), weight: run.strong ? 700 : 400, mono: Boolean(run.code || run.kbd) });
      const cells = [...(row.block.head.length ? [row.block.head] : []), ...row.block.rows].map((r) => r.map((cell) => cell.map(segment)));
      return { key: row.key, text: rowText(row), ...role('table', g.frame), indentPx, table: { rows: cells, head: row.block.head.length > 0, padX: 0.5, padY: 0.25 } };
    }
    case 'math':
      return mathItem(row, g, measure);
    case 'diagram':
      return diagramItem(row, g, measure);
    case 'image': {
      const max = Math.min(Math.round(g.height * 0.6), pictureHeight(row.block, g.frame));
      const box = { max, min: Math.min(max, Math.round(g.height * 0.3)), floor: Math.min(max, Math.round(g.height * 0.15)) };
      return { key: row.key, text: '', ...role('body', g.frame), indentPx, box };
    }
  }
}
