import type { Diagnostic } from './model.js';

/**
 * The order problems are shown in: the deck file's first, by line and column, then those of
 * the files it imports, file by file.
 */
export function sortDiagnostics(list: Diagnostic[], deckFile: string): Diagnostic[] {
  return list.sort((a, b) => Number(a.file !== deckFile) - Number(b.file !== deckFile) || a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}
