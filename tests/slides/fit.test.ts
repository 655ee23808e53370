import { describe, expect, it } from 'vitest';
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
