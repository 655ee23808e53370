import type { Row } from './content.js';
import type { ContentGeometry } from './content-fit.js';
import type { FitItem } from './fit.js';
import type { Measure } from './lines.js';
import { scaled, TYPE } from './theme.js';

/**
 * The fit item of a display formula. Until formulas are drawn by KaTeX, a formula is set as its
 * TeX, one line, in the monospace face.
 */
export function mathItem(row: Extract<Row, { kind: 'math' }>, g: ContentGeometry, _measure: Measure): FitItem {
  const t = TYPE.code;
  return { key: row.key, text: row.block.tex, max: scaled(t.max, g.frame), min: scaled(t.min, g.frame), floor: scaled(t.floor, g.frame), weight: 400, lineHeight: t.lineHeight, mono: true, code: true };
}
