import { countLines, WIDTH_SLACK, type Measure } from './lines.js';

/**
 * Column widths and height of a table at one font size, the way a browser lays out an automatic
 * table: each column gets its widest cell when the table fits the width; otherwise each gets at
 * least its longest word, and the rest of the width in proportion to what it would like more.
 * The page draws the table with exactly these widths (`table-layout: fixed`), so the fitting and
 * the drawing agree.
 */
export interface TableSpec {
  rows: string[][];
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
  const weightOf = (row: number) => (spec.head && row === 0 ? HEAD_WEIGHT : weight);
  const w = (text: string, row: number) => measure(text, weightOf(row), false) * size / WIDTH_SLACK;
  const natural = Array.from({ length: columns }, () => pad);
  const least = Array.from({ length: columns }, () => pad);
  spec.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      const lines = cell.split('\n');
      natural[c] = Math.max(natural[c], ...lines.map((l) => w(l, r) + pad));
      least[c] = Math.max(least[c], ...cell.split(/\s+/).map((word) => Math.min(w(word, r), size * 8) + pad));
    }),
  );
  const widths = distribute(natural, least, width);
  let lines = 0;
  let height = 0;
  spec.rows.forEach((row, r) => {
    const n = Math.max(1, ...row.map((cell, c) => countLines(cell, (widths[c] - pad) * WIDTH_SLACK, size, weightOf(r), false, measure)));
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
