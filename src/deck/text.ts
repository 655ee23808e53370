import { blockText } from './infer.js';
import type { Slide } from './model.js';

/**
 * Every word a viewer can read on a slide, as text: its blocks (headings, paragraphs, list items,
 * quotes and their attribution, code) and the header and footer lines Marp decks give it.
 * Pictures' alt texts are not shown, so they are not part of it.
 */
export function slideText(slide: Slide): string {
  const parts = [...slide.blocks.map(blockText), slide.style?.header ?? '', slide.style?.footer ?? ''];
  return parts.filter((part) => part.trim() !== '').join('\n');
}
