import type { Row } from './rows.js';
import type { ContentGeometry, FitItem } from './fit.js';
import type { Measure } from './lines.js';
import { scaled, SPACE } from './theme.js';

/**
 * A diagram's box: mermaid lays a diagram out only in the page, so its shape is unknown when the
 * slide is fitted. Like a picture among text, it is a box whose height shrinks with the rest of
 * the slide: `DIAGRAM_EM` times the item's size, which goes from 58 to 30 px (20 px on a slide set
 * small) at 1080p, so from 638 px on a slide that has room down to 330 px (220 px). `before`, the
 * space above, is in ems of that size. The drawing scales the diagram to the box's height and the
 * row's width (see DiagramView.tsx), so the fitting and the drawing agree on the box whatever the
 * diagram's shape; being a box, it does not count as text in `text-small` messages.
 */
export const DIAGRAM_EM = 11;
const SIZE = { max: 58, min: 30, floor: 20 };

export function diagramItem(row: Extract<Row, { kind: 'diagram' }>, g: ContentGeometry, _measure: Measure): FitItem {
  const size = { max: scaled(SIZE.max, g.frame), min: scaled(SIZE.min, g.frame), floor: scaled(SIZE.floor, g.frame) };
  return {
    key: row.key,
    text: '',
    ...size,
    weight: 400,
    lineHeight: 1,
    indentPx: row.depth * scaled(SPACE.indent, g.frame),
    box: { max: DIAGRAM_EM * size.max, min: DIAGRAM_EM * size.min, floor: DIAGRAM_EM * size.floor },
  };
}

/**
 * The box's height from the item's size, when the layout does not pass the fitting's: the box is
 * `DIAGRAM_EM` times the unrounded size the item's size is rounded down from, so this is at most
 * the fitted height, never more.
 */
export const diagramBox = (size: number) => DIAGRAM_EM * size;
