import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Deck } from '../../src/deck/model.js';
import { parseDeck } from '../../src/deck/parse.js';
import { describeFrame, distinctFrames, joinShortHolds, segmentsOf, thumbnailFrames, type Segment } from '../../src/timing/frames.js';
import { planTimeline, type Timeline } from '../../src/timing/plan.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const source = fs.readFileSync(path.join(repo, 'deck/scaling-python.md'), 'utf8');
const deckOf = (text: string) => {
  const { deck, diagnostics } = parseDeck(text);
  expect(diagnostics).toEqual([]);
  return deck;
};
const deck = deckOf(source);
const timeline = planTimeline(deck);
const segments = segmentsOf(timeline);

/** Every frame the segments stand for, in order: motion and blend frames, each hold's frames. */
const expand = (segs: Segment[]) =>
  segs.flatMap((s) => (s.kind === 'hold' ? Array.from({ length: s.length }, (_, k) => s.frame + k) : s.frames));
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);
const describe_ = (d: Deck, t: Timeline) => (f: number) => describeFrame(d, t, f);

describe('segmentsOf', () => {
  const decks: [string, Deck][] = [
    ['the real deck', deck],
    ['a deck with builds, quotes and no transitions', deckOf('# A\n\n---\n\n- a\n- b\n- c\n\n---\ntransition: none\n---\n\n> “Q”\n>\n> – R\n\n---\n\n# End\n')],
    ['a one-slide deck', deckOf('# Only\n')],
    ['a deck at 24 fps', deckOf('---\nfps: 24\ntransition: wipe\n---\n\n# A\n\n---\n\n- a\n- b\n')],
  ];

  it.each(decks)('covers every frame of %s exactly once, in order', (_name, d) => {
    const t = planTimeline(d);
    const segs = segmentsOf(t);
    expect(expand(segs)).toEqual(range(0, t.durationInFrames));
    const held = segs.reduce((n, s) => n + (s.kind === 'hold' ? s.length : s.frames.length), 0);
    for (const s of segs) if (s.kind === 'blend') expect(s.b).toBeLessThan(t.durationInFrames);
    expect(held).toBe(t.durationInFrames);
  });

  it('lists consecutive frames in each motion segment and gives every segment at least one frame', () => {
    for (const s of segments) {
      if (s.kind !== 'hold') {
        expect(s.frames.length).toBeGreaterThan(0);
        expect(s.frames).toEqual(range(s.frames[0], s.frames[0] + s.frames.length));
      } else {
        expect(s.length).toBeGreaterThan(0);
      }
    }
    expect(segments.map((s) => s.kind)).toContain('blend');
    expect(segments.at(-1)).toMatchObject({ kind: 'hold' });
  });

  it('makes every transition and every build motion, and the settled part of each slide one hold', () => {
    const motion = new Set(segments.flatMap((s) => (s.kind === 'hold' ? [] : s.frames)));
    for (const s of timeline.slides) {
      for (const f of range(s.start, s.start + s.transitionIn.frames)) expect(motion.has(f)).toBe(true);
      for (const b of s.builds) for (const f of range(s.from + b, s.from + b + s.buildFrames)) expect(motion.has(f)).toBe(true);
      const settled = segments.find((g) => g.kind === 'hold' && g.frame === s.from + s.settledAt);
      expect(settled).toEqual({ slide: s.index, kind: 'hold', frame: s.from + s.settledAt, length: s.end - (s.from + s.settledAt) });
    }
  });
});

describe('joinShortHolds', () => {
  const gop = 15;
  const joined = joinShortHolds(segments, gop);

  it('still covers every frame exactly once, in order, with the same pictures to capture', () => {
    expect(expand(joined)).toEqual(range(0, timeline.durationInFrames));
    expect(distinctFrames(joined)).toEqual(distinctFrames(segments));
  });

  it('leaves no short hold right after a blend that ends on its picture', () => {
    const pauses = segments.filter((s, i) => s.kind === 'hold' && s.length < gop && segments[i - 1]?.kind === 'blend');
    expect(pauses.length).toBeGreaterThan(0); // the talk's list items pause between fades
    expect(joined).toHaveLength(segments.length - pauses.length);
    joined.forEach((s, i) => {
      const before = joined[i - 1];
      if (s.kind === 'hold' && before?.kind === 'blend' && before.b === s.frame) expect(s.length).toBeGreaterThanOrEqual(gop);
    });
  });

  it('shows the held picture at full opacity at the end of the blend', () => {
    for (const pause of segments.filter((s): s is Extract<Segment, { kind: 'hold' }> => s.kind === 'hold' && s.length < gop)) {
      const blend = joined.find((s): s is Extract<Segment, { kind: 'blend' }> => s.kind === 'blend' && s.frames.includes(pause.frame));
      if (!blend) continue; // a pause after motion that is not a blend stays a hold
      expect(blend.b).toBe(pause.frame);
      expect(blend.alphas.slice(-pause.length)).toEqual(Array(pause.length).fill(1));
      expect(blend.frames.slice(-pause.length)).toEqual(range(pause.frame, pause.frame + pause.length));
      expect(blend.alphas).toHaveLength(blend.frames.length);
    }
  });
});

describe('distinctFrames', () => {
  const frames = distinctFrames(segments);

  it('needs far fewer captures than the talk has frames', () => {
    expect(frames.length).toBeLessThan(timeline.durationInFrames / 4);
    const needed = new Set(segments.flatMap((s) => (s.kind === 'motion' ? s.frames : s.kind === 'hold' ? [s.frame] : [s.a, s.b])));
    expect(frames.length).toBe(needed.size);
  });

  it('lists unique frames in increasing order, all inside the talk', () => {
    expect(frames).toEqual([...new Set(frames)].sort((a, b) => a - b));
    expect(frames[0]).toBe(0);
    expect(frames.at(-1)!).toBeLessThan(timeline.durationInFrames);
  });

  it('takes each thumbnail on a settled frame inside its slide', () => {
    const thumbs = thumbnailFrames(timeline);
    expect(thumbs).toHaveLength(19);
    timeline.slides.forEach((s, i) => {
      expect(thumbs[i]).toBe(s.from + s.settledAt);
      expect(thumbs[i]).toBeGreaterThanOrEqual(s.start);
      expect(thumbs[i]).toBeLessThan(s.end);
    });
  });
});

describe('describeFrame', () => {
  const at = describe_(deck, timeline);

  it('describes every frame of the hold that ends each slide alike', () => {
    for (const s of timeline.slides) {
      const first = at(s.from + s.settledAt);
      for (const f of range(s.from + s.settledAt, s.end)) expect(at(f)).toBe(first);
    }
  });

  it('describes every frame of a transition or a build differently', () => {
    for (const seg of segments) {
      if (seg.kind !== 'motion') continue;
      expect(new Set(seg.frames.map(at)).size).toBe(seg.frames.length);
    }
    const bullets = timeline.slides[1]; // CPython, Openstack, ...: five builds
    expect(bullets.builds).toHaveLength(5);
    const build = range(bullets.from + bullets.builds[2], bullets.from + bullets.builds[2] + bullets.buildFrames);
    expect(new Set(build.map(at)).size).toBe(bullets.buildFrames);
  });

  it('describes the first frame of a blend after a hold as the held picture: it is captured once', () => {
    let checked = 0;
    segments.forEach((seg, k) => {
      const before = segments[k - 1];
      if (seg.kind !== 'blend' || before?.kind !== 'hold') return;
      expect(at(seg.a)).toBe(at(before.frame));
      checked++;
    });
    expect(checked).toBeGreaterThan(30);
    const pictures = new Set(distinctFrames(segments).map(at));
    expect(pictures.size).toBeLessThan(distinctFrames(segments).length);
  });

  it('describes different slides differently and identical slides alike, wherever they are', () => {
    const settled = timeline.slides.map((s) => at(s.from + s.settledAt));
    // Slides 15 and 16 (CODE REVIEW) show the same thing; only their notes differ.
    expect(settled[14]).toBe(settled[15]);
    expect(new Set(settled).size).toBe(18);
    // Slides 10 and 11 share a heading but not their content.
    expect(settled[9]).not.toBe(settled[10]);
  });

  it('changes only the frames of an edited slide, although later slides move', () => {
    const before = 'great for toys, one-off jobs';
    expect(source).toContain(before);
    const editedDeck = deckOf(source.replace(before, 'great for toys, scripts, glue code, notebooks, one-off jobs'));
    const edited = planTimeline(editedDeck);
    const after = describe_(editedDeck, edited);
    const [old5, new5] = [timeline.slides[4], edited.slides[4]];
    expect(new5.durationInFrames).toBeGreaterThan(old5.durationInFrames);
    expect(edited.slides[5].from).toBe(timeline.slides[5].from + new5.durationInFrames - old5.durationInFrames);

    // Where slide 5 is on screen, every frame looks different. The first frame of its transition
    // in does not show it yet: that frame is slide 4's held picture.
    expect(new5.transitionIn.frames).toBeGreaterThan(0);
    expect(after(new5.from)).toBe(after(edited.slides[3].from + edited.slides[3].settledAt));
    for (const rel of range(1, old5.durationInFrames)) expect(after(new5.from + rel)).not.toBe(at(old5.from + rel));

    // Every other slide: its settled frame, and every frame of its sequence away from slide 5, is unchanged.
    const inSlide5 = (s: typeof new5, f: number) => f >= s.from && f < s.from + s.durationInFrames;
    let compared = 0;
    timeline.slides.forEach((s, i) => {
      if (i === 4) return;
      const moved = edited.slides[i];
      expect(moved.durationInFrames).toBe(s.durationInFrames);
      expect(after(moved.from + moved.settledAt)).toBe(at(s.from + s.settledAt));
      for (const rel of range(0, s.durationInFrames)) {
        if (inSlide5(new5, moved.from + rel) || inSlide5(old5, s.from + rel)) continue;
        expect(after(moved.from + rel)).toBe(at(s.from + rel));
        compared++;
      }
    });
    expect(compared).toBeGreaterThan(timeline.durationInFrames * 0.8);
  });
});

describe('describeFrame and the deck\'s look', () => {
  const base = '---\ntitle: Talk\n---\n\n# A\n\nJane\n\n---\n\n# B\n';
  const last = (d: Deck) => {
    const t = planTimeline(d);
    return describeFrame(d, t, t.durationInFrames - 1);
  };
  const plain = last(deckOf(base));

  it.each([
    ['theme', 'theme: light'],
    ['accent', 'accent: "#fb7185"'],
    ['paginate', 'paginate: true'],
  ])('changes every frame when %s changes', (_name, option) => {
    expect(last(deckOf(base.replace('title: Talk', `title: Talk\n${option}`)))).not.toBe(plain);
  });

  it('changes with the logo picture, by a digest rather than the whole picture', () => {
    const withLogo = (src: string) => ({ ...deckOf(base), logo: { path: 'l.svg', src, line: 2, column: 1 } });
    const a = last(withLogo(`data:image/svg+xml;base64,${'A'.repeat(5000)}`));
    const b = last(withLogo(`data:image/svg+xml;base64,${'A'.repeat(4999)}B`));
    expect(a).not.toBe(plain);
    expect(a).not.toBe(b);
    expect(a.length).toBeLessThan(plain.length + 200);
  });

  it('with paginate, differs between slides whose only difference is their number or the talk title', () => {
    const twins = '---\ntitle: Talk\npaginate: true\n---\n\n# Start\n\nJane\n\n---\n\n# Same\n\n---\n\n# Same\n\n---\n\n# End\n';
    const d = deckOf(twins);
    const t = planTimeline(d);
    const still = (i: number) => describeFrame(d, t, t.slides[i].from + t.slides[i].settledAt);
    expect(still(1)).not.toBe(still(2));
    const retitled = deckOf(twins.replace('title: Talk', 'title: Other'));
    expect(describeFrame(retitled, t, t.slides[1].from + t.slides[1].settledAt)).not.toBe(still(1));
    // Without a footer, the two slides are the same picture and share a cache entry.
    const bare = deckOf(twins.replace('paginate: true', 'paginate: false'));
    const tb = planTimeline(bare);
    expect(describeFrame(bare, tb, tb.slides[1].from + tb.slides[1].settledAt)).toBe(describeFrame(bare, tb, tb.slides[2].from + tb.slides[2].settledAt));
  });
});

describe('blends', () => {
  it('make every fade transition and every lone build a blend from the frame before to the frame after', () => {
    const blends = segments.filter((s): s is Extract<Segment, { kind: 'blend' }> => s.kind === 'blend');
    expect(blends.length).toBe(timeline.spans.filter((s) => s.kind === 'motion').length);
    for (const b of blends) {
      expect(b.a).toBe(b.frames[0]);
      expect(b.b).toBe(b.frames.at(-1)! + 1);
      expect(b.alphas[0]).toBe(0);
      expect(b.alphas.every((x, i) => i === 0 || x > b.alphas[i - 1])).toBe(true);
      expect(b.alphas.at(-1)!).toBeLessThan(1);
    }
  });

  it('are not used for slide and wipe transitions, which move pixels', () => {
    const d = deckOf('---\ntransition: wipe\n---\n\n# A\n\n---\n\n# B\n');
    const segs = segmentsOf(planTimeline(d));
    expect(segs.map((s) => s.kind)).toEqual(['hold', 'motion', 'hold']);
  });
});
