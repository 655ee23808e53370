import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/deck/parse.js';
import { segmentsOf } from '../../src/timing/frames.js';
import { planTimeline } from '../../src/timing/plan.js';

describe('edge cases', () => {
  it.each([
    ['a longer fence holding a shorter one', '````md\n```\n---\n```\n````'],
    ['a fence line with an info string inside a fence', '```\n```js\n---\n```'],
  ])('a `---` inside %s does not cut the slide', (_what, code) => {
    const { deck } = parseDeck(`# Code\n\n${code}\n\n---\n\n# End\n`);
    expect(deck.slides).toHaveLength(2);
    expect(deck.slides[0].blocks.find((b) => b.type === 'code')).toBeTruthy();
  });

  it('a heading with URLs on consecutive lines is a link slide', () => {
    const { deck } = parseDeck('# Start\n\n---\n\n# LINKS\n\nhttps://a.example\nhttps://b.example\n\n---\n\n# End\n');
    expect(deck.slides[1].layout).toBe('link');
  });

  it.each([0.5, 1, 1.5])('builds on a %s-second slide finish before it leaves, and segments tile the talk', (seconds) => {
    const { deck } = parseDeck(`# A\n\n---\nduration: ${seconds}\n---\n\n# B\n\n- a\n- b\n- c\n\n---\n\n# End\n`);
    const t = planTimeline(deck);
    const b = t.slides[1];
    const lastEnd = b.builds[b.builds.length - 1] + b.buildFrames;
    expect(lastEnd).toBeLessThanOrEqual(b.durationInFrames - (t.slides[2].transitionIn.frames));
    expect(b.settledAt).toBeGreaterThanOrEqual(lastEnd);
    const covered = segmentsOf(t).reduce((n, s) => n + (s.kind === 'hold' ? s.length : s.frames.length), 0);
    expect(covered).toBe(t.durationInFrames);
  });
});
