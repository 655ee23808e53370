import type { Run } from '../deck/model.js';
import type { FitItem } from './fit.js';
import { TYPE, scaled, type TypeRole } from './theme.js';

/** Sizes of one role at this frame height. */
export const role = (r: TypeRole, height: number) => {
  const t = TYPE[r];
  return { max: scaled(t.max, height), min: scaled(t.min, height), floor: scaled(t.floor, height), weight: t.weight, lineHeight: t.lineHeight };
};

/** Bold runs make a line as wide as bold text. */
export const heavy = (runs: Run[], weight: number) => (runs.some((r) => r.strong) ? Math.max(weight, 700) : weight);

/** A fit item of one role's sizes at this frame height. */
export const item = (key: string, r: TypeRole, height: number, text: string, extra: Partial<FitItem> = {}): FitItem => ({
  key,
  text,
  ...role(r, height),
  ...extra,
});
