import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDeck } from '../../src/deck/load.js';
import type { Block, Deck } from '../../src/deck/model.js';
import { parseDeck } from '../../src/deck/parse.js';
import { regionOf } from '../../src/deck/snippets.js';
import { tempDir } from '../helpers/temp.js';

/** Slidev's `<<< @/file#region lang {options}`: a code block holding the file, or its region. */
const code = (deck: Deck, slide: number) => deck.slides[slide].blocks.filter((b): b is Extract<Block, { type: 'code' }> => b.type === 'code');

describe("Slidev's code snippets", () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir('snippets');
    fs.mkdirSync(path.join(dir, 'snippets'));
    fs.mkdirSync(path.join(dir, 'pages'));
    fs.writeFileSync(path.join(dir, 'snippets', 'util.ts'), 'import x from "y"\n\n  // #region pick\n  export function pick() {\n    return 1\n  }\n  // #endregion pick\n\nexport const other = 2\n');
    fs.writeFileSync(path.join(dir, 'snippets', 'run.sh'), 'echo one\necho two\n');
    fs.writeFileSync(path.join(dir, 'pages', 'page.md'), '# Imported\n\n<<< ../snippets/run.sh\n');
    fs.writeFileSync(path.join(dir, 'outside.ts'), 'secret\n');
    const deck = [
      '---', 'theme: default', '---', '', '# Region', '', '<<< @/snippets/util.ts#pick', '',
      '---', '', '# Whole file, named language, steps', '', '<<< @/snippets/run.sh bash {1|2}{lines:true}', '',
      '---', 'src: ./pages/page.md', '---', '',
      '---', '', '# Problems', '', '<<< @/snippets/missing.ts', '', '<<< @/snippets/util.ts#nope', '', '<<< ../outside.ts', '',
    ].join('\n');
    fs.writeFileSync(path.join(dir, 'slides.md'), deck);
  });

  it("reads a file's region, dedented, in the language of its extension", () => {
    const { deck } = loadDeck(path.join(dir, 'slides.md'));
    expect(code(deck, 0)).toEqual([expect.objectContaining({ lang: 'ts', value: 'export function pick() {\n  return 1\n}', line: 7 })]);
    expect(code(deck, 0)[0]).not.toHaveProperty('snippet');
  });

  it('reads a whole file, with the language and fence options written after it (steps become clicks)', () => {
    const { deck } = loadDeck(path.join(dir, 'slides.md'));
    const [block] = code(deck, 1);
    expect(block).toMatchObject({ lang: 'bash', value: 'echo one\necho two', highlight: [[1], [2]], lineNumbers: { start: 1 } });
    expect(deck.slides[1].clicks).toBe(1);
  });

  it("reads an imported slide's snippet relative to that slide's file", () => {
    const { deck } = loadDeck(path.join(dir, 'slides.md'));
    expect(code(deck, 2)[0].value).toBe('echo one\necho two');
  });

  it('names the line of a snippet that is missing, outside the deck or without its region', () => {
    const { diagnostics } = loadDeck(path.join(dir, 'slides.md'));
    const found = diagnostics.filter((d) => d.code.startsWith('snippet-')).map((d) => `${path.basename(d.file)}:${d.line} ${d.severity} ${d.code}`);
    expect(found).toEqual(['slides.md:23 error snippet-missing', 'slides.md:25 error snippet-region', 'slides.md:27 error snippet-outside']);
  });

  it('is plain text in a Marp deck, and a paragraph when the line says more', () => {
    const marp = parseDeck('---\nmarp: true\n---\n\n<<< @/snippets/util.ts\n', 'slides.md').deck;
    expect(marp.slides[0].blocks[0].type).toBe('paragraph');
    const prose = parseDeck('---\ntheme: default\n---\n\nWrite <<< @/x.ts to import\n', 'slides.md').deck;
    expect(prose.slides[0].blocks[0].type).toBe('paragraph');
  });

  it('finds regions marked in any comment style, and none that is not there', () => {
    expect(regionOf('<!-- #region a -->\n<p>x</p>\n<!-- #endregion a -->', 'a')).toBe('<p>x</p>');
    expect(regionOf('# #region a\nx = 1\n# #endregion a', 'a')).toBe('x = 1');
    expect(regionOf('// #region ab\nx\n// #endregion ab', 'a')).toBeNull();
  });
});
