import { describe, expect, it } from 'vitest';
import { codeLineCount, unwrappedSize, wrapCode } from '../../src/slides/fit-code.js';
import { tableLayout } from '../../src/slides/fit-table.js';
import { countLines, fitBox, type Measure } from '../../src/slides/fit.js';

/** Every character is 0.5 em wide: easy arithmetic. */
const half: Measure = (text) => [...text].length * 0.5;

describe('countLines', () => {
  it('breaks at spaces, greedily', () => {
    // At 10 px a character is 5 px; 100 px * 0.97 holds 19 characters.
    expect(countLines('aaaa bbbb cccc', 100, 10, 400, false, half)).toBe(1);
    expect(countLines('aaaa bbbb cccc dddd eeee', 100, 10, 400, false, half)).toBe(2);
  });

  it('keeps hard line breaks', () => {
    expect(countLines('one\ntwo\nthree', 1000, 10, 400, false, half)).toBe(3);
  });

  it('breaks a word longer than the line anywhere', () => {
    expect(countLines('x'.repeat(50), 100, 10, 400, false, half)).toBe(3);
    expect(countLines(`short ${'x'.repeat(50)} end`, 100, 10, 400, false, half)).toBe(4);
  });
});

describe('fitBox', () => {
  const item = { key: 'a', max: 40, min: 20, weight: 400, lineHeight: 1 };

  it('keeps the largest size when the text fits', () => {
    const fitted = fitBox({ width: 1000, height: 100, items: [{ ...item, text: 'short' }] }, half);
    expect(fitted).toMatchObject({ fits: true, size: { a: 40 }, lines: { a: 1 } });
  });

  it('shrinks every item together until the text fits', () => {
    const text = 'word '.repeat(40).trim();
    const fitted = fitBox({ width: 500, height: 150, items: [{ ...item, text }, { ...item, key: 'b', text: 'tail', max: 30, min: 15 }] }, half);
    expect(fitted.fits).toBe(true);
    expect(fitted.size.a).toBeLessThan(40);
    expect(fitted.size.b).toBeLessThan(30);
    expect(fitted.height).toBeLessThanOrEqual(150);
  });

  it('stops at the floor and says the text does not fit', () => {
    const fitted = fitBox({ width: 200, height: 50, items: [{ ...item, text: 'word '.repeat(200) }] }, half);
    expect(fitted).toMatchObject({ fits: false, size: { a: 20 } });
    expect(fitted.height).toBeGreaterThan(50);
  });

  it('counts fixed space, space above in ems and indents', () => {
    const fitted = fitBox({ width: 1000, height: 1000, items: [{ ...item, text: 'x', fixed: 30, before: 0.5 }] }, half);
    expect(fitted.height).toBe(30 + 20 + 40);
  });
});

describe('fitBox below the usual sizes', () => {
  const item = { key: 'a', max: 40, min: 20, floor: 10, weight: 400, lineHeight: 1 };

  it('keeps shrinking towards the floor, and says the text is small', () => {
    // 200 characters at 0.5 em: 1000 em of text in a 100-pixel-wide, 100-pixel-high box.
    const fitted = fitBox({ width: 100, height: 100, items: [{ ...item, text: 'word '.repeat(40).trim() }] }, half);
    expect(fitted.fits).toBe(true);
    expect(fitted.small).toBe(true);
    expect(fitted.size.a).toBeLessThan(20);
    expect(fitted.size.a).toBeGreaterThanOrEqual(10);
  });

  it('is not small when the usual sizes fit', () => {
    expect(fitBox({ width: 1000, height: 100, items: [{ ...item, text: 'short' }] }, half)).toMatchObject({ fits: true, small: false });
  });

  it('stops at the floor when even that does not fit', () => {
    const fitted = fitBox({ width: 100, height: 20, items: [{ ...item, text: 'word '.repeat(400) }] }, half);
    expect(fitted).toMatchObject({ fits: false, small: true, size: { a: 10 } });
  });

  it('shrinks a picture box with the text, to its own floor', () => {
    const fitted = fitBox({ width: 1000, height: 100, items: [{ ...item, text: 'x' }, { ...item, key: 'p', text: '', box: { max: 200, min: 100, floor: 50 } }] }, half);
    expect(fitted.fits).toBe(true);
    expect(fitted.boxes.p).toBeLessThan(100);
    expect(fitted.boxes.p).toBeGreaterThanOrEqual(50);
  });
});

describe('code', () => {
  it('keeps every line, indentation and blank lines', () => {
    const lines = wrapCode('def f():\n\n    return 1', 1000, 10, half).map((l) => l.text);
    expect(lines).toEqual(['def f():', '', '    return 1']);
  });

  it('wraps a long line after its last space that fits, behind a marker, and a long word anywhere', () => {
    // At 10 px a character is 5 px: 100 px hold 20 characters; the marker takes 2 of them.
    const wrapped = wrapCode('aaaa bbbb cccc dddd eeee ffff', 100, 10, half);
    expect(wrapped).toEqual([
      { text: 'aaaa bbbb cccc dddd ', continued: false },
      { text: 'eeee ffff', continued: true },
    ]);
    expect(wrapCode('x'.repeat(45), 100, 10, half).map((l) => l.text.length)).toEqual([20, 18, 7]);
    expect(codeLineCount('x'.repeat(45) + '\ny', 100, 10, half)).toBe(4);
  });

  it('expands tabs to four spaces', () => {
    expect(wrapCode('\tx', 1000, 10, half)[0].text).toBe('    x');
  });

  it('fits unwrapped at the size where its widest line fills the width', () => {
    expect(unwrappedSize('ab\nabcd', 100, half)).toBe(50);
  });
});

describe('tables', () => {
  const plain = (text: string) => [{ text, weight: 400, mono: false }];
  const spec = { rows: [['Lab', 'Topic'].map(plain), ['1', 'Speech and vision'].map(plain)], head: true, padX: 0.5, padY: 0.25 };

  it('gives each column its widest cell when the table fits', () => {
    const t = tableLayout(spec, 1000, 10, 400, 1, half);
    // 'Speech and vision' = 17 characters * 5 px / 0.97, plus 10 px of padding.
    expect(t.widths).toEqual([Math.floor((3 * 5) / 0.97 + 10), Math.floor((17 * 5) / 0.97 + 10)]);
    expect(t.lines).toBe(2);
    expect(t.height).toBe(2 * (10 + 5));
  });

  it('measures bold and code in their own faces', () => {
    // Every face measures the same here except code, at 1 em a character.
    const wide: Measure = (text, _w, mono) => [...text].length * (mono ? 1 : 0.5);
    const t = tableLayout({ ...spec, rows: [[[{ text: 'ab', weight: 400, mono: true }]]], head: false }, 1000, 10, 400, 1, wide);
    expect(t.widths).toEqual([Math.floor(20 / 0.97 + 10)]);
  });

  it('narrows columns to the width, and wraps their cells', () => {
    const t = tableLayout(spec, 60, 10, 400, 1, half);
    expect(t.widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(60);
    expect(t.lines).toBeGreaterThan(2);
  });
});
