import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { colord } from 'colord';
import { beforeAll, describe, expect, it } from 'vitest';
import { PALETTES, type ThemeName } from '../../src/slides/theme.js';
import { CommandRunner } from '../helpers/in-process.js';
import { readPng, type Picture } from '../helpers/media.js';
import { MERMAID_SCRIPT } from '../../src/slides/mermaid-script.js';
import { forgetRenders, renderCache } from '../helpers/cache.js';
import { tempDir } from '../helpers/temp.js';

// Real renders (thumbnails only, 720p) of a formula slide, two mermaid slides (a git graph draws
// random ids, which change its labels' widths unless seeded) and a slide of inline formulas, in
// both themes; the dark deck twice, each time without rendered pictures in the cache.
const tmp = tempDir('math-diagrams');
const cache = renderCache(path.join(tmp, 'cache'));
const env = { TALKREEL_CACHE_DIR: cache };
const command = new CommandRunner(env);
const source = `---
title: Formulas and diagrams
resolution: 720p
duration: 2
---

# Formula

$$
\\frac{\\pi^2}{6} = \\sum_{n=1}^{\\infty} \\frac{1}{n^2}
$$

---

# Diagram

\`\`\`mermaid
flowchart LR
  A[Write] --> B{Renders?}
  B -- yes --> C[Talk]
  B -- no --> A
\`\`\`

---

# History

\`\`\`mermaid
gitGraph
  commit
  branch feature
  commit
  checkout main
  merge feature
\`\`\`

---

# Inline

- Sorting takes $O(n \\log n)$ comparisons
- Energy is $E = mc^2$, and $\\badmacro$ is shown as code
`;

async function render(theme: ThemeName, name: string): Promise<string[]> {
  const deck = path.join(tmp, `${name}.md`);
  fs.writeFileSync(deck, source.replace('duration: 2', `duration: 2\ntheme: ${theme}`));
  forgetRenders(cache);
  const out = path.join(tmp, name);
  const r = await command.run(['render', deck, '--out', out, '--no-video']);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.code, r.stderr).toBe(0);
  // The bad inline formula: a warning naming its line (its list's: runs keep no line), and a render all the same.
  expect(r.stderr).toContain(`${name}.md:42:1 warning math-invalid KaTeX cannot typeset the formula "\\badmacro"`);
  const dir = path.join(out, 'thumbnails');
  return fs.readdirSync(dir).sort().map((f) => path.join(dir, f));
}

const near = (p: Picture, i: number, rgb: { r: number; g: number; b: number }, tolerance: number) =>
  Math.hypot(p.data[i] - rgb.r, p.data[i + 1] - rgb.g, p.data[i + 2] - rgb.b) <= tolerance;

/** The first row under the accent bar below the slide's title: where the slide's body starts. */
function underBar(p: Picture, accent: string): number {
  const rgb = colord(accent).toRgb();
  const hasAccent = (y: number) => Array.from({ length: Math.round(p.width * 0.2) }, (_, x) => x).some((x) => near(p, (y * p.width + x) * 4, rgb, 30));
  let y = 0;
  while (y < p.height && !hasAccent(y)) y++;
  while (y < p.height && hasAccent(y)) y++;
  return y;
}

/** Pixels within `tolerance` (RGB distance) of `colour` in the slide's body, and how far left and right they reach. */
function count(p: Picture, colour: string, accent: string, tolerance = 40): { n: number; left: number; right: number } {
  const rgb = colord(colour).toRgb();
  let n = 0;
  let left = p.width;
  let right = 0;
  for (let y = underBar(p, accent); y < p.height; y++) {
    for (let x = 0; x < p.width; x++) {
      if (!near(p, (y * p.width + x) * 4, rgb, tolerance)) continue;
      n++;
      left = Math.min(left, x);
      right = Math.max(right, x);
    }
  }
  return { n, left, right };
}

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe.each(['dark', 'light'] as const)('formulas and diagrams, %s theme', (theme) => {
  const colors = PALETTES[theme];
  let pngs: string[];

  beforeAll(async () => {
    pngs = await render(theme, theme);
  }, 300_000);

  it('draws the display formula in the text colour, centred, not as code', () => {
    const p = readPng(pngs[0]);
    const ink = count(p, colors.text, colors.accent);
    expect(ink.n).toBeGreaterThan(1000);
    expect(Math.abs((ink.left + ink.right) / 2 - p.width / 2)).toBeLessThan(p.width * 0.03);
    // A formula shown as code would be on a panel (tens of thousands of pixels; a few are edges of glyphs).
    expect(count(p, colors.panel, colors.accent, 6).n).toBeLessThan(200);
  });

  it("draws the diagram's nodes on the panel colour, framed in the accent, with lines in the muted colour", () => {
    const p = readPng(pngs[1]);
    expect(count(p, colors.panel, colors.accent, 6).n).toBeGreaterThan(20_000);
    expect(count(p, colors.accent, colors.accent, 30).n).toBeGreaterThan(500);
    expect(count(p, colors.muted, colors.accent, 30).n).toBeGreaterThan(300);
  });

  it('draws inline formulas in the text, and a rejected one as code', () => {
    const p = readPng(pngs[3]);
    // Inline code sits on a chip of the panel colour.
    expect(count(p, colors.panel, colors.accent, 6).n).toBeGreaterThan(500);
    expect(count(p, colors.body, colors.accent).n).toBeGreaterThan(2000);
  });
});

describe('a render of formulas and diagrams', () => {
  it('is the same picture for picture when rendered again', async () => {
    const first = fs.readdirSync(path.join(tmp, 'dark', 'thumbnails')).sort().map((f) => path.join(tmp, 'dark', 'thumbnails', f));
    const again = await render('dark', 'dark-again');
    expect(again.map(sha)).toEqual(first.map(sha));
  }, 300_000);

  it('keeps KaTeX and mermaid out of the bundle every deck loads: KaTeX a chunk of its own, mermaid its own prebuilt script', () => {
    const bundles = path.join(cache, 'bundle');
    // The project's bundles, shared (helpers/cache.ts): the one these renders used was touched last.
    const complete = fs.readdirSync(bundles).filter((d) => fs.existsSync(path.join(bundles, d, '.complete')));
    const [dir] = complete.sort((a, b) => fs.statSync(path.join(bundles, b)).mtimeMs - fs.statSync(path.join(bundles, a)).mtimeMs);
    const files = fs.readdirSync(path.join(bundles, dir)).filter((f) => f.endsWith('.js'));
    const main = fs.readFileSync(path.join(bundles, dir, 'bundle.js'), 'utf8');
    expect(main).not.toContain('KaTeX_Main');
    expect(main).not.toContain('flowchart-v2');
    const holding = (text: string) => files.filter((f) => fs.readFileSync(path.join(bundles, dir, f), 'utf8').includes(text));
    expect(holding('KaTeX_Main').length).toBeGreaterThan(0);
    // Not compiled in at all: the bundler never sees mermaid's 5 MB.
    expect(holding('flowchart-v2')).toEqual([]);
    expect(fs.readFileSync(path.join(bundles, dir, 'public', MERMAID_SCRIPT), 'utf8')).toContain('flowchart-v2');
  });
});
