import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import katex from 'katex';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/deck/parse.js';
import { renderMath } from '../../src/prepare/math.js';
import { contentItems } from '../../src/slides/content-fit.js';
import { DIAGRAM_EM, diagramBox } from '../../src/slides/fit-diagram.js';
import { displayBoxEm, fitText, KATEX_EM, mathExtent, mathStandIn } from '../../src/slides/fit-math.js';
import type { Measure } from '../../src/slides/fit.js';
import { fitSlide } from '../../src/slides/geometry.js';
import { root } from '../helpers/cli.js';
import { openChromium } from '../helpers/page.js';
import { tempDir } from '../helpers/temp.js';

const inline = (tex: string) => katex.renderToString(tex, { output: 'html', strict: 'ignore' });
const display = (tex: string) => katex.renderToString(tex, { displayMode: true, output: 'html', strict: 'ignore' });
/** Every character 0.5 em wide. */
const half: Measure = (text) => [...text].length * 0.5;

describe('formula metrics from KaTeX HTML', () => {
  it.each(['x', 'E = mc^2', '\\frac{\\pi^2}{6} = \\sum_{n=1}^\\infty \\frac{1}{n^2}', '\\int_0^1 x\\,dx', 'O(n \\log n)'])('reads the height and depth KaTeX computed for %s', (tex) => {
    for (const displayMode of [false, true]) {
      // KaTeX's own layout of the formula, as its renderer computes it (not in its typings).
      const tree = (katex as unknown as { __renderToHTMLTree: (tex: string, o: object) => { height: number; depth: number } }).__renderToHTMLTree(tex, { displayMode });
      const { height, depth } = mathExtent(displayMode ? display(tex) : inline(tex));
      expect(height).toBeCloseTo(tree.height * KATEX_EM, 3);
      expect(depth).toBeCloseTo(tree.depth * KATEX_EM, 3);
    }
  });

  it('adds up the lines of a formula broken with \\\\', () => {
    const one = mathExtent(display('a = b'));
    const two = mathExtent(display('a = b \\\\ c = d'));
    expect(two.height + two.depth).toBeCloseTo(2 * (one.height + one.depth), 3);
  });

  it('sizes a display formula at least a line of text, with room around it', () => {
    expect(displayBoxEm(display('x'))).toBeGreaterThanOrEqual(1.3);
    const tall = mathExtent(display('\\frac{\\pi^2}{6}'));
    expect(displayBoxEm(display('\\frac{\\pi^2}{6}'))).toBeGreaterThan(tall.height + tall.depth);
  });

  it('measures inline formulas by a stand-in: one word, the TeX when there is no HTML', () => {
    const run = { text: '\\frac{a}{b} + c', math: true, html: inline('\\frac{a}{b} + c') };
    expect(mathStandIn(run)).toMatch(/^\S+$/);
    expect(mathStandIn({ text: '\\alpha', math: true })).toBe('\\alpha');
    expect(fitText([{ text: 'so ' }, run, { text: ' holds' }])).toBe(`so ${mathStandIn(run)} holds`);
  });
});

describe('fitting a slide with a formula and a diagram', () => {
  it('gives a display formula the box of its height and depth, and a diagram a box that shrinks with the text', async () => {
    const { deck } = parseDeck('# Both\n\n$$\n\\frac{\\pi^2}{6}\n$$\n\n```mermaid\nflowchart LR\n  A --> B\n```\n', 'talk.md');
    await renderMath(deck);
    const slide = deck.slides[0];
    const items = contentItems(slide, { width: 1600, height: 900, frame: 1080, bar: 40 }, half);
    const math = slide.blocks[1];
    expect(math.type === 'math' && items[1].lineHeight).toBe(displayBoxEm(math.type === 'math' ? math.html! : ''));
    expect(items[2].box).toEqual({ max: 58 * DIAGRAM_EM, min: 30 * DIAGRAM_EM, floor: 20 * DIAGRAM_EM });
    const fitted = fitSlide(slide, 1920, 1080, { paginate: false, logo: false }, half);
    expect(fitted.fits).toBe(true);
    expect(fitted.lines.b0).toBe(1);
    // The box the drawing computes from the size, when not given the fitting's, is never taller.
    expect(diagramBox(fitted.size.b1)).toBeLessThanOrEqual(fitted.boxes.b1);
    expect(fitted.boxes.b1 - diagramBox(fitted.size.b1)).toBeLessThan(DIAGRAM_EM);
    // With much text the diagram gets less room (its size shrinks with the stage), down to its floor.
    const crowded = parseDeck(`# Both\n\n${'- a point that takes room\n'.repeat(6)}\n\`\`\`mermaid\nflowchart LR\n  A --> B\n\`\`\`\n`, 'talk.md').deck.slides[0];
    const tight = fitSlide(crowded, 1920, 1080, { paginate: false, logo: false }, half);
    const key = Object.keys(tight.boxes)[0];
    expect(tight.boxes[key]).toBeLessThan(fitted.boxes.b1);
    expect(tight.boxes[key]).toBeGreaterThanOrEqual(20 * DIAGRAM_EM);
    for (const f of [fitted, tight]) for (const [k, h] of Object.entries(f.boxes)) expect(diagramBox(f.size[k])).toBeLessThanOrEqual(h);
  });
});

/**
 * In Chromium, with KaTeX's stylesheet and fonts and Inter: the stand-in the fitting measures is
 * at least as wide as the formula KaTeX draws, for formulas as slides write them; a display
 * formula's drawing is as tall as mathExtent says.
 */
describe('formulas drawn in Chromium', () => {
  const TYPICAL = ['x', 'n', 'E = mc^2', 'O(n)', 'O(n \\log n)', 'a+b', '\\alpha', 'x^2 + y^2 = z^2', '\\frac{a}{b}', '\\sum_{i=1}^n i', 'f(x)', '\\sqrt{2}',
    'p < 0.05', '\\mathbb{R}^n', 'e^{i\\pi} + 1 = 0', '\\int_0^1 x\\,dx', 'n!', '\\{1,2,3\\}', '\\text{speed} = \\frac{d}{t}', 'A \\cap B', '2^{10}',
    'T(n) = 2T(n/2) + n', 'v_0', '\\Delta t', '\\mathrm{softmax}(x_i)', '\\hat{y}', '\\vec{v} \\cdot \\vec{w}', '\\operatorname{argmax}_\\theta L(\\theta)'];
  const DISPLAY = ['\\frac{\\pi^2}{6} = \\sum_{n=1}^\\infty \\frac{1}{n^2}', '\\int_0^1 x^2\\,dx', 'x = 1', '\\begin{aligned} a &= b \\\\ c &= \\sqrt{d} \\end{aligned}'];
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const nm = path.join(root, 'node_modules');
    const url = (p: string) => pathToFileURL(p).href;
    const html = `<!doctype html><html><head>
      <link rel="stylesheet" href="${url(path.join(nm, 'katex/dist/katex.min.css'))}"><link rel="stylesheet" href="${url(path.join(root, 'src/slides/math.css'))}">
      <style>@font-face{font-family:Inter;src:url(${url(path.join(nm, '@fontsource/inter/files/inter-latin-400-normal.woff2'))})} body{font:400 100px Inter;margin:0}</style></head><body>
      ${TYPICAL.map((tex, i) => `<p><span id="i${i}" class="talkreel-math">${inline(tex)}</span> <span id="s${i}">${mathStandIn({ text: tex, math: true, html: inline(tex) })}</span></p>`).join('')}
      ${DISPLAY.map((tex, i) => `<div id="d${i}" class="talkreel-math" style="display:inline-block">${display(tex)}</div>`).join('')}
      </body></html>`;
    const file = path.join(tempDir('fit-math'), 'page.html');
    fs.writeFileSync(file, html);
    browser = await openChromium();
    page = await browser.newPage();
    await page.goto(url(file));
    // Every face of the page (KaTeX's and Inter), loaded before anything is measured: waiting on
    // `fonts.ready` after a layout was not enough on a busy machine, and formulas were then measured
    // in a fallback face. Renders load the faces of each formula the same way (loadFacesOf).
    const notLoaded = await page.evaluate(async () => {
      await Promise.all([...document.fonts].map((f) => f.load()));
      document.body.getBoundingClientRect();
      await document.fonts.ready;
      return [...document.fonts].filter((f) => f.status !== 'loaded').map((f) => `${f.family} ${f.status}`);
    });
    expect(notLoaded).toEqual([]);
    // A face that has loaded reaches the layout when the page next updates its fonts, a task of
    // its own: on a busy machine two formulas were still measured in a fallback face (472 and
    // 452 px wide instead of 324 and 241) after every face was loaded. Measured once the
    // formulas' widths hold still across two reads 50 ms apart.
    const settled = await page.evaluate(async () => {
      const widths = () => [...document.querySelectorAll('.katex')].map((e) => e.getBoundingClientRect().width).join();
      for (let i = 0, last = ''; i < 40; i++) {
        const now = widths();
        if (now === last) return true;
        last = now;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return false;
    });
    expect(settled).toBe(true);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('the stand-in is at least as wide as the drawn formula', async () => {
    const widths = await page.evaluate((n) => Array.from({ length: n }, (_, i) => [document.querySelector(`#i${i} .katex`)!.getBoundingClientRect().width, document.getElementById(`s${i}`)!.getBoundingClientRect().width]), TYPICAL.length);
    const narrow = TYPICAL.flatMap((tex, i) => (widths[i][1] < widths[i][0] ? [`${tex}: ${widths[i][1].toFixed(0)} < ${widths[i][0].toFixed(0)}`] : []));
    expect(narrow).toEqual([]);
  });

  it('a display formula is as tall as its height and depth', async () => {
    const heights = await page.evaluate((n) => Array.from({ length: n }, (_, i) => document.getElementById(`d${i}`)!.getBoundingClientRect().height), DISPLAY.length);
    DISPLAY.forEach((tex, i) => {
      const { height, depth } = mathExtent(display(tex));
      expect(heights[i]).toBeCloseTo((height + depth) * 100, 0);
    });
  });
});
