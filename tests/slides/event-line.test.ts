import { describe, expect, it } from 'vitest';
import { eventLine } from '../../src/slides/geometry.js';

describe('the title slide\'s event line', () => {
  it('writes a YYYY-MM-DD date as day, month and year, after the event', () => {
    expect(eventLine({ event: 'PyCon Canada 2015, Toronto', date: '2015-11-07' })).toBe('PyCon Canada 2015, Toronto · 7 November 2015');
    expect(eventLine({ date: '2024-01-31' })).toBe('31 January 2024');
    expect(eventLine({ date: '2024-02-29' })).toBe('29 February 2024');
  });

  it('keeps any other date as written, a day that does not exist too', () => {
    expect(eventLine({ date: 'Spring 2016' })).toBe('Spring 2016');
    expect(eventLine({ date: '2015-02-30' })).toBe('2015-02-30');
    expect(eventLine({ date: '2015-13-01' })).toBe('2015-13-01');
  });

  it('is absent without event and date', () => {
    expect(eventLine({})).toBeNull();
    expect(eventLine({ event: 'PyCon' })).toBe('PyCon');
  });
});
