import fs from 'node:fs';
import type { Diagnostic } from '../deck/model.js';

/** `FILE:LINE:COL CODE message`, then the source line and a caret, as compilers print them. */
export function formatDiagnostic(d: Diagnostic, source?: string): string {
  const head = `${d.file}:${d.line}:${d.column} ${d.severity === 'error' ? 'error' : 'warning'} ${d.code} ${d.message}`;
  const line = source?.replace(/^\uFEFF/, '').split(/\r\n?|\n/)[d.line - 1];
  // A binary line would garble the terminal: show the position only.
  if (line === undefined || /[\0-\x08\x0e-\x1f]/.test(line)) return head;
  const gutter = `${d.line} | `;
  return `${head}\n  ${gutter}${line}\n  ${' '.repeat(gutter.length + Math.max(0, d.column - 1))}^`;
}

export function formatDiagnostics(diagnostics: Diagnostic[]): string {
  const sources = new Map<string, string | undefined>();
  const sourceOf = (file: string) => {
    if (!sources.has(file)) {
      try {
        sources.set(file, fs.readFileSync(file, 'utf8'));
      } catch {
        sources.set(file, undefined);
      }
    }
    return sources.get(file);
  };
  return diagnostics.map((d) => formatDiagnostic(d, sourceOf(d.file))).join('\n');
}
