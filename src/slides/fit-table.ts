import { countLines, WIDTH_SLACK, type Measure } from './lines.js';

/**
 * Column widths and height of a table at one font size, the way a browser lays out an automatic
 * table: each column gets its widest cell when the table fits the width; otherwise each gets at
 * least its longest word, and the rest of the width in proportion to what it would like more.
 * The page draws the table with exactly these widths (`table-layout: fixed`), so the fitting and
 * the drawing agree.
 */
/** A piece of a cell's text in one face: bold runs are wider, code is set in the monospace face. */
export interface Segment {
  text: string;
  weight: number;
  mono: boolean;
}

export interface TableSpec {
  rows: Segment[][][];
  head: boolean;
  /** Cell padding, in ems of the font size. */
  padX: number;
  padY: number;
}

export interface TableLayout {
  widths: number[];
  /** Lines of text in all rows (each row counts its tallest cell). */
  lines: number;
  height: number;
}

/** Header cells are bold. */
const HEAD_WEIGHT = 700;

export function tableLayout(spec: TableSpec, width: number, size: number, weight: number, lineHeight: number, measure: Measure): TableLayout {
  const columns = Math.max(0, ...spec.rows.map((r) => r.length));
  const pad = 2 * spec.padX * size;
  const head = (r: number) => spec.head && r === 0;
  const weightOf = (s: Segment, r: number) => (head(r) ? Math.max(HEAD_WEIGHT, s.weight) : s.weight);
  const natural = Array.from({ length: columns }, () => pad);
  const least = Array.from({ length: columns }, () => pad);
  spec.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      // The widest line (cells break only at <br>) and the widest word, each in its own face.
      const lines: number[] = [0];
      for (const s of cell) {
        s.text.split('\n').forEach((part, k) => {
          if (k > 0) lines.push(0);
          lines[lines.length - 1] += (measure(part, weightOf(s, r), s.mono) * size) / WIDTH_SLACK;
          for (const word of part.split(/\s+/)) least[c] = Math.max(least[c], Math.min((measure(word, weightOf(s, r), s.mono) * size) / WIDTH_SLACK, size * 8) + pad);
        });
      }
      natural[c] = Math.max(natural[c], ...lines.map((l) => l + pad));
    }),
  );
  const widths = distribute(natural, least, width);
  let lines = 0;
  let height = 0;
  spec.rows.forEach((row, r) => {
    // Line breaks are counted in the cell's heaviest face, a little on the wide side.
    const count = (cell: Segment[], c: number) => {
      const text = cell.map((s) => s.text).join('');
      const heavy = Math.max(weight, ...cell.map((s) => weightOf(s, r)));
      return countLines(text, (widths[c] - pad) * WIDTH_SLACK, size, heavy, cell.some((s) => s.mono), measure);
    };
    const n = Math.max(1, ...row.map(count));
    lines += n;
    height += n * size * lineHeight + 2 * spec.padY * size;
  });
  return { widths: widths.map((x) => Math.floor(x)), lines, height };
}

/** Widths for columns that would like `natural` and need at least `least`, in `width` pixels. */
function distribute(natural: number[], least: number[], width: number): number[] {
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  if (sum(natural) <= width) return natural;
  if (sum(least) >= width) return least.map((x) => (x * width) / sum(least));
  const extra = width - sum(least);
  const wants = natural.map((n, i) => n - least[i]);
  const total = sum(wants) || 1;
  return least.map((l, i) => l + (extra * wants[i]) / total);
}
