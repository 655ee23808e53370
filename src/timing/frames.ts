import type { Deck, Slide } from '../deck/model.js';
import { easeInOutCubic, easeOutCubic, progressAt } from './easing.js';
import { stillFrame, type Span, type Timeline, type TimelineSlide } from './plan.js';

/**
 * What the fast renderer captures and encodes, derived from the timeline. Pure.
 *
 * A talk is mostly held slides. A `hold` is one picture repeated `length` times: captured once,
 * encoded once as a short closed GOP that is repeated by stream copy, so a hold's length costs
 * almost nothing. A `blend` is motion that only changes opacity (a fade between slides, a list
 * item fading in): each of its frames is `(1 - alpha) * picture(a) + alpha * picture(b)`, so only
 * its two end pictures are captured. Any other `motion` (slide and wipe transitions, builds that
 * overlap) is captured frame by frame.
 */
export type Segment = { slide: number } & (
  | { kind: 'motion'; frames: number[] }
  | { kind: 'hold'; frame: number; length: number }
  | { kind: 'blend'; frames: number[]; a: number; b: number; alphas: number[] }
);

export function segmentsOf(timeline: Timeline): Segment[] {
  return timeline.spans.map((s): Segment => {
    const { slide } = s;
    if (s.kind === 'hold') return { slide, kind: 'hold', frame: s.from, length: s.to - s.from };
    const frames = range(s.from, s.to);
    const easing = blendEasing(s);
    // The blend's end picture is the first frame after it, which always exists inside the talk.
    if (easing && s.to < timeline.durationInFrames) {
      return { slide, kind: 'blend', frames, a: s.from, b: s.to, alphas: frames.map((_, k) => easing(k / frames.length)) };
    }
    return { slide, kind: 'motion', frames };
  });
}

/**
 * A hold shorter than `shortest` frames right after a blend that ends on its picture (the pause
 * between two list items fading in) becomes the blend's last frames, at full opacity: one segment
 * to encode instead of two. The frames are the same pictures either way.
 */
export function joinShortHolds(segments: Segment[], shortest: number): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    const before = out.at(-1);
    if (s.kind === 'hold' && s.length < shortest && before?.kind === 'blend' && before.b === s.frame && before.slide === s.slide) {
      const held = range(s.frame, s.frame + s.length);
      out[out.length - 1] = { ...before, frames: [...before.frames, ...held], alphas: [...before.alphas, ...held.map(() => 1)] };
    } else {
      out.push(s);
    }
  }
  return out;
}

/** The opacity curve of a span that is a pure cross-fade, or null. */
function blendEasing(s: Span): ((t: number) => number) | null {
  if (s.cause?.type === 'transition' && s.cause.transition === 'fade') return easeInOutCubic;
  if (s.cause?.type === 'build' && s.cause.clean) return easeOutCubic;
  return null;
}

/** Every frame whose picture must be captured: motion frames, each hold's and blend's end pictures. */
export function distinctFrames(segments: Segment[]): number[] {
  const frames = segments.flatMap((s) => (s.kind === 'motion' ? s.frames : s.kind === 'hold' ? [s.frame] : [s.a, s.b]));
  return [...new Set(frames)].sort((x, y) => x - y);
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
    .map((t, i) => ({ t, slide: deck.slides[i] }))
    .filter(({ t }) => f >= t.from && f < t.from + t.durationInFrames);
  const incoming = on.length > 1 ? on[on.length - 1] : undefined;
  const progress = incoming ? transitionProgress(incoming.t, f) : 1;
  // At the first frame of a transition the incoming slide is not drawn yet (faded out, pushed off
  // screen or wiped away): the picture is the outgoing slide alone, as in its hold.
  const shown = incoming && progress === 0 ? on.slice(0, -1) : on;
  const parts = shown.map(({ t, slide }) => ({ slide: visual(deck, slide), builds: buildState(t, f - t.from) }));
  const transition = shown.length > 1 && incoming ? { type: incoming.t.transitionIn.type, progress } : null;
  return JSON.stringify({ look: lookOf(deck), parts, transition });
}

/**
 * Deck-wide options that change slides' pictures (event and date show on the title slide); the
 * logo by a digest of its data.
 */
function lookOf(deck: Deck) {
  const { theme, accent, paginate, event, date } = deck.options;
  return { theme, accent: accent ?? null, paginate, event: event ?? null, date: date ?? null, logo: deck.logo?.src ? digest(deck.logo.src) : null };
}

/** FNV-1a: a short, pure fingerprint (the frame description is hashed again by the cache). */
function digest(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return `${text.length}:${h.toString(16)}`;
}

/** How far the transition into slide `t` has gone at talk frame `f` (its easing applied). */
const transitionProgress = (t: TimelineSlide, f: number) => progressAt(f, t.from, t.transitionIn.frames, easeInOutCubic);

/**
 * The opacity of each of a slide's builds at its own frame `rel`, as the layouts compute it:
 * frames that differ only in when they happen (the hold before a build and its first frame) are
 * one picture. Once everything is in, the slide is `settled`.
 */
function buildState(t: TimelineSlide, rel: number): number[] | 'settled' {
  const opacities = t.builds.map((b) => progressAt(rel, b, t.buildFrames, easeOutCubic));
  return opacities.every((o) => o === 1) ? 'settled' : opacities;
}

/**
 * What is drawn for a slide: its content without source positions, and the footer's number and
 * talk title when the deck paginates.
 */
function visual(deck: Deck, slide: Slide) {
  const blocks = slide.blocks.map(({ line: _line, ...rest }) => {
    if ('column' in rest) {
      const { column: _column, ...image } = rest;
      return image;
    }
    return rest;
  });
  const footer = deck.options.paginate ? { number: slide.index, talk: deck.title } : null;
  return { layout: slide.layout, style: slide.style, blocks, footer };
}

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
