import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Deck } from '../../src/deck/model.js';
import { parseDeck } from '../../src/deck/parse.js';
import { parseSlideSelection, selectSlides } from '../../src/deck/select.js';
import { buildCount, planTimeline, slideSeconds, type Timeline } from '../../src/timing/plan.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const realDeck = parseDeck(fs.readFileSync(path.join(repo, 'deck/scaling-python.md'), 'utf8')).deck;

function deckOf(source: string): Deck {
  const { deck, diagnostics } = parseDeck(source);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return deck;
}
/** A deck of the given slide bodies (each may start with its own `key: value` block). */
const slidesDeck = (bodies: string[], head = '') => deckOf(`${head ? `---\n${head}\n---\n\n` : ''}${bodies.join('\n\n---\n')}\n`);
const twenty = 'one two three four five six seven eight nine ten '.repeat(2).trim();

function expectTiles(t: Timeline) {
  expect(t.slides[0].start).toBe(0);
  t.slides.slice(0, -1).forEach((s, i) => expect(s.end).toBe(t.slides[i + 1].start));
  expect(t.slides.at(-1)!.end).toBe(t.durationInFrames);
  for (const s of t.slides) {
    expect(s.start).toBe(s.from);
    expect(s.end).toBeGreaterThan(s.start);
  }
}

describe('slideSeconds', () => {
  it.each([
    ['a lone heading: the 4 s minimum', '\n# Hi', 'auto', 4, 0],
    ['20 words: 2 + 20 / 2.5', `\n${twenty}`, 'auto', 10, 0],
    ['3 items, 6 words: 2 + 6 / 2.5 + 3 builds', '\n- one two\n- three four\n- five six', 'auto', 5.9, 3],
    ['a quote and its attribution, 7 words', '\n> a b c d e\n>\n> – F G', 'auto', 5.3, 1],
    ['a quote without attribution: no build', `\n> ${twenty}`, 'auto', 10, 0],
    ['an explicit duration', 'duration: 8\n---\n\n- a\n- b', 'auto', 8, 2],
    ['the deck duration', '\n# Hi', 6, 6, 0],
    ['a slide duration over the deck`s', 'duration: 2.5\n---\n\n# Hi', 6, 2.5, 0],
  ] as const)('%s', (_what, body, deckDuration, seconds, builds) => {
    const slide = slidesDeck(['\n# First', body]).slides[1];
    expect(buildCount(slide)).toBe(builds);
    expect(slideSeconds(slide, deckDuration)).toBeCloseTo(seconds, 10);
  });

  it('leaves an automatic slide on screen long enough to read its notes as captions', () => {
    const notes = 'a'.repeat(170);
    const [plain, noted, timed] = slidesDeck(['\n# A', `\n# A\n\n<!-- ${notes} -->`, `duration: 5\n---\n\n# A\n\n<!-- ${notes} -->`]).slides;
    expect(slideSeconds(plain, 'auto')).toBe(4);
    // 170 characters at 17 per second, and the transition that takes part of the slide's time.
    expect(slideSeconds(noted, 'auto')).toBeCloseTo(10 + 0.5, 10);
    expect(slideSeconds(timed, 'auto')).toBe(5);
  });

  it('uses the deck`s duration option', () => {
    const t = planTimeline(slidesDeck(['\n# A', `\n${twenty}`, '\n# C'], 'duration: 5'));
    expect(t.slides.map((s) => s.durationInFrames)).toEqual([150, 150, 150]);
    expect(t.durationInFrames).toBe(450 - 2 * 15);
  });
});

describe('planTimeline', () => {
  it('lasts the sum of the durations minus the sum of the transitions', () => {
    for (const deck of [realDeck, slidesDeck(['\n# A', '\n- a\n- b', 'transition: none\n---\n\n# C', '\n# D'])]) {
      const t = planTimeline(deck);
      const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      expect(t.durationInFrames).toBe(sum(t.slides.map((s) => s.durationInFrames)) - sum(t.slides.map((s) => s.transitionIn.frames)));
      expect(t.slides.map((s) => s.durationInFrames)).toEqual(
        deck.slides.map((s) => Math.round(slideSeconds(s, deck.options.duration) * 30)),
      );
    }
  });

  it('transitions for 15 frames at 30 fps, except into the first slide and with `none`', () => {
    const t = planTimeline(slidesDeck(['\n# A', '\n# B', 'transition: none\n---\n\n# C', 'transition: wipe\n---\n\n# D'], 'transition: slide'));
    expect(t.slides.map((s) => s.transitionIn)).toEqual([
      { type: 'slide', frames: 0 },
      { type: 'slide', frames: 15 },
      { type: 'none', frames: 0 },
      { type: 'wipe', frames: 15 },
    ]);
    expect(planTimeline(slidesDeck(['\n# A', '\n# B'], 'transition: none')).slides[1].transitionIn.frames).toBe(0);
    expect(planTimeline(slidesDeck(['\n# A', '\n# B']), { fps: 60 }).slides[1].transitionIn.frames).toBe(30);
  });

  it('transitions across the overlap: each slide starts when the one before begins to leave', () => {
    const t = planTimeline(realDeck);
    t.slides.slice(1).forEach((s, i) => {
      const prev = t.slides[i];
      expect(s.from).toBe(prev.from + prev.durationInFrames - s.transitionIn.frames);
    });
  });

  it.each([
    ['a short slide', ['\n# A', 'duration: 0.9\n---\n\n# B', '\n# C'], [0, 9, 9]],
    ['a 1 s slide before a 3 s one', ['\n# A', 'duration: 1\n---\n\n# B', 'duration: 3\n---\n\n# C'], [0, 10, 10]],
    ['a 1.5 s slide: a third is 15 frames', ['\n# A', 'duration: 1.5\n---\n\n# B'], [0, 15]],
  ])('clamps a transition to a third of the shorter neighbour: %s', (_what, bodies, frames) => {
    const t = planTimeline(slidesDeck(bodies));
    expect(t.slides.map((s) => s.transitionIn.frames)).toEqual(frames);
    expectTiles(t);
  });

  it('starts list builds after the transition in, spaced by half a second, and settles after the last', () => {
    const t = planTimeline(slidesDeck(['\n# A', '\n- a\n- b\n- c', '\n# C']));
    const s = t.slides[1];
    expect(s.transitionIn.frames).toBe(15);
    expect(s.builds).toEqual([15, 30, 45]);
    expect(s.buildFrames).toBe(12);
    expect(s.settledAt).toBe(45 + 12);
    expect(t.slides[0]).toMatchObject({ builds: [], buildFrames: 0, settledAt: 0 });
    expect(t.slides[2]).toMatchObject({ builds: [], buildFrames: 0, settledAt: 15 });
  });

  it('builds a first-slide list from frame 0, and a quote`s attribution a beat after the quote', () => {
    const t = planTimeline(slidesDeck(['\n- a\n- b', '\n> “Words”\n>\n> – Someone']));
    expect(t.slides[0]).toMatchObject({ builds: [0, 15], settledAt: 27 });
    expect(t.slides[1]).toMatchObject({ builds: [30], buildFrames: 12, settledAt: 42 });
  });

  it('packs builds closer on a short slide so that they finish before it leaves', () => {
    const t = planTimeline(slidesDeck(['\n# A', 'duration: 2\n---\n\n- a\n- b\n- c\n- d', '\n# C']));
    const s = t.slides[1];
    expect(s.builds[0]).toBe(s.transitionIn.frames);
    const steps = s.builds.slice(1).map((b, k) => b - s.builds[k]);
    expect(new Set(steps).size).toBe(1);
    expect(steps[0]).toBeGreaterThan(0);
    expect(steps[0]).toBeLessThan(15);
    const tOut = t.slides[2].transitionIn.frames;
    expect(s.settledAt).toBe(s.builds.at(-1)! + s.buildFrames);
    expect(s.settledAt).toBeLessThanOrEqual(s.durationInFrames - tOut);
  });

  it('settles every slide of the real deck after its builds and before it leaves', () => {
    const t = planTimeline(realDeck);
    t.slides.forEach((s, i) => {
      const tOut = t.slides[i + 1]?.transitionIn.frames ?? 0;
      expect(s.settledAt).toBeGreaterThanOrEqual(Math.max(s.transitionIn.frames, (s.builds.at(-1) ?? 0) + s.buildFrames));
      expect(s.settledAt).toBeLessThanOrEqual(s.durationInFrames - tOut);
    });
    expect(t.slides.filter((s) => s.builds.length > 0).map((s) => [s.index, s.builds.length])).toEqual([
      [2, 5], [4, 1], [5, 1], [6, 1], [7, 5], [8, 5], [9, 5],
    ]);
  });

  it('tiles the timeline with the slides', () => {
    expectTiles(planTimeline(realDeck));
    expectTiles(planTimeline(slidesDeck(['\n# A', 'transition: none\n---\n\n# B', '\n- a\n- b\n- c'])));
    expectTiles(planTimeline(slidesDeck(['\n# Only'])));
  });

  it('carries each slide`s index, title and slug', () => {
    const t = planTimeline(realDeck);
    expect(t.slides[6]).toMatchObject({ index: 7, title: 'POPPYCOCK!', slug: 'poppycock' });
  });
});

describe('fps and resolution', () => {
  const deck = slidesDeck(['\n# A', '\n# B']);

  it.each([
    [{}, 30, 1920, 1080],
    [{ resolution: '720p' }, 30, 1280, 720],
    [{ resolution: '640x360' }, 30, 640, 360],
    [{ fps: 60, resolution: '2160p' }, 60, 3840, 2160],
    [{ fps: 24 }, 24, 1920, 1080],
  ])('plans %j at %i fps, %ix%i', (overrides, fps, width, height) => {
    const t = planTimeline(deck, overrides);
    expect(t).toMatchObject({ fps, width, height });
    expect(t.slides[0].durationInFrames).toBe(4 * fps);
    expect(t.durationInFrames).toBe(8 * fps - Math.round(0.5 * fps));
  });

  it('uses the deck`s fps and resolution options, and rejects an invalid resolution override', () => {
    expect(planTimeline(slidesDeck(['\n# A'], 'fps: 25\nresolution: 1440p'))).toMatchObject({ fps: 25, width: 2560, height: 1440, durationInFrames: 100 });
    expect(() => planTimeline(deck, { resolution: 'huge' })).toThrow(/invalid resolution huge/);
  });
});

describe('slide selection', () => {
  const eight = slidesDeck(Array.from({ length: 8 }, (_, i) => `\n# Slide number ${i + 1}`));

  it.each([
    ['2,5-7', [2, 5, 6, 7]],
    [' 7 , 1 ', [1, 7]],
    ['3-3,3,2-4', [2, 3, 4]],
    ['1-8', [1, 2, 3, 4, 5, 6, 7, 8]],
  ])('parses %j', (spec, slides) => {
    expect(parseSlideSelection(spec, 8)).toEqual({ slides });
  });

  it.each([
    ['0', /"0" is not a valid range/],
    ['9', /slide 9 does not exist \(the deck has 8 slides\)/],
    ['2-9', /slide 9 does not exist/],
    ['a-b', /"a-b" is not a slide number or range/],
    ['5-3', /"5-3" is not a valid range/],
    ['', /"" is not a slide number/],
    ['1,,2', /"" is not a slide number/],
  ])('rejects %j', (spec, message) => {
    const result = parseSlideSelection(spec, 8);
    expect('error' in result && result.error).toMatch(message);
  });

  it('plans only the selected slides, which keep their numbers', () => {
    const picked = parseSlideSelection('2,5-7', 8);
    if (!('slides' in picked)) throw new Error(picked.error);
    const selected = selectSlides(eight, picked.slides);
    expect(selected.slides.map((s) => s.index)).toEqual([2, 5, 6, 7]);
    expect(eight.slides).toHaveLength(8);
    const t = planTimeline(selected);
    expect(t.slides.map((s) => s.index)).toEqual([2, 5, 6, 7]);
    expect(t.slides[0].transitionIn.frames).toBe(0);
    expect(t.durationInFrames).toBe(4 * 120 - 3 * 15);
    expectTiles(t);
    expect(selectSlides(eight, undefined)).toBe(eight);
  });
});
