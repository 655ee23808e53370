import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { loadDeck } from '../../src/deck/load.js';
import { blockText } from '../../src/deck/infer.js';
import { readText, type Block, type Slide } from '../../src/deck/model.js';
import { hasErrors } from '../../src/deck/parse.js';
import { openSession, type RenderSession } from '../../src/render/browser/session.js';
import { probeSlides } from '../../src/render/capture/probe.js';

/**
 * Every word of every deck we have reaches the page: each slide, fully built, drawn by the real
 * compositions in the real browser, reports the text it drew (the `probeText` prop), and that
 * text holds exactly the words of the parsed slide, in order. Compared as letters and digits
 * only: line breaks, wrapping and the markers talkreel draws (marked `data-chrome`) do not count.
 */
const decks = [
  'deck/scaling-python.md',
  ...fs.readdirSync('tests/fixtures/decks').filter((f) => f.endsWith('.md')).map((f) => path.join('tests/fixtures/decks', f)),
  // Each corpus folder holds one deck besides its SOURCE.md.
  ...fs.readdirSync('tests/corpus', { withFileTypes: true }).filter((d) => d.isDirectory()).flatMap((d) =>
    fs.readdirSync(path.join('tests/corpus', d.name)).filter((f) => f.endsWith('.md') && f !== 'SOURCE.md').map((f) => path.join('tests/corpus', d.name, f)),
  ),
];

const letters = (text: string) => text.normalize('NFC').replace(/[^\p{L}\p{N}]/gu, '');

/** What a slide should show: its words, and in the place of a picture that cannot be shown, its description. */
function expected(slide: Slide): string {
  const text = (blocks: Block[]): string[] =>
    blocks.flatMap((b) => {
      if (b.type === 'image') return b.placement || b.src ? [] : [b.alt || b.path];
      if (b.type === 'list') return b.items.flatMap((item) => [readText(item.runs), ...text(item.blocks)]);
      return [blockText(b)];
    });
  return letters([...text(drawnOrder(slide)), slide.style?.header ?? '', slide.style?.footer ?? ''].join('\n'));
}

/** The blocks in the order the page has them: a grid's column by column (a columns slide's slots read its cells as rows). */
function drawnOrder(slide: Slide): Block[] {
  if (slide.layout === 'columns') return slide.blocks;
  const out: Block[] = [];
  for (let i = 0; i < slide.blocks.length; ) {
    const grid = slide.blocks[i].cell?.grid;
    let j = i + 1;
    while (grid !== undefined && j < slide.blocks.length && slide.blocks[j].cell?.grid === grid) j++;
    out.push(...slide.blocks.slice(i, j).sort((a, b) => (a.cell?.column ?? 0) - (b.cell?.column ?? 0)));
    i = j;
  }
  return out;
}

describe.runIf(process.platform === 'linux')('every word of every deck reaches the page', () => {
  let session: RenderSession;
  beforeAll(async () => {
    session = await openSession();
  }, 600_000);
  afterAll(() => session?.close());

  // A probe mostly waits on the page (its fonts, its scripts): several decks at once, each in a tab of its own.
  it.concurrent.for(decks)('%s', async (file, { expect }) => {
    const { deck, diagnostics } = loadDeck(file);
    if (hasErrors(diagnostics)) return expect(file).toMatch(/bad\.md$/);
    const drawn = await probeSlides(session, deck);
    for (const slide of deck.slides) {
      expect(letters(drawn.get(slide.index)?.text ?? ''), `slide ${slide.index} (${slide.title})`).toBe(expected(slide));
    }
  });
});
