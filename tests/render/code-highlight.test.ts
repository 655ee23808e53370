import fs from 'node:fs';
import path from 'node:path';
import { hex as contrast } from 'wcag-contrast';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/deck/parse.js';
import { codeTheme, themeColours } from '../../src/prepare/code-theme.js';
import { highlightCode } from '../../src/prepare/highlight.js';
import { readable } from '../../src/slides/readable.js';
import { PALETTES } from '../../src/slides/theme.js';
import { type CliResult } from '../helpers/cli.js';
import { CommandRunner } from '../helpers/in-process.js';
import { readPng, type Picture } from '../helpers/media.js';
import { renderCache } from '../helpers/cache.js';
import { tempDir } from '../helpers/temp.js';

// End to end: highlighted code through the command, browser and thumbnails, read back by pixels.
const tmp = tempDir('code');
const env = { TALKREEL_CACHE_DIR: renderCache(path.join(tmp, 'cache')) };
const command = new CommandRunner(env);

const PYTHON = '```python {lines:true}\nimport math\n\ndef area(r: float) -> float:\n    """The area of a circle."""\n    return math.pi * r ** 2  # πr²\n```';
const STEPS = '```ts {1|2|3}\nconst a = 1;\nconst b = a + 1;\nconsole.log(`sum: ${a + b}`);\n```';
const talk = (theme: string) => `---\ntitle: Code\ntheme: ${theme}\n---\n\n# Python\n\n${PYTHON}\n\n---\n\n# Steps\n\n${STEPS}\n`;
// A Marp slide with its own white background: the panel is mixed from it, light grey.
const MARP = `---\nmarp: true\n---\n\n<!-- _backgroundColor: white -->\n\n# On white\n\n${PYTHON.replace(' {lines:true}', '')}\n`;

const hexOf = (p: Picture, i: number) => `#${((p.data[i] << 16) | (p.data[i + 1] << 8) | p.data[i + 2]).toString(16).padStart(6, '0')}`;

/** The box of the pixels of exactly `colour` (the code panel), shrunk by its rounded corners. */
function panelBox(p: Picture, colour: string) {
  let [x0, y0, x1, y1] = [p.width, p.height, -1, -1];
  for (let y = 0; y < p.height; y++) {
    for (let x = 0; x < p.width; x++) {
      if (hexOf(p, (y * p.width + x) * 4) !== colour) continue;
      [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
    }
  }
  return { x0: x0 + 12, y0: y0 + 12, x1: x1 - 12, y1: y1 - 12 };
}

/** How many pixels of each colour the box holds, on rows y0..y1. */
function colours(p: Picture, box: { x0: number; x1: number }, y0: number, y1: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let y = y0; y <= y1; y++) {
    for (let x = box.x0; x <= box.x1; x++) {
      const c = hexOf(p, (y * p.width + x) * 4);
      counts.set(c, (counts.get(c) ?? 0) + 1);
    }
  }
  return counts;
}

/** The bands of rows holding ink (anything but the panel colour): one per line of code. */
function lineBands(p: Picture, box: ReturnType<typeof panelBox>, panel: string): [number, number][] {
  const bands: [number, number][] = [];
  for (let y = box.y0; y <= box.y1; y++) {
    let ink = false;
    for (let x = box.x0; x <= box.x1 && !ink; x++) ink = hexOf(p, (y * p.width + x) * 4) !== panel;
    if (!ink) continue;
    const last = bands.at(-1);
    if (last && last[1] >= y - 2) last[1] = y;
    else bands.push([y, y]);
  }
  return bands;
}

describe('highlighted code in rendered slides', () => {
  let r: CliResult;
  let thumbs: string[][];

  beforeAll(async () => {
    const files = [['dark.md', talk('dark')], ['light.md', talk('light')], ['marp.md', MARP]].map(([name, text]) => {
      fs.writeFileSync(path.join(tmp, name), text);
      return path.join(tmp, name);
    });
    r = await command.run(['render', ...files, '--out', path.join(tmp, 'out'), '--resolution', '1280x720', '--no-video', '--json']);
    thumbs = (JSON.parse(r.stdout) as { decks: { thumbnails: string[] }[] }).decks.map((d) => d.thumbnails);
  });

  it.each([['dark', 0], ['light', 1]] as const)('colours code with the %s theme: several token colours on the panel', async (theme, deck) => {
    expect(r.code, r.stderr).toBe(0);
    const p = readPng(thumbs[deck][0]);
    const panel = PALETTES[theme].panel;
    const box = panelBox(p, panel);
    const found = colours(p, box, box.y0, box.y1);
    const used = themeColours(await codeTheme(theme)).filter((c) => (found.get(c) ?? 0) >= 20);
    // Keywords, names, strings, numbers, comments, functions: in their exact theme colours.
    expect(used.length, used.join(' ')).toBeGreaterThanOrEqual(5);
    // Line numbers in the muted colour, in a gutter left of the code.
    expect(found.get(PALETTES[theme].muted) ?? 0).toBeGreaterThan(20);
  });

  it.each([['dark', 0], ['light', 1]] as const)('%s: the thumbnail of a {1|2|3} block shows line 3 highlighted, the others dimmed', async (theme, deck) => {
    const p = readPng(thumbs[deck][1]);
    const panel = PALETTES[theme].panel;
    const box = panelBox(p, panel);
    const bands = lineBands(p, box, panel);
    expect(bands).toHaveLength(3);
    const themed = new Set(themeColours(await codeTheme(theme)));
    const full = bands.map(([y0, y1]) => [...colours(p, box, y0, y1)].filter(([c, n]) => themed.has(c) && n >= 10).length);
    expect(full[2]).toBeGreaterThanOrEqual(3);
    expect(full.slice(0, 2)).toEqual([0, 0]);
  });

  it('keeps code readable, in several colours, on a slide with its own background colour', async () => {
    const p = readPng(thumbs[2][0]);
    // The panel: the most common colour in the middle of the slide, under the heading.
    const middle = colours(p, { x0: 100, x1: 1180 }, 400, 420);
    const panel = [...middle].sort((a, b) => b[1] - a[1])[0][0];
    expect(panel).not.toBe('#ffffff');
    const box = panelBox(p, panel);
    const found = colours(p, box, box.y0, box.y1);
    const { deck } = parseDeck(MARP, 'marp.md');
    await highlightCode(deck);
    const given = [...new Set(deck.slides[0].blocks.flatMap((b) => (b.type === 'code' ? b.tokens!.flat(2).map((t) => t.color!) : [])))];
    const faint = given.filter((c) => contrast(c, panel) < 4.5);
    expect(faint.length).toBeGreaterThan(0);
    // The colours that lack contrast there are drawn darker, hue kept; none is drawn as it was.
    const drawn = given.map((c) => readable(c, panel)).filter((c) => (found.get(c) ?? 0) >= 20);
    expect(new Set(drawn).size, drawn.join(' ')).toBeGreaterThanOrEqual(3);
    for (const c of drawn) expect(contrast(c, panel), c).toBeGreaterThanOrEqual(4.5);
    for (const c of faint) expect(found.get(c) ?? 0, c).toBeLessThan(5);
  });
});
