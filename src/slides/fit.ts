/**
 * Chooses the largest font size from `ladder` at which `lines` of text fit in `box`.
 * Widths are estimated from an average glyph width of 0.52 em (Inter at regular weight).
 */
export function fitFontSize(
  texts: string[],
  box: { width: number; height: number },
  ladder: number[],
  { lineHeight = 1.3, gap = 0.45, glyph = 0.52, extraLines = 0 } = {},
): number {
  for (const size of ladder) {
    const perLine = Math.max(1, Math.floor(box.width / (size * glyph)));
    const lines = texts.reduce((n, t) => n + wrapCount(t, perLine), 0) + extraLines;
    const height = lines * size * lineHeight + Math.max(0, texts.length - 1) * size * gap;
    if (height <= box.height) return size;
  }
  return ladder[ladder.length - 1];
}

function wrapCount(text: string, perLine: number): number {
  return text.split('\n').reduce((n, line) => {
    let lines = 1;
    let used = 0;
    for (const word of line.split(/\s+/).filter(Boolean)) {
      const len = word.length;
      if (used === 0) used = len;
      else if (used + 1 + len <= perLine) used += 1 + len;
      else {
        lines++;
        used = len;
      }
      while (used > perLine) {
        lines++;
        used -= perLine;
      }
    }
    return n + lines;
  }, 0);
}
