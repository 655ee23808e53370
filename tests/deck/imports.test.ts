import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { blockText } from '../../src/deck/infer.js';
import { loadDeck } from '../../src/deck/load.js';
import { parseDeck } from '../../src/deck/parse.js';

const deckPath = path.join('tests', 'fixtures', 'decks', 'imports', 'slides.md');
const pages = path.join('tests', 'fixtures', 'decks', 'imports', 'pages');

describe("Slidev's src: imports (imports/slides.md)", () => {
  const { deck, diagnostics } = loadDeck(deckPath);

  it('puts the slides of the imported file in place, a #range picking some, with the importing slide\'s options over theirs', () => {
    expect(deck.slides.map((s) => [s.file ?? 'deck', s.line, s.layout, s.title])).toEqual([
      ['deck', 5, 'title', 'Imports'],
      [path.join(pages, 'intro.md'), 2, 'bullets', 'First imported'],
      [path.join(pages, 'intro.md'), 11, 'image', 'Second imported'],
      // `layout: center` from the importing slide; a heading and a picture are more than a statement.
      [path.join(pages, 'intro.md'), 11, 'content', 'Second imported'],
    ]);
    expect(deck.slides[3].centred).toBe(true);
  });

  it("resolves an imported slide's pictures from its own file", () => {
    const picture = deck.slides[2].blocks.find((b) => b.type === 'image');
    expect(picture).toMatchObject({ path: './chart.svg' });
    expect(picture?.type === 'image' && picture.src.startsWith('data:image/svg+xml;base64,')).toBe(true);
  });

  it('names the file and line of every problem: a missing file, one outside the folder, a cycle, an option in an imported file', () => {
    expect(diagnostics.map((d) => `${path.basename(d.file)}:${d.line}:${d.column} ${d.severity} ${d.code}`)).toEqual([
      'slides.md:2:1 warning unsupported-option', // theme: default
      'slides.md:20:6 error import-missing',
      'slides.md:24:6 error import-outside',
      'slides.md:30:1 warning import-content', // "# Done" under a slide that imports
      'intro.md:11:1 warning unknown-option', // foo: bar, once though the file is imported twice
      'loop.md:2:6 error import-cycle',
    ]);
  });

  it('is an error without a deck folder to import from (parsed from memory)', () => {
    const { diagnostics: found } = parseDeck('# A\n\n---\nsrc: ./pages/intro.md\n---\n', 'talk.md');
    expect(found.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual(['4:6 import-missing']);
  });

  it('keeps every word of the imported slides', () => {
    expect(deck.slides[1].blocks.map(blockText)).toEqual(['First imported', 'one\ntwo']);
  });
});
