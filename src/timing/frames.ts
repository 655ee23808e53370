import type { Deck, Slide } from '../deck/model.js';
import { stillFrame, type Timeline, type TimelineSlide } from './plan.js';

/**
 * What the fast renderer captures and encodes, derived from the timeline. Pure.
 *
 * A talk is mostly held slides. Each `motion` segment's frames all differ and are captured once
 * each; a `hold` is one picture repeated `length` times, captured once and encoded once as a
 * short closed GOP that is then repeated by stream copy, so a hold's length costs almost nothing.
 */
export type Segment =
  | { kind: 'motion'; frames: number[] }
  | { kind: 'hold'; frame: number; length: number };

export function segmentsOf(timeline: Timeline): Segment[] {
  return timeline.spans.map((s) =>
    s.kind === 'motion'
      ? { kind: 'motion', frames: range(s.from, s.to) }
      : { kind: 'hold', frame: s.from, length: s.to - s.from },
  );
}

/** Every frame the video needs captured: all motion frames and the first frame of each hold. */
export function distinctFrames(segments: Segment[]): number[] {
  return segments.flatMap((s) => (s.kind === 'motion' ? s.frames : [s.frame]));
}

export const thumbnailFrames = (timeline: Timeline) => timeline.slides.map(stillFrame);

/**
 * A description of everything that decides what frame `f` looks like, as a string: the content
 * of each slide on screen, how far into its own animation it is, and the transition between
 * them. Two frames with equal descriptions are the same picture (for one theme, size and
 * renderer), whatever their position in the talk, so it is the key under which rendered frames
 * and segments are cached: editing one slide changes the descriptions of its frames only.
 */
export function describeFrame(deck: Deck, timeline: Timeline, f: number): string {
  const on = timeline.slides
    .map((t, i) => ({ t, slide: deck.slides[i], i }))
    .filter(({ t }) => f >= t.from && f < t.from + t.durationInFrames);
  const parts = on.map(({ t, slide }) => ({ slide: visual(slide, t), at: stateAt(t, f - t.from) }));
  const incoming = on.at(-1);
  const transition =
    on.length > 1 && incoming
      ? { type: incoming.t.transitionIn.type, frames: incoming.t.transitionIn.frames, at: f - incoming.t.from }
      : null;
  return JSON.stringify({ parts, transition });
}

/** A slide's own frame, except that every frame after it settled is the same state. */
const stateAt = (t: TimelineSlide, rel: number) => (rel >= t.settledAt ? 'settled' : rel);

/** What is drawn for a slide: its content without source positions, and its own animation. */
function visual(slide: Slide, t: TimelineSlide) {
  const blocks = slide.blocks.map(({ line: _line, ...rest }) => {
    if ('column' in rest) {
      const { column: _column, ...image } = rest;
      return image;
    }
    return rest;
  });
  return { layout: slide.layout, blocks, builds: t.builds, buildFrames: t.buildFrames, settledAt: t.settledAt, tIn: t.transitionIn.frames };
}

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
