import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { expectedWords, slidesWith } from '../../bench/corpus/deck-run.js';
import { CORPUS_DIR, licenceOf, listCorpus, selectDecks } from '../../bench/corpus/decks.js';
import { edgeShare, forOcr, isBlank, lightBackground, BLANK_EDGE_SHARE, type Picture } from '../../bench/corpus/pixels.js';
import { deckTargets, referenceTargets, writeReport, type DeckResult } from '../../bench/corpus/report.js';
import { recall, share, total, union, words } from '../../bench/corpus/words.js';
import { loadDeck } from '../../src/deck/load.js';
import { parseDeck } from '../../src/deck/parse.js';
import { tempDir } from '../helpers/temp.js';

// The corpus itself (tests/corpus/*/) and the pure parts of `npm run corpus` (bench/corpus/).
const decks = listCorpus();

describe('the corpus', () => {
  it('holds at least 12 decks, Slidev and Marp, from packages and of its own', () => {
    expect(decks.length).toBeGreaterThanOrEqual(12);
    expect(decks.filter((d) => d.marp).length).toBeGreaterThanOrEqual(2);
    expect(decks.filter((d) => d.name.startsWith('talkreel-')).length).toBeGreaterThanOrEqual(5);
    expect(decks.filter((d) => !d.name.startsWith('talkreel-')).length).toBeGreaterThanOrEqual(7);
  });

  it.each(decks.map((d) => [d.name, d] as const))('%s says where it comes from and under which licence', (_name, d) => {
    const source = fs.readFileSync(path.join(d.dir, 'SOURCE.md'), 'utf8');
    expect(licenceOf(source)).toBe('MIT');
    if (d.name.startsWith('talkreel-')) expect(source).toContain("Written for talkreel's corpus");
    else {
      // A deck from a package names the package and version, and carries its licence text.
      expect(source).toMatch(/^- Package: `[^`]+` version \d+\.\d+\.\d+ on npm/m);
      expect(fs.readFileSync(path.join(d.dir, 'LICENSE'), 'utf8')).toMatch(/Permission is hereby granted, free of charge/);
    }
  });

  it.each(decks.map((d) => [d.name, d] as const))('%s loads without throwing and has slides', (_name, d) => {
    const { deck } = loadDeck(d.file);
    expect(deck.slides.length).toBeGreaterThan(0);
  });
});

describe('choosing decks', () => {
  it('runs every deck, or the ones named, and names the decks when one is unknown', () => {
    expect(selectDecks(decks, [])).toEqual(decks);
    expect(selectDecks(decks, [decks[1].name, decks[0].name]).map((d) => d.name)).toEqual([decks[0].name, decks[1].name]);
    expect(() => selectDecks(decks, ['no-such-deck'])).toThrow(new RegExp(`no corpus deck named no-such-deck; the decks are: ${decks[0].name}`));
  });

  it('takes a deck for Marp by its front matter or its folder name', () => {
    const dir = tempDir('corpus-list');
    const write = (name: string, text: string) => {
      fs.mkdirSync(path.join(dir, name));
      fs.writeFileSync(path.join(dir, name, 'SOURCE.md'), '- Licence: MIT.\n');
      fs.writeFileSync(path.join(dir, name, 'deck.md'), text);
    };
    write('a', '---\nmarp: true\n---\n\n# A\n');
    write('b', '---\ntheme: seriph\n---\n\n# B\n\nmarp: true\n');
    write('marp-c', '# C\n');
    expect(listCorpus(dir).map((d) => [d.name, d.marp])).toEqual([['a', true], ['b', false], ['marp-c', true]]);
    expect(path.dirname(listCorpus(dir)[0].file)).toBe(path.join(dir, 'a'));
    expect(CORPUS_DIR).toMatch(/tests[\\/]corpus$/);
  });
});

describe('words', () => {
  it('compares letters and digits only, without case or accents, figures apart from units', () => {
    expect(words('“Café” — déjà-vu… 31s, `npm ci`!\n  • H₂O 4.2')).toEqual(['cafe', 'deja', 'vu', '31', 's', 'npm', 'ci', 'h', '2', 'o', '4', '2']);
    expect(words('** -- |')).toEqual([]);
  });

  it('counts repeated words as often as they appear', () => {
    const r = recall(words('the cat and the hat and the bat'), words('the cat and the bat'));
    expect(r).toEqual({ expected: 8, found: 5, missing: ['the', 'and', 'hat'] });
    expect(share(r)).toBeCloseTo(5 / 8);
    expect(share(recall([], ['noise']))).toBe(1);
  });

  it('adds readings together word by word, and slides up into a deck', () => {
    expect(union(['a', 'b', 'b'], ['b', 'c']).sort()).toEqual(['a', 'b', 'b', 'c']);
    const deck = total([recall(['a', 'b'], ['a']), recall(['c'], ['c'])]);
    expect(deck).toEqual({ expected: 3, found: 2, missing: ['b'] });
  });

  it('expects a slide\'s text, its Marp header and footer, and on a title slide the event line', () => {
    const { deck } = parseDeck('---\ntitle: T\nevent: PyCon\ndate: 2025-05-17\n---\n\n# Big title\n\nSpeaker\n\n---\n\n- one\n- two `code`\n');
    expect(expectedWords(deck, deck.slides[0])).toEqual(['big', 'title', 'speaker', 'pycon', '17', 'may', '2025']);
    expect(expectedWords(deck, deck.slides[1])).toEqual(['one', 'two', 'code']);
    const marp = parseDeck('---\nmarp: true\nheader: Night\nfooter: Sam\n---\n\n## Hello\n').deck;
    expect(expectedWords(marp, marp.slides[0])).toEqual(['hello', 'night', 'sam']);
  });
});

/** A 1920x1080 picture of one colour, with `paint` drawing on it. */
function picture(rgb: [number, number, number], paint?: (set: (x: number, y: number, c: [number, number, number]) => void) => void): Picture {
  const png = { width: 1920, height: 1080, data: Buffer.alloc(1920 * 1080 * 4) };
  const set = (x: number, y: number, c: [number, number, number]) => {
    const i = (y * 1920 + x) * 4;
    png.data[i] = c[0];
    png.data[i + 1] = c[1];
    png.data[i + 2] = c[2];
    png.data[i + 3] = 255;
  };
  for (let y = 0; y < 1080; y++) for (let x = 0; x < 1920; x++) set(x, y, rgb);
  paint?.(set);
  return png;
}
/** A few words' worth of vertical strokes (40 strokes 4 px wide, 60 px high). */
const strokes = (x0: number, y0: number, c: [number, number, number]) => (set: (x: number, y: number, c: [number, number, number]) => void) => {
  for (let k = 0; k < 40; k++) for (let x = 0; x < 4; x++) for (let y = 0; y < 60; y++) set(x0 + k * 10 + x, y0 + y, c);
};

describe('blank thumbnails', () => {
  it('finds nothing on a flat or gradient background, or with marks only in the border', () => {
    expect(isBlank(picture([13, 19, 32]))).toBe(true);
    expect(isBlank(picture([250, 250, 250], (set) => {
      for (let y = 0; y < 1080; y++) for (let x = 0; x < 1920; x++) set(x, y, [20 + Math.floor(y / 10), 30, 40]);
    }))).toBe(true);
    // A header and a page number sit outside the content area.
    expect(isBlank(picture([13, 19, 32], strokes(40, 20, [240, 240, 240])))).toBe(true);
  });

  it('sees a few words of text in the content area, light on dark and dark on light', () => {
    const dark = picture([13, 19, 32], strokes(600, 500, [240, 240, 240]));
    const light = picture([248, 250, 252], strokes(600, 500, [30, 41, 59]));
    expect(isBlank(dark)).toBe(false);
    expect(isBlank(light)).toBe(false);
    expect(edgeShare(dark)).toBeGreaterThan(10 * BLANK_EDGE_SHARE);
  });
});

describe('preparing a slide for OCR', () => {
  it('tells light slides from dark ones and turns either into black text on white', () => {
    const dark = picture([13, 19, 32], strokes(600, 500, [255, 212, 59]));
    const light = picture([248, 250, 252], strokes(600, 500, [29, 78, 216]));
    expect(lightBackground(dark)).toBe(false);
    expect(lightBackground(light)).toBe(true);
    for (const [p, polarity] of [[dark, 'light-text'], [light, 'dark-text']] as const) {
      const half = PNG.sync.read(forOcr(p, polarity, 2));
      expect([half.width, half.height]).toEqual([960, 540]);
      const at = (x: number, y: number) => half.data[(y * 960 + x) * 4];
      expect(at(301, 260)).toBe(0); // inside a stroke (x 602-603, y 520-521 at full size)
      expect(at(10, 10)).toBe(255); // background
      const full = PNG.sync.read(forOcr(p, polarity, 1, true));
      expect([full.width, full.height, full.data[(520 * 1920 + 602) * 4], full.data[0]]).toEqual([1920, 1080, 0, 255]);
    }
  });
});

const parts = { columns: 0, clicks: 0, formulas: 0, diagrams: 0, highlighted: 0 };
const result = (over: Partial<DeckResult>): DeckResult => ({
  deck: 'd', file: 'tests/corpus/d/d.md', marp: false, slides: 2, rendered: true, errors: {}, warnings: {}, cut: [], small: [], empty: [],
  recall: { expected: 100, found: 96, missing: ['x', 'y', 'z', 'w'] }, perSlide: [], marpRecall: null, seconds: 1,
  parts: { source: { ...parts, clicks: 3 }, drawn: { ...parts, clicks: 3 } }, ...over,
});

describe('the report', () => {
  it('finds the slides a warning is about, by the number in its message or by its line', () => {
    const { deck } = parseDeck('# One\n\n---\n\n# Two\n\n---\n\n# Three\n');
    const diag = (code: string, message: string, line: number) => ({ file: deck.file, severity: 'warning' as const, code, message, line, column: 1 });
    const ds = [diag('text-overflow', 'slide 3 (statement): its text does not fit', 9), diag('text-small', 'set at 30 px', 5), diag('other', 'slide 1', 1)];
    expect(slidesWith(ds, 'text-overflow', deck)).toEqual([3]);
    expect(slidesWith(ds, 'text-small', deck)).toEqual([2]);
  });

  it('judges each target: errors, cut and empty slides, 95% recall, 2 points of Marp', () => {
    const met = (d: DeckResult) => Object.fromEntries(deckTargets(d).map((t) => [t.name, t.met]));
    expect(Object.values(met(result({})))).toEqual([true, true, true, true, true]);
    const lost = result({ parts: { source: { ...parts, formulas: 2 }, drawn: { ...parts, formulas: 1 } } });
    expect(met(lost)['every part drawn']).toBe(false);
    expect(deckTargets(lost).find((t) => t.name === 'every part drawn')?.detail).toBe('formulas 1/2');
    expect(met(result({ recall: { expected: 100, found: 94, missing: [] } }))['OCR recall >= 95%']).toBe(false);
    expect(met(result({ errors: { 'unknown-option': 2 }, rendered: false, recall: null, parts: null }))).toEqual({
      'no errors': false, 'no slide cut': false, 'no empty slide': false, 'OCR recall >= 95%': false, 'every part drawn': false,
    });
    const marp = (found: number) => result({ marp: true, marpRecall: { slides: 2, recall: { expected: 100, found, missing: [] }, pooled: false, perSlide: [] } });
    expect(met(marp(98))['recall within 2 points of Marp']).toBe(true);
    expect(met(marp(99))['recall within 2 points of Marp']).toBe(false);
  });

  it('writes report.md and report.json with every deck and every target', () => {
    const dir = tempDir('corpus-report');
    const refs = path.join(dir, 'reference');
    for (const theme of ['dark', 'light']) {
      fs.mkdirSync(path.join(refs, theme), { recursive: true });
      fs.writeFileSync(path.join(refs, theme, '03-code.png'), '');
      fs.writeFileSync(path.join(refs, theme, '04-code-review.png'), '');
    }
    fs.writeFileSync(path.join(refs, 'dark', '05-table.png'), '');
    const references = referenceTargets(refs);
    expect(references.map((t) => t.met)).toEqual([true, false, false, false, false, false, false, false, false]);
    expect(references[1].detail).toBe('none in light');
    const decksIn = [result({ deck: 'good' }), result({ deck: 'cut', cut: [2], small: [1], warnings: { 'text-overflow': 1, 'text-small': 1 } })];
    const files = writeReport({ decks: decksIn, references, date: '2025-01-01' }, path.join(dir, 'out'));
    const md = fs.readFileSync(files.markdown, 'utf8');
    expect(md).toContain('| good | Slidev/talkreel | 2 | - | - | 0 | 0 | 0 | 96.0% (96/100) |  | clicks 3/3 | all met |');
    expect(md).toContain('| cut | Slidev/talkreel | 2 | - | text-overflow 1, text-small 1 | 1 (2) | 1 (1) | 0 | 96.0% (96/100) |  | clicks 3/3 | **1 missed** |');
    expect(md).toContain('| no slide cut | 1 of 2 | **missed** |');
    expect(md).toContain('| code slide references (dark and light) | present | met |');
    const json = JSON.parse(fs.readFileSync(files.json, 'utf8'));
    expect(json.decks.map((d: { deck: string; targets: { met: boolean }[] }) => [d.deck, d.targets.every((t) => t.met)])).toEqual([['good', true], ['cut', false]]);
    expect(fs.readdirSync(path.join(dir, 'out')).sort()).toEqual(['report.json', 'report.md']);
  });
});
