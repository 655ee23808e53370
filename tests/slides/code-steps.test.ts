import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/deck/model.js';
import { parseDeck } from '../../src/deck/parse.js';
import { DIMMED, codeStates, lineOpacities, stepOpacities } from '../../src/slides/code-steps.js';
import { MONO_EM, codeFit, wrapTokens } from '../../src/slides/fit-code.js';

type Code = Extract<Block, { type: 'code' }>;
const code = (value: string, extra: Partial<Code> = {}): Code => ({ type: 'code', value, line: 1, ...extra });
/** The code block of a one-slide Slidev deck. */
const slidev = (body: string) => parseDeck(`---\nhighlighter: shiki\n---\n\n# Code\n\n${body}\n`, 'slides.md').deck.slides[0].blocks.find((b): b is Code => b.type === 'code')!;

describe('codeStates', () => {
  it('counts line highlight steps, magic move versions, or one state', () => {
    expect(codeStates(slidev('```ts {2|3-4|all}\na\nb\nc\nd\n```'))).toBe(3);
    expect(codeStates(slidev('```ts {2,3}\na\nb\nc\n```'))).toBe(1);
    expect(codeStates(slidev('```ts\na\n```'))).toBe(1);
    expect(codeStates(slidev('````md magic-move\n```js\na\n```\n```js\nb\n```\n```js\nc\n```\n````'))).toBe(3);
    expect(codeStates(code('x', { highlight: [] }))).toBe(1);
  });
});

describe('line opacities', () => {
  const block = slidev('```ts {1|2|3}\none\ntwo\nthree\n```');

  it('dims the lines a state does not highlight; the last state without a step', () => {
    expect(lineOpacities(block, 0, 3)).toEqual([1, DIMMED, DIMMED]);
    expect(lineOpacities(block, 2, 3)).toEqual([DIMMED, DIMMED, 1]);
    expect(stepOpacities(block, 3)).toEqual([DIMMED, DIMMED, 1]);
    expect(lineOpacities(slidev('```ts {none|all}\na\nb\n```'), 0, 2)).toEqual([DIMMED, DIMMED]);
    expect(stepOpacities(code('a\nb'), 2)).toEqual([1, 1]);
  });

  it('interpolates each line linearly between its two states during a build', () => {
    const mid = stepOpacities(block, 3, { from: 0, to: 1, progress: 0.25 });
    expect(mid[0]).toBeCloseTo(1 - 0.25 * (1 - DIMMED));
    expect(mid[1]).toBeCloseTo(DIMMED + 0.25 * (1 - DIMMED));
    expect(mid[2]).toBe(DIMMED);
    expect(stepOpacities(block, 3, { from: 1, to: 2, progress: 0 })).toEqual(lineOpacities(block, 1, 3));
    expect(stepOpacities(block, 3, { from: 1, to: 2, progress: 1 })).toEqual(lineOpacities(block, 2, 3));
  });
});

describe('wrapTokens and the gutter', () => {
  const half = (s: string) => [...s].length * 0.5;

  it('keeps token colours on both parts of a wrapped line, and tabs as four spaces', () => {
    // Ten characters a line; a continued line has room for eight beside its marker.
    const tokens = [[{ text: 'aaaa', color: '#111111' }, { text: 'b'.repeat(12), color: '#222222' }], [{ text: '\tc', color: '#333333' }]];
    const lines = wrapTokens(`aaaa${'b'.repeat(12)}\n\tc`, tokens, 50, 10, half);
    expect(lines.map((l) => [l.source, l.continued, l.tokens.map((t) => `${t.color}:${t.text}`)])).toEqual([
      [0, false, ['#111111:aaaa', '#222222:bbbbbb']],
      [0, true, ['#222222:bbbbbb']],
      [1, false, ['#333333:    c']],
    ]);
  });

  it('draws plain lines when the tokens do not spell the code', () => {
    expect(wrapTokens('ab\ncd', [[{ text: 'xx', color: '#111111' }]], 100, 10, half).map((l) => l.tokens)).toEqual([[{ text: 'ab' }], [{ text: 'cd' }]]);
  });

  it('makes room for line numbers: the widest number and a gap', () => {
    expect(codeFit(code('a\nb')).gutterEm).toBe(0);
    expect(codeFit(code('a\nb', { lineNumbers: { start: 1 } })).gutterEm).toBeCloseTo(2.5 * MONO_EM);
    expect(codeFit(code('a\nb', { lineNumbers: { start: 99 } })).gutterEm).toBeCloseTo(4.5 * MONO_EM);
    expect(codeFit(slidev('```ts {lines:true}\na\n```')).gutterEm).toBeGreaterThan(0);
  });
});
