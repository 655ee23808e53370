import { describe, expect, it } from 'vitest';
import { SHEET } from '../../src/publish/contact-sheet.js';
import { labelPixels } from '../../src/publish/sheet-labels.js';

/** Columns of the label holding anything but the sheet's background. */
function inkColumns(label: ReturnType<typeof labelPixels>): boolean[] {
  const bg = SHEET.background;
  return Array.from({ length: label.width }, (_, x) =>
    Array.from({ length: label.height }, (_, y) => (y * label.width + x) * 4).some((i) => [0, 1, 2].some((c) => Math.abs(label.pixels[i + c] - bg[c]) > 24)),
  );
}

describe('the contact sheet\'s labels', () => {
  it('draw the same pixels every time, from the fonts in node_modules only', () => {
    const a = labelPixels({ index: 7, title: 'POPPYCOCK!', start: 58 }, 384, 48, SHEET);
    const b = labelPixels({ index: 7, title: 'POPPYCOCK!', start: 58 }, 384, 48, SHEET);
    expect([a.width, a.height]).toEqual([384, 48]);
    expect(a.pixels.equals(b.pixels)).toBe(true);
  });

  it('cut a long title short of the start time, which stays at the right edge', () => {
    const short = inkColumns(labelPixels({ index: 12, title: 'Go', start: 3723 }, 384, 48, SHEET));
    const long = inkColumns(labelPixels({ index: 12, title: 'A title far too long for its label, with many more words than fit', start: 3723 }, 384, 48, SHEET));
    // The time (1:02:03) ends at the right edge in both; the long title leaves a gap before it.
    expect(short.slice(-4).some(Boolean)).toBe(true);
    expect(long.slice(-4).some(Boolean)).toBe(true);
    const gapBeforeTime = (cols: boolean[]) => {
      let end = cols.length - 1;
      while (end > 0 && !cols[end]) end--;
      let k = end;
      while (k > 0 && cols.slice(k - 6, k).some(Boolean)) k--;
      return k;
    };
    expect(gapBeforeTime(long)).toBeGreaterThan(200);
    expect(long.filter(Boolean).length).toBeGreaterThan(short.filter(Boolean).length);
  });
});
