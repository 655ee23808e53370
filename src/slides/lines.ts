/** Width of `text` at a font size of 1 px, in the given weight (and the monospace face for code). */
export type Measure = (text: string, weight: number, mono: boolean) => number;

/** Browser line breaking can differ from our greedy count by rounding: keep a little margin. */
export const WIDTH_SLACK = 0.97;

/**
 * Lines that `text` takes at `size` in `width` pixels: greedy breaking at spaces, hard breaks at
 * `\n`, and words wider than the line broken anywhere (as CSS `overflow-wrap: anywhere` does).
 */
export function countLines(text: string, width: number, size: number, weight: number, mono: boolean, measure: Measure): number {
  if (width <= size) return Number.POSITIVE_INFINITY;
  const w = (s: string) => measure(s, weight, mono) * size;
  const space = w(' ');
  let total = 0;
  for (const para of text.split('\n')) {
    let lines = 1;
    let used = 0;
    for (const word of para.split(/\s+/).filter(Boolean)) {
      const ww = w(word);
      if (used > 0 && used + space + ww <= width) {
        used += space + ww;
        continue;
      }
      if (used > 0) {
        lines++;
        used = 0;
      }
      if (ww <= width) {
        used = ww;
        continue;
      }
      // An unbreakable word: it fills whole lines, character by character.
      for (const ch of word) {
        const cw = w(ch);
        if (used + cw > width && used > 0) {
          lines++;
          used = 0;
        }
        used += cw;
      }
    }
    total += lines;
  }
  return total;
}
