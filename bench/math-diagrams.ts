/**
 * `npm run bench:math -- --base DIR`: what formulas and diagrams cost. Two measurements, each
 * from a cold cache (no rendered picture or segment; the bundle and the browser are one-time
 * costs, built by a warm-up), taken in alternation so that the load of a shared machine falls on
 * both sides alike; the medians and their ratio are printed, and one JSON line.
 *   1. The Scaling Python talk (no formulas, no diagrams) rendered by the talkreel in DIR (another
 *      checkout, before KaTeX and mermaid) and by this one: KaTeX and mermaid must cost it nothing.
 *   2. A deck of the same length with 5 formulas and 2 diagrams, against the same deck with those
 *      written as plain text, both rendered by this talkreel: the cost of typesetting and drawing.
 *   3. `talkreel check` of those two decks: the Node side of it (KaTeX, mermaid's parser).
 * Options: --base DIR (required for 1)  --rounds N (default 3)  --resolution R (default 1080p)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chooseBrowser } from '../src/render/browser/browser.js';
import { packageRoot } from '../src/render/cache/root.js';
import { measure, type Measured } from './measure.js';

const { values: opts } = parseArgs({ options: { base: { type: 'string' }, rounds: { type: 'string', default: '3' }, resolution: { type: 'string', default: '1080p' } } });
const rounds = Number(opts.rounds);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'talkreel-bench-math-'));
const browser = chooseBrowser(null, packageRoot).executablePath as string;
const scaling = path.join(packageRoot, 'deck', 'scaling-python.md');
const log = (line: string) => process.stderr.write(`${line}\n`);

/**
 * The `talkreel` command of a checkout: dist/cli.js, built by its `npm ci`; checkouts from before
 * the build ran bin/talkreel.js.
 */
function cliOf(root: string): string {
  const built = path.join(root, 'dist', 'cli.js');
  return fs.existsSync(built) ? built : path.join(root, 'bin', 'talkreel.js');
}

/** A talkreel checkout with a cache of its own: renders that start with no rendered pictures. */
function side(root: string, name: string) {
  const cache = path.join(work, `cache-${name}`);
  let n = 0;
  return async (deck: string, cold = true): Promise<Measured> => {
    if (cold) for (const kind of ['frames', 'segments']) fs.rmSync(path.join(cache, kind), { recursive: true, force: true });
    const out = path.join(work, `${name}-${n++}`);
    const m = await measure(process.execPath, [cliOf(root), 'render', deck, '--out', out, '--resolution', opts.resolution as string, '--json'], {
      TALKREEL_CACHE_DIR: cache,
      TALKREEL_BROWSER: browser,
    });
    fs.rmSync(out, { recursive: true, force: true });
    return m;
  };
}

const median = (ms: Measured[]) => [...ms].sort((a, b) => a.seconds - b.seconds)[Math.floor(ms.length / 2)].seconds;

/** Cold renders of `a` and `b` in alternation, each going first every other round; their medians in seconds. */
async function alternate(label: string, a: () => Promise<Measured>, b: () => Promise<Measured>): Promise<[number, number]> {
  const as: Measured[] = [];
  const bs: Measured[] = [];
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      as.push(await a());
      bs.push(await b());
    } else {
      bs.push(await b());
      as.push(await a());
    }
    log(`    ${label} round ${round + 1}: ${as[round].seconds.toFixed(1)} s / ${bs[round].seconds.toFixed(1)} s`);
  }
  return [median(as), median(bs)];
}

/** `talkreel check` of `deck`: the Node side alone (parsing, KaTeX, mermaid's parser, fitting). */
const check = (deck: string) => measure(process.execPath, [cliOf(packageRoot), 'check', deck]);

/** The Scaling Python talk's first slides, with 5 formulas and 2 diagrams in place of some text (or as text: `plain`). */
function mathDeck(plain: boolean): string {
  const formulas = ['\\frac{\\pi^2}{6} = \\sum_{n=1}^{\\infty} \\frac{1}{n^2}', 'T(n) = 2\\,T(n/2) + O(n)', 'e^{i\\pi} + 1 = 0', '\\int_0^1 x^2\\,dx = \\frac{1}{3}', 'O(n \\log n)'];
  const diagrams = ['flowchart LR\n  A[Parse] --> B[Fit] --> C[Draw] --> D[Encode]', 'sequenceDiagram\n  CLI->>Chromium: capture\n  Chromium-->>CLI: frames'];
  const slides = [
    '---\ntitle: Formulas and diagrams\nduration: 4\n---\n\n# Formulas and diagrams',
    ...formulas.map((f, i) => `# Formula ${i + 1}\n\n${plain ? f : `$$\n${f}\n$$`}`),
    ...diagrams.map((d, i) => `# Diagram ${i + 1}\n\n${plain ? d.split('\n').join(' ') : `\`\`\`mermaid\n${d}\n\`\`\``}`),
  ];
  const file = path.join(work, plain ? 'plain.md' : 'math.md');
  fs.writeFileSync(file, `${slides.join('\n\n---\n\n')}\n`);
  return file;
}

const here = side(packageRoot, 'this');
const rows: Record<string, number | null> = {};
if (opts.base) {
  const base = side(path.resolve(opts.base), 'base');
  log('warm-up: bundles and browser for both checkouts');
  await base(scaling, false);
  await here(scaling, false);
  log('1/2 Scaling Python, cold: base / this');
  const [b, t] = await alternate('scaling python', () => base(scaling), () => here(scaling));
  Object.assign(rows, { scalingBaseSeconds: b, scalingThisSeconds: t, scalingRatio: t / b });
} else {
  await here(scaling, false);
}
log('2/2 5 formulas and 2 diagrams, cold: as text / drawn');
const [plain, drawn] = await alternate('math deck', () => here(mathDeck(true)), () => here(mathDeck(false)));
Object.assign(rows, { textDeckSeconds: plain, mathDeckSeconds: drawn, mathDeckRatio: drawn / plain });
const [checkPlain, checkDrawn] = await alternate('check', () => check(mathDeck(true)), () => check(mathDeck(false)));
Object.assign(rows, { textCheckSeconds: checkPlain, mathCheckSeconds: checkDrawn });

const f = (n: number | null | undefined, d = 1) => (n === null || n === undefined ? '-' : n.toFixed(d));
const machine = `${os.cpus().length} cores, Node ${process.version}, load ${os.loadavg()[0].toFixed(1)}`;
process.stdout.write(
  [
    `\nCold renders at ${opts.resolution}, medians of ${rounds} alternated rounds; ${machine}\n`,
    '| render | before | after | after / before |',
    '|---|---|---|---|',
    `| Scaling Python (base checkout / this one) | ${f(rows.scalingBaseSeconds)} s | ${f(rows.scalingThisSeconds)} s | ${f(rows.scalingRatio, 3)} |`,
    `| 8 slides: 5 formulas and 2 diagrams (as text / drawn) | ${f(rows.textDeckSeconds)} s | ${f(rows.mathDeckSeconds)} s | ${f(rows.mathDeckRatio, 3)} |`,
    `| \`check\` of those 8 slides (as text / typeset and parsed) | ${f(rows.textCheckSeconds, 2)} s | ${f(rows.mathCheckSeconds, 2)} s | ${f((rows.mathCheckSeconds ?? 0) / (rows.textCheckSeconds ?? 1), 3)} |`,
    '',
    JSON.stringify(rows),
    '',
  ].join('\n'),
);
fs.rmSync(work, { recursive: true, force: true });
