/**
 * Shrink-to-fit, shared by the layouts (which measure in the browser with @remotion/layout-utils)
 * and by `check`/`render` in Node (which measure with the font file's advance widths). Pure: the
 * measuring is passed in.
 *
 * A slide's text is a list of items (a heading, each list item, a footnote...), each with its
 * own size range. All items shrink together, from their largest size towards their floor, until
 * the wrapped text fits the box; when it does not fit even at the floors, `fits` is false.
 */

/** Width of `text` at a font size of 1 px, in the given weight (and the monospace face for code). */
export type Measure = (text: string, weight: number, mono: boolean) => number;

export interface FitItem {
  key: string;
  text: string;
  max: number;
  min: number;
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
  /** Items side by side in columns (0, 1): a run of them takes the height of its tallest column. */
  column?: number;
}

export interface FitBox {
  width: number;
  height: number;
  items: FitItem[];
}

export interface Fitted {
  size: Record<string, number>;
  lines: Record<string, number>;
  height: number;
  fits: boolean;
}

const STEPS = 24;
/** Browser line breaking can differ from our greedy count by rounding: keep a little margin. */
const WIDTH_SLACK = 0.97;

export function fitBox(box: FitBox, measure: Measure): Fitted {
  let last: Fitted | null = null;
  for (let step = 0; step <= STEPS; step++) {
    const t = 1 - step / STEPS;
    last = layoutAt(box, measure, t);
    if (last.fits) return last;
  }
  return last!;
}

function layoutAt(box: FitBox, measure: Measure, t: number): Fitted {
  const size: Record<string, number> = {};
  const lines: Record<string, number> = {};
  let height = 0;
  let columns: number[] | null = null;
  const flush = () => {
    if (columns) height += Math.max(...columns);
    columns = null;
  };
  for (const item of box.items) {
    const s = Math.floor(item.min + (item.max - item.min) * t);
    const width = (item.width ?? box.width) - (item.indentEm ?? 0) * s - (item.indentPx ?? 0);
    const n = countLines(item.text, width * WIDTH_SLACK, s, item.weight, !!item.mono, measure);
    size[item.key] = s;
    lines[item.key] = n;
    const h = (item.fixed ?? 0) + (item.before ?? 0) * s + n * s * item.lineHeight;
    if (item.column === undefined) {
      flush();
      height += h;
    } else {
      columns ??= [];
      columns[item.column] = (columns[item.column] ?? 0) + h;
    }
  }
  flush();
  return { size, lines, height, fits: height <= box.height };
}

/**
 * Lines that `text` takes at `size` in `width` pixels: greedy breaking at spaces, hard breaks at
 * `\n`, and words wider than the line broken anywhere (as CSS `overflow-wrap: anywhere` does).
 */
export function countLines(text: string, width: number, size: number, weight: number, mono: boolean, measure: Measure): number {
  if (width <= size) return Number.POSITIVE_INFINITY;
  const w = (s: string) => measure(s, weight, mono) * size;
  const space = w(' ');
  let total = 0;
  for (const para of text.split('\n')) {
    let lines = 1;
    let used = 0;
    for (const word of para.split(/\s+/).filter(Boolean)) {
      let ww = w(word);
      if (used > 0 && used + space + ww <= width) {
        used += space + ww;
        continue;
      }
      if (used > 0) {
        lines++;
        used = 0;
      }
      if (ww <= width) {
        used = ww;
        continue;
      }
      // An unbreakable word: it fills whole lines, character by character.
      for (const ch of word) {
        const cw = w(ch);
        if (used + cw > width && used > 0) {
          lines++;
          used = 0;
        }
        used += cw;
      }
      ww = used;
    }
    total += lines;
  }
  return total;
}
