import { bundledLanguages } from 'shiki/langs';
import { blockRuns, eachBlock, type Deck } from '../../src/deck/model.js';
import { languageId } from '../../src/prepare/highlight.js';
import type { Manifest } from '../../src/render/outputs/manifest.js';
import type { ProbeReport } from '../../src/slides/probe.js';

/** The parts of a deck the corpus report counts, in the source and as drawn. */
export const PART_NAMES = ['columns', 'clicks', 'formulas', 'diagrams', 'highlighted'] as const;
export type Parts = Record<(typeof PART_NAMES)[number], number>;

/**
 * What the source asks for, as the parser read it: slides in columns (Slidev's two-cols and
 * two-cols-header, talkreel's columns, a picture beside the slide: Marp's `![bg left]`, Slidev's
 * image-left/right, a grid's columns: `grid-cols-3`), clicks (each a build step), formulas (display and inline), mermaid diagrams,
 * and code blocks in a language Shiki knows (by Shiki's own list, not talkreel's).
 */
export function sourceParts(deck: Deck): Parts {
  const parts: Parts = { columns: 0, clicks: 0, formulas: 0, diagrams: 0, highlighted: 0 };
  for (const slide of deck.slides) {
    const beside = slide.blocks.some((b) => b.type === 'image' && (b.placement === 'left' || b.placement === 'right'));
    if (slide.layout === 'columns' || beside || slide.blocks.some((b) => b.cell)) parts.columns++;
    parts.clicks += slide.clicks ?? 0;
    for (const b of eachBlock(slide.blocks)) {
      if (b.type === 'math') parts.formulas++;
      if (b.type === 'diagram') parts.diagrams++;
      if (b.type === 'code' && b.lang && Object.hasOwn(bundledLanguages, languageId(b.lang))) parts.highlighted++;
      parts.formulas += blockRuns(b).filter((r) => r.math).length;
    }
  }
  return parts;
}

/**
 * What the page drew (see slides/probe.ts), slide by slide, fully built; a slide's clicks count
 * as drawn when the page has a part changing at its last click and the video (the manifest) plays
 * as many build steps: the lower of the two.
 */
export function drawnParts(reports: Map<number, ProbeReport>, manifest: Manifest): Parts {
  const parts: Parts = { columns: 0, clicks: 0, formulas: 0, diagrams: 0, highlighted: 0 };
  for (const [i, slide] of manifest.slides.entries()) {
    const drawn = reports.get(i + 1)?.drawn;
    if (!drawn) continue;
    parts.columns += drawn.columns;
    parts.clicks += Math.min(drawn.clicks, slide.builds.length);
    parts.formulas += drawn.formulas;
    parts.diagrams += drawn.diagrams;
    parts.highlighted += drawn.highlighted;
  }
  return parts;
}
