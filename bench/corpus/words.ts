/**
 * Words as OCR can compare them: runs of letters and runs of digits, lower case, without accents.
 * OCR and typography disagree on quotes, dashes, bullets and spacing around punctuation, and OCR
 * often drops the space between a figure and its unit (`31 s` read as `31s`); never on these.
 */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .match(/\p{L}+|\p{N}+/gu) ?? [];
}

export interface Recall {
  expected: number;
  found: number;
  /** Expected words OCR did not find, as many times as they are missing. */
  missing: string[];
}

const counts = (list: string[]) => {
  const m = new Map<string, number>();
  for (const w of list) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
};

/**
 * How many of the expected words were read, counting repeats: a word on a slide three times must
 * be read three times (a list whose last item is cut loses its words even if they appear above).
 */
export function recall(expected: string[], read: string[]): Recall {
  const have = counts(read);
  const missing: string[] = [];
  let found = 0;
  for (const [word, n] of counts(expected)) {
    const got = Math.min(n, have.get(word) ?? 0);
    found += got;
    for (let i = got; i < n; i++) missing.push(word);
  }
  return { expected: expected.length, found, missing };
}

/** The words of two readings of one picture together: each word as often as the better one read it. */
export function union(a: string[], b: string[]): string[] {
  const merged = counts(a);
  for (const [word, n] of counts(b)) merged.set(word, Math.max(n, merged.get(word) ?? 0));
  return [...merged].flatMap(([word, n]) => Array<string>(n).fill(word));
}

/** Several recalls added up (a deck's slides). */
export function total(parts: Recall[]): Recall {
  return parts.reduce((sum, r) => ({ expected: sum.expected + r.expected, found: sum.found + r.found, missing: [...sum.missing, ...r.missing] }), {
    expected: 0,
    found: 0,
    missing: [] as string[],
  });
}

/** Found over expected; a slide with no words to read has nothing to miss. */
export const share = (r: Pick<Recall, 'expected' | 'found'>): number => (r.expected === 0 ? 1 : r.found / r.expected);
