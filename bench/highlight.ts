/**
 * `npx tsx bench/highlight.ts`: what highlighting costs before a render. In this fresh process:
 * a deck without code (Shiki is not imported), then a deck of 10 code blocks in 5 languages the
 * first time (importing Shiki, loading both grammars and theme, compiling the grammars' regexes)
 * and again (the highlighter kept, as in watch mode). CPU and wall milliseconds, and one JSON line.
 */
import { parseDeck } from '../src/deck/parse.js';
import { highlightCode, shikiImports } from '../src/prepare/highlight.js';

const SAMPLES: Record<string, string> = {
  python: 'import math\n\ndef area(r: float) -> float:\n    """Circle."""\n    return math.pi * r ** 2  # πr²\n\nprint(f"{area(2):.3f}")',
  ts: 'interface Point { x: number; y?: number }\nexport async function load<T>(url: string): Promise<T> {\n  const r = await fetch(url);\n  return (await r.json()) as T;\n}',
  bash: '#!/usr/bin/env bash\nset -euo pipefail\nfor f in "$@"; do\n  echo "${f%.md}" | tr a-z A-Z >&2\ndone',
  yaml: 'name: ci\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest  # note\n    steps:\n      - run: npm test',
  rust: 'use std::collections::HashMap;\n\nfn main() {\n    let mut m: HashMap<&str, u32> = HashMap::new();\n    *m.entry("a").or_insert(0) += 1;\n    println!("{:?}", m);\n}',
};

const fence = (lang: string, code: string) => `\`\`\`${lang}\n${code}\n\`\`\``;
const codeDeck = () =>
  parseDeck(
    Object.entries(SAMPLES)
      .flatMap(([lang, code], i) => [`# ${lang} ${i}a\n\n${fence(lang, code)}`, `# ${lang} ${i}b\n\n${fence(lang, code.replace(/a/g, 'b'))}`])
      .join('\n\n---\n\n'),
    'bench.md',
  ).deck;

async function time(what: () => Promise<unknown>): Promise<{ cpuMs: number; wallMs: number }> {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  await what();
  const used = process.cpuUsage(cpu);
  return { cpuMs: Math.round((used.user + used.system) / 1000), wallMs: Math.round(performance.now() - wall) };
}

// Decks are parsed before the clock starts: only highlighting is timed.
const [plain, deck1, deck2] = [parseDeck('# Title\n\n- a list\n\n---\n\n# Text\n\nWith `inline code`.\n', 'plain.md').deck, codeDeck(), codeDeck()];
const noCode = await time(() => highlightCode(plain));
const importsAfterNoCode = shikiImports;
const first = await time(() => highlightCode(deck1));
const again = await time(() => highlightCode(deck2));
const rows = [
  ['deck without code', noCode],
  ['10 blocks, 5 languages, first', first],
  ['the same again (highlighter kept)', again],
] as const;
process.stdout.write(`Highlighting (Shiki imported ${importsAfterNoCode} times for the deck without code)\n\n`);
for (const [name, t] of rows) process.stdout.write(`${name.padEnd(36)} ${String(t.cpuMs).padStart(6)} ms CPU ${String(t.wallMs).padStart(6)} ms wall\n`);
process.stdout.write(`\n${JSON.stringify({ highlight: { noCode, first, again, shikiImportsWithoutCode: importsAfterNoCode } })}\n`);
