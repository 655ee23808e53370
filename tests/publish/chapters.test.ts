import { describe, expect, it } from 'vitest';
import type { Deck } from '../../src/deck/model.js';
import { parseDeck } from '../../src/deck/parse.js';
import { chaptersText, planChapters } from '../../src/publish/chapters.js';
import { planTimeline } from '../../src/timing/plan.js';

/** A deck of slides with the given durations (seconds), each optionally naming a chapter. */
function deckOf(slides: { duration: number; chapter?: string; title?: string }[]): Deck {
  // The first slide takes the deck's defaults: only later slides can have an options block.
  const [first, ...rest] = slides;
  const head = `---\nduration: ${first.duration}\ntransition: none\n---\n\n# ${first.title ?? 'Slide 1'}\n`;
  const body = rest.map((s, i) => `\n---\nduration: ${s.duration}${s.chapter ? `\nchapter: ${s.chapter}` : ''}\n---\n\n# ${s.title ?? `Slide ${i + 2}`}\n`);
  const { deck, diagnostics } = parseDeck(head + body.join(''), 'talk.md');
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return deck;
}

const chaptersOf = (deck: Deck) => planChapters(deck, planTimeline(deck));

describe('planChapters', () => {
  it('makes a chapter of every slide of 10 s or more, the first at 0:00', () => {
    const { chapters, diagnostics } = chaptersOf(deckOf([{ duration: 12 }, { duration: 15 }, { duration: 10 }]));
    expect(diagnostics).toEqual([]);
    expect(chapters.map((c) => [c.startSeconds, c.endSeconds, c.title, c.slides])).toEqual([
      [0, 12, 'Slide 1', [1]],
      [12, 27, 'Slide 2', [2]],
      [27, 37, 'Slide 3', [3]],
    ]);
    expect(chaptersText(chapters)).toBe('0:00 Slide 1\n0:12 Slide 2\n0:27 Slide 3\n');
  });

  it('lets a slide shorter than 10 s join the chapter before it', () => {
    const { chapters } = chaptersOf(deckOf([{ duration: 20 }, { duration: 3 }, { duration: 20 }, { duration: 9 }, { duration: 12 }]));
    expect(chapters.map((c) => [c.startSeconds, c.slides])).toEqual([[0, [1, 2]], [23, [3, 4]], [52, [5]]]);
  });

  it('lets a short first slide take in the next, keeping 0:00 and its title', () => {
    const { chapters } = chaptersOf(deckOf([{ duration: 4 }, { duration: 4 }, { duration: 11 }, { duration: 11 }, { duration: 11 }]));
    expect(chapters.map((c) => [c.startSeconds, c.title, c.slides])).toEqual([[0, 'Slide 1', [1, 2, 3]], [19, 'Slide 4', [4]], [30, 'Slide 5', [5]]]);
  });

  it('uses chapter names when the deck gives them: each runs until the next (the first slide`s title names the first)', () => {
    const deck = deckOf([
      { duration: 5, title: 'Welcome' },
      { duration: 8, chapter: 'Why it matters' },
      { duration: 8 },
      { duration: 12, chapter: 'How' },
      { duration: 12, chapter: 'Questions' },
    ]);
    const { chapters } = chaptersOf(deck);
    expect(chaptersText(chapters)).toBe('0:00 Welcome\n0:21 How\n0:33 Questions\n');
    expect(chapters.map((c) => c.slides)).toEqual([[1, 2, 3], [4], [5]]);
  });

  it('writes h:mm:ss when the talk reaches an hour', () => {
    const { chapters } = chaptersOf(deckOf([{ duration: 1800 }, { duration: 1800 }, { duration: 60 }]));
    expect(chaptersText(chapters)).toBe('0:00:00 Slide 1\n0:30:00 Slide 2\n1:00:00 Slide 3\n');
  });

  it('rounds a start inside a transition down to its second, and every chapter lasts 10 s or more', () => {
    const { deck } = parseDeck('---\nduration: 10.4\n---\n# A\n\n---\n\n# B\n\n---\n\n# C\n\n---\n\n# D\n');
    const t = planTimeline(deck);
    const { chapters } = planChapters(deck, t);
    expect(chapters.length).toBeGreaterThanOrEqual(3);
    expect(chapters[0].startSeconds).toBe(0);
    for (const c of chapters) {
      expect(Number.isInteger(c.startSeconds)).toBe(true);
      expect(c.endSeconds - c.startSeconds).toBeGreaterThanOrEqual(10);
    }
  });

  it('warns, with a stable code and no chapters, when fewer than 3 valid ones are possible', () => {
    const { chapters, diagnostics } = chaptersOf(deckOf([{ duration: 12 }, { duration: 5 }, { duration: 12 }, { duration: 4 }]));
    expect(chapters).toEqual([]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 'warning', code: 'chapters-too-few', file: 'talk.md' });
    expect(diagnostics[0].message).toContain('makes 2 chapters');
  });
});

describe('the chapter option', () => {
  it('is read from a slide`s options and must not be empty', () => {
    const ok = parseDeck('# A\n\n---\nchapter: Part two\n---\n\n# B\n', 'talk.md');
    expect(ok.diagnostics).toEqual([]);
    expect(ok.deck.slides[1].chapter).toBe('Part two');
    const bad = parseDeck('# A\n\n---\nchapter: ""\n---\n\n# B\n', 'talk.md');
    expect(bad.diagnostics.map((d) => `${d.line} ${d.code}`)).toEqual(['4 invalid-option']);
  });
});
