import { staticFile } from 'remotion';
import source from '../../deck/scaling-python.md';
import type { Deck } from '../deck/model.js';
import { parseDeck } from '../deck/parse.js';

/**
 * The deck Studio and `npx remotion render Talk` show when no input props are given: the
 * project's default deck, imported as text (see the webpack override) and parsed in the page.
 * Its `/path` images are served from `public/` by Remotion's own server.
 */
export function defaultDeck(): Deck {
  const { deck } = parseDeck(source, 'deck/scaling-python.md');
  for (const slide of deck.slides) {
    for (const block of slide.blocks) {
      if (block.type === 'image' && !block.src && block.path.startsWith('/')) block.src = staticFile(block.path.slice(1));
    }
  }
  return deck;
}
