import { describe, expect, it } from 'vitest';
import { divideAtHeadings, readDirectiveComment, readImageKeywords } from '../../src/deck/marp.js';
import { parseDeck } from '../../src/deck/parse.js';
import { splitDeck } from '../../src/deck/split.js';

describe('Marp image keywords', () => {
  it.each([
    ['bg', { alt: '', placement: 'background', ignored: [] }],
    ['bg right A diagram', { alt: 'A diagram', placement: 'right', ignored: [] }],
    ['bg left:33% contain', { alt: '', placement: 'left', fit: 'contain', share: 0.33, ignored: [] }],
    ['bg vertical 50%', { alt: '', placement: 'background', vertical: true, ignored: ['50%'] }],
    ['w:300 h:200px', { alt: '', width: 300, height: 200, ignored: [] }],
    ['width:10em grayscale Logo', { alt: 'Logo', ignored: ['width:10em', 'grayscale'] }],
    ['right aligned words', { alt: 'right aligned words', ignored: [] }], // `right` only means something after `bg`
  ])('%s', (alt, expected) => {
    expect(readImageKeywords(alt)).toEqual(expected);
  });
});

describe('Marp directive comments', () => {
  const at = (raw: string, line = 10, column = 1) => readDirectiveComment({ text: raw.trim(), raw, line, column });

  it('reads each key with its own line and column, and a loose #colour', () => {
    expect(at('\npaginate: true\n_backgroundColor: #123\n')).toMatchObject([
      { key: 'paginate', value: true, line: 11, column: 1 },
      { key: '_backgroundColor', value: '#123', line: 12, column: 1 },
    ]);
    expect(at(' _class: lead ', 4, 3)).toMatchObject([{ key: '_class', value: 'lead', line: 4, column: 8 }]);
  });

  it('is a note when any key is not a directive, or when it is not YAML at all', () => {
    expect(at(' class: lead\nspeaker: me ')).toBeNull();
    expect(at(' Say hello to everyone: then begin. ')).toBeNull();
    expect(at(' just words ')).toBeNull();
  });
});

describe('headingDivider', () => {
  it('keeps each new slide\'s lines in the deck file', () => {
    const split = splitDeck('---\nmarp: true\n---\n\n# One\n\ntext\n\n## Two\n\n### Three stays\n\n---\n\n## Four\n');
    const slides = divideAtHeadings(split.slides, 2);
    expect(slides.map((s) => [s.line, s.bodyLine, s.body.trim().split('\n')[0]])).toEqual([
      [4, 4, '# One'],
      [9, 9, '## Two'],
      [14, 14, '## Four'],
    ]);
  });

  it('is an error outside 1 to 6', () => {
    const { diagnostics } = parseDeck('---\nmarp: true\nheadingDivider: 9\n---\n\n# A\n', 't.md');
    expect(diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual(['3:17 invalid-option']);
  });
});
