import type { Deck, Diagnostic } from '../deck/model.js';
import { checkDiagrams } from './diagrams.js';
import { highlightCode } from './highlight.js';
import { renderMath } from './math.js';

/**
 * What a deck needs before it is drawn that the parser (pure and synchronous) does not do: code
 * highlighted by Shiki, formulas typeset by KaTeX, diagrams checked by mermaid. Each step loads
 * its library only when the deck has something for it, and fills in the deck in place (tokens,
 * HTML) or reports problems as diagnostics (a formula KaTeX rejects is then shown as code).
 */
export async function prepareDeck(deck: Deck): Promise<Diagnostic[]> {
  const found = await Promise.all([highlightCode(deck), renderMath(deck), checkDiagrams(deck)]);
  return found.flat();
}
