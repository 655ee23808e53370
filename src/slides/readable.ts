import { colord, extend } from 'colord';
import a11y from 'colord/plugins/a11y';
import mix from 'colord/plugins/mix';

extend([a11y, mix]);

/** WCAG AA contrast for text. */
export const AA = 4.5;

/** `colour` on `panel` as an opaque #rrggbb: a colour with alpha is what it looks like over the panel. */
export function onPanel(colour: string, panel: string): string {
  const c = colord(colour);
  const alpha = c.alpha();
  return alpha >= 1 ? c.toHex() : colord(panel).mix(c.alpha(1), alpha, 'rgb').toHex();
}

/**
 * `colour` on `panel`, moved towards white (on a dark panel) or black (on a light one) just far
 * enough to reach `min` contrast, its hue kept; unchanged when it already reads. Used for the code
 * themes (prepare/code-theme.ts) and, in the page, for code on a slide's own panel colour.
 */
export function readable(colour: string, panel: string, min = AA): string {
  const c = colord(onPanel(colour, panel));
  if (c.contrast(panel) >= min) return c.toHex();
  const to = colord('#ffffff').contrast(panel) > colord('#000000').contrast(panel) ? '#ffffff' : '#000000';
  const at = (t: number) => c.mix(to, t, 'rgb').toHex();
  // Bisection on the mixing share; each candidate is judged as the #rrggbb it rounds to.
  let lo = 0;
  let hi = 1;
  for (let k = 0; k < 24; k++) {
    const mid = (lo + hi) / 2;
    if (colord(at(mid)).contrast(panel) >= min) hi = mid;
    else lo = mid;
  }
  return at(hi);
}
