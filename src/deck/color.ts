import { colord, extend } from 'colord';
import a11y from 'colord/plugins/a11y';
import mix from 'colord/plugins/mix';
import names from 'colord/plugins/names';

extend([names, a11y, mix]);

/**
 * CSS colours as a browser reads them (hex, rgb(), hsl(), the named colours), through colord:
 * a deck's colour is used only when it is one, so a theme's own colour word (`amber`,
 * `emerald-light`) or anything else (`url(...)`) never reaches the page's CSS.
 */
export const isCssColor = (value: string): boolean => colord(value.trim()).isValid();

/** `a` with `share` (0 to 1) of `b` mixed in, as #rrggbb; `a` itself when either is no colour. */
export function mixColors(a: string, b: string, share: number): string {
  const x = colord(a.trim());
  const y = colord(b.trim());
  return x.isValid() && y.isValid() ? x.mix(y, share).toHex() : a;
}

/** WCAG contrast ratio of two CSS colours; null when either is none. */
export function contrastOf(a: string, b: string): number | null {
  const x = colord(a.trim());
  const y = colord(b.trim());
  return x.isValid() && y.isValid() ? x.contrast(y) : null;
}
