import type { Row } from './content.js';
import type { ContentGeometry } from './content-fit.js';
import type { FitItem } from './fit.js';
import type { Measure } from './lines.js';
import { scaled, TYPE } from './theme.js';

/** The fit item of a diagram. Until diagrams are drawn, a diagram is set as its source, like code. */
export function diagramItem(row: Extract<Row, { kind: 'diagram' }>, g: ContentGeometry, _measure: Measure): FitItem {
  const t = TYPE.code;
  return { key: row.key, text: row.block.code, max: scaled(t.max, g.frame), min: scaled(t.min, g.frame), floor: scaled(t.floor, g.frame), weight: 400, lineHeight: t.lineHeight, mono: true, code: true };
}
