import type { Deck } from './model.js';

/**
 * Parses a slide selection such as `2,5-7` against a deck of `count` slides. Returns the sorted,
 * unique 1-based slide numbers, or an error message.
 */
export function parseSlideSelection(spec: string, count: number): { slides: number[] } | { error: string } {
  const picked = new Set<number>();
  for (const part of spec.split(',').map((p) => p.trim())) {
    const m = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(part);
    if (!m) return { error: `--slides: "${part}" is not a slide number or range such as 2,5-7` };
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    if (a < 1 || b < a) return { error: `--slides: "${part}" is not a valid range` };
    if (b > count) return { error: `--slides: slide ${b} does not exist (the deck has ${count} slides)` };
    for (let n = a; n <= b; n++) picked.add(n);
  }
  return { slides: [...picked].sort((x, y) => x - y) };
}

/** The deck with only the chosen slides; each slide keeps its number in the full deck. */
export function selectSlides(deck: Deck, slides: number[] | undefined): Deck {
  if (!slides) return deck;
  const keep = new Set(slides);
  return { ...deck, slides: deck.slides.filter((s) => keep.has(s.index)) };
}
