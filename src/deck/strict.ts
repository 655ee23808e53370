import type { Diagnostic } from './model.js';

/** `--strict`: every warning becomes an error. */
export const strictDiagnostics = (diagnostics: Diagnostic[]): Diagnostic[] =>
  diagnostics.map((d) => ({ ...d, severity: 'error' as const }));
