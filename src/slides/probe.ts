/** What the text probe counts of a slide (see SlideView's TextProbe and drawnParts). */
export interface DrawnParts {
  code: number;
  highlighted: number;
  formulas: number;
  diagrams: number;
  /** 1 when the slide is drawn in the columns the deck asked for. */
  columns: number;
  /** The last click any part of the slide changes at (0: none). */
  clicks: number;
}

/** What a slide reports to the text probe: its words, and its parts. */
export interface ProbeReport {
  text: string;
  drawn: DrawnParts;
}

/**
 * The parts of a deck's own a slide drew: code panels (and those with highlighted tokens),
 * typeset formulas, mermaid drawings, columns the deck asked for (two-cols, a picture beside the
 * slide), and the last click any part of it changes at.
 */
export function drawnParts(root: HTMLElement): DrawnParts {
  const code = [...root.querySelectorAll('[data-drawn="code"]')].filter((c) => !c.closest('[data-chrome]'));
  const clicks = [...root.querySelectorAll<HTMLElement>('[style*="--talkreel-click"], [data-click]')].map((e) => Number(e.dataset.click ?? e.style.getPropertyValue('--talkreel-click')));
  return {
    code: code.length,
    highlighted: code.filter((c) => c.querySelector('[data-token]')).length,
    formulas: root.querySelectorAll('.talkreel-math .katex').length,
    diagrams: root.querySelectorAll('[data-drawn="diagram"] svg').length,
    columns: root.querySelector('[data-drawn="columns"]') ? 1 : 0,
    clicks: Math.max(0, ...clicks.filter(Number.isFinite)),
  };
}
