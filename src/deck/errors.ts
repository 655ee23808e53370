import { TalkreelError } from '../errors.js';
import type { Diagnostic } from './model.js';

/** Thrown when a deck has errors: nothing was rendered. `diagnostics` holds every problem. */
export class DeckError extends TalkreelError {
  constructor(
    readonly diagnostics: Diagnostic[],
    code = 'deck-invalid',
    message = `${diagnostics.filter((d) => d.severity === 'error').length} error(s) in the deck`,
  ) {
    super(code, message, 1);
  }
}

/** A problem with the deck file as a whole (binary, not UTF-8, too large), at `line:column`. */
export function fileProblem(file: string, code: string, message: string, line = 1, column = 1): DeckError {
  const diagnostic: Diagnostic = { file, severity: 'error', code, message, line, column };
  return new DeckError([diagnostic], code, `${file}:${line}:${column} ${message}`);
}
