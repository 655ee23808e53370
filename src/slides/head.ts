import type { Block } from '../deck/model.js';
import { fitText } from './fit-math.js';
import type { FitItem } from './fit.js';
import { WIDTH_SLACK, type Measure } from './lines.js';
import { heavy, item } from './roles.js';
import type { TypeRole } from './theme.js';

/**
 * The item of a slide's main heading. A `fit` heading (Marp's `<!-- fit -->`) is set on one line
 * at the size where its widest line fills the width, however large (up to a third of the frame's
 * height) or small (down to the role's floor), and does not shrink with the rest.
 */
export function headItem(heading: Extract<Block, { type: 'heading' }>, r: TypeRole, frame: number, width: number, measure: Measure): FitItem {
  const base = item('head', r, frame, fitText(heading.runs), r === 'title' ? { weight: heavy(heading.runs, 800) } : {});
  if (!heading.fit) return base;
  const widest = Math.max(1e-6, ...base.text.split('\n').map((line) => measure(line, base.weight, false)));
  const size = Math.floor(Math.max(base.floor ?? base.min, Math.min(frame / 3, (width * WIDTH_SLACK) / widest)));
  return { ...base, max: size, min: size, floor: size };
}

