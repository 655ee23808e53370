import { staticFile } from 'remotion';
import type { Deck } from '../deck/model.js';

/**
 * The deck Studio and `npx remotion render Talk` show when no input props are given: the
 * project's default deck, imported as text (see render/browser/bundler-config.ts) and parsed in the page.
 * Its `/path` images are served from `public/` by Remotion's own server.
 *
 * Imported on demand: the Markdown and YAML parsers are a third of the page's code, and a
 * render passes the parsed deck in its props, so its pages never load them.
 */
export async function loadDefaultDeck(): Promise<Deck> {
  const [{ parseDeck }, { default: source }] = await Promise.all([import('../deck/parse.js'), import('../../deck/scaling-python.md')]);
  const { deck } = parseDeck(source, 'deck/scaling-python.md');
  for (const slide of deck.slides) {
    for (const block of slide.blocks) {
      if (block.type === 'image' && !block.src && block.path.startsWith('/')) block.src = staticFile(block.path.slice(1));
    }
  }
  return deck;
}
