import type { Deck, Diagnostic } from '../deck/model.js';

/** Typesets every formula (KaTeX): its HTML goes into the block or run. */
export async function renderMath(_deck: Deck): Promise<Diagnostic[]> {
  return [];
}
