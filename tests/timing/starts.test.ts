import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/deck/parse.js';
import { checkStarts, deckStarts, parseTimings } from '../../src/timing/starts.js';
import { planTimeline } from '../../src/timing/plan.js';

const deck = parseDeck('---\nduration: 5\n---\n\n# A\n\n---\n\n- one\n- two\n\n---\ntransition: none\n---\n\n# C\n\n---\n\n# D\n', 'talk.md').deck;
const codes = (ds: { file: string; line: number; code: string }[]) => ds.map((d) => `${d.file}:${d.line} ${d.code}`);

describe('planTimeline with recorded timings', () => {
  it('starts each slide where the speaker reached it, and holds the last to the end of the recording', () => {
    const t = planTimeline(deck, { starts: [0, 12.5, 40, 61], endSeconds: 95.02 });
    expect(t.slides.map((s) => s.start)).toEqual([0, 375, 1200, 1830]);
    expect(t.durationInFrames).toBe(Math.round(95.02 * 30));
    expect(t.slides.at(-1)!.end).toBe(t.durationInFrames);
    // Transitions still play, inside the slide before: a fade in and the builds of slide 2.
    expect(t.slides[1].transitionIn.frames).toBe(15);
    expect(t.slides[2].transitionIn.frames).toBe(0);
    expect(t.slides[1].builds.length).toBe(2);
    t.slides.slice(0, -1).forEach((s, i) => expect(s.end).toBe(t.slides[i + 1].start));
  });

  it('without timings, lets the last slide hold until the recording ends', () => {
    const plain = planTimeline(deck);
    const t = planTimeline(deck, { endSeconds: 60 });
    expect(t.durationInFrames).toBe(1800);
    expect(t.slides.slice(0, -1).map((s) => s.start)).toEqual(plain.slides.slice(0, -1).map((s) => s.start));
    expect(t.slides.at(-1)!.end - t.slides.at(-1)!.start).toBeGreaterThan(plain.slides.at(-1)!.end - plain.slides.at(-1)!.start);
  });
});

describe('start times', () => {
  it('reads a timings file: one time per line, blank lines and # comments skipped', () => {
    const { starts, diagnostics } = parseTimings('# recorded\n0:00\n\n12.5\n0:40\n1:01\n', 'times.txt');
    expect(diagnostics).toEqual([]);
    expect(starts.map((s) => [s.seconds, s.line])).toEqual([[0, 2], [12.5, 4], [40, 5], [61, 6]]);
    expect(codes(parseTimings('0\n1:75\nsoon\n', 't.txt').diagnostics)).toEqual(['t.txt:2 timing-invalid', 't.txt:3 timing-invalid']);
  });

  it('reads at: options from the deck; every slide after the first needs one', () => {
    const ok = parseDeck('# A\n\n---\nat: 0:12\n---\n\n# B\n\n---\nat: 75\n---\n\n# C\n', 'talk.md');
    expect(ok.diagnostics).toEqual([]);
    const { starts, diagnostics } = deckStarts(ok.deck);
    expect(diagnostics).toEqual([]);
    expect(starts!.map((s) => [s.seconds, s.line])).toEqual([[0, 1], [12, 4], [75, 10]]);
    const partial = deckStarts(parseDeck('# A\n\n---\n\n# B\n\n---\nat: 75\n---\n\n# C\n', 'talk.md').deck);
    expect(codes(partial.diagnostics)).toEqual(['talk.md:4 timing-missing']);
    expect(deckStarts(deck).starts).toBeNull();
    expect(codes(parseDeck('# A\n\n---\nat: "1:99"\n---\n\n# B\n', 'talk.md').diagnostics)).toEqual(['talk.md:4 invalid-option']);
  });

  it('rejects times that do not increase, lie past the recording, start after 0:00 or do not match the slides', () => {
    const { starts } = parseTimings('0\n10\n10\n5\n100\n', 'times.txt');
    expect(codes(checkStarts(starts, 5, 30, 90, { file: 'times.txt', line: 1 }))).toEqual([
      'times.txt:3 timing-order',
      'times.txt:4 timing-order',
      'times.txt:5 timing-past-end',
    ]);
    expect(codes(checkStarts(parseTimings('3\n10\n', 't').starts, 3, 30, null, { file: 't', line: 1 }))).toEqual(['t:2 timing-count', 't:1 timing-invalid']);
  });
});
