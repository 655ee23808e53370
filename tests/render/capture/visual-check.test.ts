import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../../src/deck/parse.js';
import { checkTextFit } from '../../../src/render/capture/visual-check.js';
import { loadDeck } from '../../../src/deck/load.js';

const hd = { width: 1920, height: 1080 };

describe('checkTextFit (Node side, from the font file)', () => {
  it('finds nothing to say about the talk', () => {
    const { deck } = loadDeck('deck/scaling-python.md');
    expect(checkTextFit(deck, hd)).toEqual([]);
    expect(checkTextFit(deck, { width: 640, height: 360 })).toEqual([]);
  });

  it('warns about a slide that cannot fit even at the floors, naming its first line', () => {
    const items = Array.from({ length: 80 }, (_, i) => `- point number ${i + 1} with a few words`).join('\n');
    const { deck } = parseDeck(`# Start\n\n---\n\n# Too much\n\n${items}\n`, 'talk.md');
    const found = checkTextFit(deck, hd);
    expect(found.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}`)).toEqual(['talk.md:5:1 warning text-overflow']);
    expect(found[0].message).toContain('slide 2 (Too much)');
    expect(found[0].message).toContain('text at 30 px (1/36 of the frame height)');
  });

  it('sets a slide smaller than usual rather than cutting it, and says so with the sizes reached', () => {
    const code = Array.from({ length: 26 }, (_, i) => `    line_${i} = compute(${i}, 'with', "some", arguments)`).join('\n');
    const { deck } = parseDeck(`# Start\n\n---\n\n# Dense\n\nOne line of text.\n\n\`\`\`python\n${code}\n\`\`\`\n`, 'talk.md');
    const found = checkTextFit(deck, hd);
    expect(found.map((d) => `${d.line} ${d.code}`)).toEqual(['5 text-small']);
    const [, text, codeSize] = /text at (\d+) px .* code and tables at (\d+) px/.exec(found[0].message) ?? [];
    expect(Number(text)).toBeLessThan(45);
    expect(Number(text)).toBeGreaterThanOrEqual(30);
    expect(Number(codeSize)).toBeLessThan(30);
    expect(Number(codeSize)).toBeGreaterThanOrEqual(20);
  });

  it('scales a code block too long for the floor further rather than cut it, down to half the floor', () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `step_${i} = run(${i})`).join('\n');
    const slide = (n: number) => parseDeck(`# Start\n\n---\n\n# Long code\n\n\`\`\`python\n${lines(n)}\n\`\`\`\n`, 'talk.md').deck;
    const long = checkTextFit(slide(40), hd);
    expect(long.map((d) => d.code)).toEqual(['text-small']);
    const code = Number(/code and tables at (\d+) px/.exec(long[0].message)?.[1]);
    expect(code).toBeLessThan(20);
    expect(code).toBeGreaterThanOrEqual(10);
    // Past half the floor, a block is cut after all.
    expect(checkTextFit(slide(120), hd).map((d) => d.code)).toEqual(['text-overflow']);
  });

  it('sets twelve short points in two columns instead of warning', () => {
    const items = Array.from({ length: 12 }, (_, i) => `- point ${i + 1} about scaling`).join('\n');
    const { deck } = parseDeck(`# Start\n\n---\n\n# Twelve points\n\n${items}\n`, 'talk.md');
    expect(checkTextFit(deck, hd)).toEqual([]);
    expect(checkTextFit(deck, { width: 640, height: 360 })).toEqual([]);
  });

  it('shrinks a long title or quote to fit instead of warning', () => {
    const long = 'words that go on '.repeat(12);
    const { deck } = parseDeck(`# ${long}\n\n---\n\n> “${long}”\n>\n> – Someone\n`, 'talk.md');
    expect(checkTextFit(deck, hd)).toEqual([]);
  });

  it('sets the stress deck\'s twelve points small and warns that its seventy cannot fit', () => {
    const { deck } = loadDeck('tests/fixtures/decks/stress.md');
    expect(checkTextFit(deck, hd).map((d) => `${d.line} ${d.code}`)).toEqual(['16 text-small', '57 text-overflow']);
  });
});
