import { TalkreelError } from '../errors.js';
import type { Diagnostic } from './model.js';

/** Thrown when a deck has errors: nothing was rendered. `diagnostics` holds every problem. */
export class DeckError extends TalkreelError {
  constructor(readonly diagnostics: Diagnostic[]) {
    super('deck-invalid', `${diagnostics.filter((d) => d.severity === 'error').length} error(s) in the deck`, 1);
  }
}
