import { describe, expect, it } from 'vitest';
import { eachBlock, type Block, type Deck } from '../../src/deck/model.js';
import { parseDeck } from '../../src/deck/parse.js';
import { highlightCode, shikiImports } from '../../src/prepare/highlight.js';

type Code = Extract<Block, { type: 'code' }>;
const codeOf = (deck: Deck): Code[] => deck.slides.flatMap((s) => [...eachBlock(s.blocks)].filter((b): b is Code => b.type === 'code'));
const fence = (lang: string, code: string) => `\`\`\`${lang}\n${code}\n\`\`\``;

const PY = 'import math\n\n\tdef area(r: float) -> float:\n    """Circle."""\n    return math.pi * r ** 2  # πr²';
const TS = 'export const twice = (n: number): number => n * 2;\nconsole.log(`x=${twice(21)}`);';
const SH = 'for f in *.md; do\n  echo "$f" | wc -c\ndone';

describe('highlightCode', () => {
  it('imports no Shiki for a deck without code, nor for code in no known language', async () => {
    const plain = parseDeck('# Scaling\n\n- one\n- two\n\n---\n\n# More\n\nText with `inline code`.\n', 'plain.md').deck;
    expect(await highlightCode(plain)).toEqual([]);
    const unknown = parseDeck(`# Code\n\n${fence('nosuchlang', 'x = 1')}\n\n${fence('', 'no language')}\n\n${fence('constructor', 'y')}\n`, 'unknown.md').deck;
    expect(await highlightCode(unknown)).toEqual([]);
    expect(codeOf(unknown).map((b) => b.tokens)).toEqual([undefined, undefined, undefined]);
    expect(shikiImports).toBe(0);
  });

  it('colours each block in a language Shiki knows, by alias too, and leaves the others plain', async () => {
    const source = `# Code\n\n${fence('py', PY)}\n\n${fence('ts {2|1}', TS)}\n\n---\n\n# More\n\n- a list\n\n  ${fence('bash', SH).replace(/\n/g, '\n  ')}\n\n${fence('nosuchlang', 'a = 1')}\n`;
    const { deck } = parseDeck(source, 'talk.md');
    expect(await highlightCode(deck)).toEqual([]);
    expect(shikiImports).toBe(1);
    const [py, ts, sh, unknown] = codeOf(deck);
    expect(unknown.tokens).toBeUndefined();
    for (const block of [py, ts, sh]) {
      expect(block.tokens).toHaveLength(1);
      // The tokens spell the code exactly: every character, tab and blank line kept.
      expect(block.tokens![0].map((line) => line.map((t) => t.text).join('')).join('\n')).toBe(block.value);
      const colours = new Set(block.tokens![0].flat().filter((t) => t.text.trim()).map((t) => t.color));
      expect(colours.size).toBeGreaterThanOrEqual(3);
      for (const c of colours) expect(c).toMatch(/^#[0-9a-f]{6}$/);
    }
    // Python: a keyword and a comment differ in colour from plain names.
    const tokenOf = (text: string) => py.tokens![0].flat().find((t) => t.text.trim() === text);
    expect(tokenOf('import')?.color).not.toBe(tokenOf('math')?.color);
    expect(py.tokens![0].flat().some((t) => t.text.includes('# πr²') && t.color !== tokenOf('import')?.color)).toBe(true);
  });

  it('uses the deck theme: the light theme gives other colours than the dark', async () => {
    const dark = parseDeck(`# Code\n\n${fence('python', PY)}\n`, 'dark.md').deck;
    const light = parseDeck(`---\ntheme: light\n---\n\n# Code\n\n${fence('python', PY)}\n`, 'light.md').deck;
    await Promise.all([highlightCode(dark), highlightCode(light)]);
    const colours = (d: Deck) => codeOf(d)[0].tokens![0].flat().map((t) => t.color);
    expect(colours(dark)).toHaveLength(colours(light).length);
    expect(colours(dark)).not.toEqual(colours(light));
    expect(shikiImports).toBe(1);
  });

  it('highlights every version of a magic move', async () => {
    const move = '````md magic-move\n```js\nconst a = 1\n```\n```js\nconst a = 1\nlet b = a + 1\n```\n````';
    const { deck } = parseDeck(`---\nhighlighter: shiki\n---\n\n# Move\n\n${move}\n`, 'slides.md');
    await highlightCode(deck);
    const [block] = codeOf(deck);
    expect(block.versions).toHaveLength(2);
    expect(block.tokens!.map((v) => v.map((line) => line.map((t) => t.text).join('')).join('\n'))).toEqual(block.versions);
  });
});
