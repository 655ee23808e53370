import { z } from 'zod';

/**
 * Clock times as people write them in decks and timings files: `75`, `75.5`, `1:15`, `1:15.5`,
 * `1:02:03`. Returns seconds, or null when the text is not such a time.
 */
export function parseClock(text: string): number | null {
  const parts = text.trim().split(':');
  if (parts.length > 3 || !parts.every((p, i) => (i === parts.length - 1 ? /^\d+(\.\d+)?$/ : /^\d+$/).test(p))) return null;
  const nums = parts.map(Number);
  // Below the largest unit, minutes and seconds stay under 60: `1:75` is not a time.
  if (nums.slice(1).some((n) => n >= 60)) return null;
  return nums.reduce((total, n) => total * 60 + n, 0);
}

/** `at:` in a slide: a number of seconds, or a clock time (YAML reads `12:34` as a string). */
export const startTimeSchema = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const seconds = typeof v === 'number' ? v : parseClock(v);
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) {
    ctx.addIssue({ code: 'custom', message: 'not a time' });
    return z.NEVER;
  }
  return seconds;
});

/** `m:ss`, or `h:mm:ss` when `long`: YouTube's chapter timestamps. */
export function formatClock(seconds: number, long = false): string {
  const s = Math.floor(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return long || h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
