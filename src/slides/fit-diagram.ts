import type { Row } from './content.js';
import type { ContentGeometry } from './content-fit.js';
import type { FitItem } from './fit.js';
import type { Measure } from './lines.js';
import { scaled, SPACE } from './theme.js';

/**
 * A diagram's box: mermaid lays a diagram out only in the page, so its shape is unknown when the
 * slide is fitted. The box is one "line" `DIAGRAM_EM` ems tall at a size that shrinks with the
 * rest of the slide: at 1080p, from 638 px (58 px × 11) on a slide that has room, down to 330 px
 * at the usual minimum and 220 px at the floor, the share of a picture among text. The drawing
 * scales the diagram to the box's height and the row's width (see DiagramView.tsx), so the
 * fitting and the drawing agree on the box whatever the diagram's shape. `before`, the space
 * above, is in ems of the same size.
 */
export const DIAGRAM_EM = 11;
const SIZE = { max: 58, min: 30, floor: 20 };

export function diagramItem(row: Extract<Row, { kind: 'diagram' }>, g: ContentGeometry, _measure: Measure): FitItem {
  return {
    key: row.key,
    text: '',
    max: scaled(SIZE.max, g.frame),
    min: scaled(SIZE.min, g.frame),
    floor: scaled(SIZE.floor, g.frame),
    weight: 400,
    lineHeight: DIAGRAM_EM,
    indentPx: row.depth * scaled(SPACE.indent, g.frame),
  };
}
