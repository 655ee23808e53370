import { codeLineCount } from './fit-code.js';
import { tableLayout, type TableSpec } from './fit-table.js';
import { countLines, WIDTH_SLACK, type Measure } from './lines.js';

export { countLines, WIDTH_SLACK, type Measure };

/**
 * Shrink-to-fit, shared by the layouts (which measure in the browser with @remotion/layout-utils)
 * and by `check`/`render` in Node (which measure with the font file's advance widths). Pure: the
 * measuring is passed in.
 *
 * A slide's content is a list of items (a heading, each list item, a code block, a table, a
 * picture...), each with its own size range. All items shrink together, from their largest size
 * towards their usual minimum, until the content fits the box. When it does not fit even there,
 * they keep shrinking towards their floor (much smaller: 1/36 of the frame height for body text),
 * and the result says `small`; when it does not fit even at the floors, `fits` is false.
 */

export interface FitItem {
  key: string;
  text: string;
  max: number;
  min: number;
  /** The smallest size when the content does not fit at `min`; default `min` (no further shrinking). */
  floor?: number;
  weight: number;
  lineHeight: number;
  mono?: boolean;
  /** Space above the item, in ems of its own size. */
  before?: number;
  /** Width the item does not get (a list marker), in ems of its size, plus pixels (padding). */
  indentEm?: number;
  indentPx?: number;
  /** Fixed pixels above the item (an accent bar, a panel's padding). */
  fixed?: number;
  /** The item's own width when narrower than the box. */
  width?: number;
  /** Items side by side in columns (0, 1, ...): a run of them takes the height of its tallest column. */
  column?: number;
  /** Which run of columns the item is in, when runs follow one another (two grids in a row). */
  columnGroup?: number;
  /** Code: `text` is set as written, line by line, and a line too long for the width wraps. */
  code?: boolean;
  /** A table: these cells (the first row the header when `head`), each padded by `pad` ems. */
  table?: TableSpec;
  /** A picture: a box whose height goes from `max` to `min` (and `floor`) pixels with the text. */
  box?: { max: number; min: number; floor: number };
}

export interface FitBox {
  width: number;
  height: number;
  items: FitItem[];
}

export interface Fitted {
  size: Record<string, number>;
  lines: Record<string, number>;
  /** Column widths of each table, in pixels. */
  widths: Record<string, number[]>;
  /** Height of each picture box, in pixels. */
  boxes: Record<string, number>;
  height: number;
  fits: boolean;
  /** True when the content fits only below the usual minimum sizes. */
  small: boolean;
}

const STEPS = 24;

/**
 * How far the shrinking has gone: `t` from 1 (largest) to 0 (usual minimum), then `u` from 0 to 1
 * (floor), then, for code only, from 1 to 2 (below the floor, see fitBox).
 */
type Stage = { small: false; t: number } | { small: true; u: number };
const sizeAt = (max: number, min: number, floor: number, stage: Stage) => (stage.small ? min - (min - floor) * Math.min(1, stage.u) : min + (max - min) * stage.t);

export function fitBox(box: FitBox, measure: Measure): Fitted {
  let last: Fitted | null = null;
  for (let step = 0; step <= STEPS; step++) {
    last = layoutAt(box, measure, { small: false, t: 1 - step / STEPS });
    if (last.fits) return last;
  }
  if (!box.items.some((item) => (item.floor ?? item.min) < item.min || (item.box && item.box.floor < item.box.min))) return last!;
  // Code is never cut: a slide that still does not fit at the floors scales its code blocks
  // further (u from 1 to 2), down to half their floor (10 px at 1080p), rather than lose lines.
  const stages = box.items.some((item) => item.code) ? 2 * STEPS : STEPS;
  for (let step = 1; step <= stages; step++) {
    last = layoutAt(box, measure, { small: true, u: step / STEPS });
    if (last.fits) return last;
  }
  return last!;
}

/** How far code scales below its floor, at most (see fitBox). */
const CODE_BELOW_FLOOR = 0.5;

function layoutAt(box: FitBox, measure: Measure, stage: Stage): Fitted {
  const out: Fitted = { size: {}, lines: {}, widths: {}, boxes: {}, height: 0, fits: false, small: stage.small };
  let columns: number[] | null = null;
  let group: number | undefined;
  const flush = () => {
    if (columns) out.height += Math.max(...columns);
    columns = null;
  };
  for (const item of box.items) {
    const floor = item.floor ?? item.min;
    const below = item.code && stage.small && stage.u > 1 ? 1 - CODE_BELOW_FLOOR * (stage.u - 1) : 1;
    const s = Math.floor(below < 1 ? floor * below : sizeAt(item.max, item.min, floor, stage));
    const width = (item.width ?? box.width) - (item.indentEm ?? 0) * s - (item.indentPx ?? 0);
    out.size[item.key] = s;
    let body: number;
    if (item.box) {
      const h = Math.round(sizeAt(item.box.max, item.box.min, item.box.floor, stage));
      out.boxes[item.key] = h;
      out.lines[item.key] = 0;
      body = h;
    } else if (item.table) {
      const t = tableLayout(item.table, width, s, item.weight, item.lineHeight, measure);
      out.widths[item.key] = t.widths;
      out.lines[item.key] = t.lines;
      body = t.height;
    } else {
      const n = item.code ? codeLineCount(item.text, width, s, measure) : countLines(item.text, width * WIDTH_SLACK, s, item.weight, !!item.mono, measure);
      out.lines[item.key] = n;
      body = n * s * item.lineHeight;
    }
    const h = (item.fixed ?? 0) + (item.before ?? 0) * s + body;
    if (item.column === undefined) {
      flush();
      out.height += h;
    } else {
      if (item.columnGroup !== group) flush();
      group = item.columnGroup;
      columns ??= [];
      columns[item.column] = (columns[item.column] ?? 0) + h;
    }
  }
  flush();
  out.fits = out.height <= box.height;
  return out;
}

/** The space the general layout's content is fitted in (see content-fit.ts). */
export interface ContentGeometry {
  width: number;
  height: number;
  /** Frame height: sizes are scaled from 1080p. */
  frame: number;
  /** Space taken by the accent bar under the title. */
  bar: number;
}
