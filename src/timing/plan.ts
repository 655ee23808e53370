import { notesText, parseResolution, type Deck, type Slide, type TransitionName } from '../deck/model.js';

/**
 * Deck -> Timeline: how many frames each slide is on screen, where transitions overlap, when list
 * items build, and which frames are static. Pure arithmetic: no React, no Remotion, no files.
 *
 * Slides play as a Remotion TransitionSeries: slide i is a sequence of `durationInFrames` frames
 * starting at `from`; its transition in overlaps the end of slide i-1 by `transitionIn.frames`.
 * So the talk lasts sum(durations) - sum(transitions).
 */
export const TIMING = {
  /** Seconds of a transition between slides. */
  transitionSeconds: 0.5,
  /** Seconds between two list items appearing, and the length of one item's entrance. */
  buildStepSeconds: 0.5,
  buildAnimSeconds: 0.4,
  /**
   * Automatic duration: a base, plus reading at a calm pace, never under the minimum, and long
   * enough to read the slide's notes, which the captions show, with a transition to spare.
   */
  autoBaseSeconds: 2,
  wordsPerSecond: 2.5,
  minSeconds: 4,
  /** The captions' comfortable reading pace. */
  captionCharsPerSecond: 17,
} as const;

export interface TimelineSlide {
  index: number;
  title: string;
  slug: string;
  /** First frame of the slide's sequence in the talk. */
  from: number;
  /** Length of the slide's sequence (its transition in and out included). */
  durationInFrames: number;
  transitionIn: { type: TransitionName; frames: number };
  /** Frames (relative to `from`) at which each list item starts to appear. */
  builds: number[];
  buildFrames: number;
  /** Relative frame from which nothing on the slide moves until the next transition begins. */
  settledAt: number;
  /** Where the slide starts and ends in the talk: slides tile the timeline without gaps. */
  start: number;
  end: number;
}

/**
 * A run of frames [from, to): `motion` frames all differ; a `hold` repeats its first frame.
 * A motion span says what moves: a transition between two slides, or one build step fading in
 * alone (a `clean` build does not overlap the build before or after it).
 */
export interface Span {
  kind: 'motion' | 'hold';
  from: number;
  to: number;
  slide: number;
  cause?: { type: 'transition'; transition: TransitionName } | { type: 'build'; clean: boolean };
}

export interface Timeline {
  fps: number;
  width: number;
  height: number;
  durationInFrames: number;
  slides: TimelineSlide[];
  spans: Span[];
}

export interface PlanOverrides {
  fps?: number;
  resolution?: string;
  /**
   * Recorded timings: the second at which each slide starts (one per slide, increasing, the
   * first 0). Each slide then lasts until the next one starts. Default: the deck's `recording`.
   */
  starts?: number[];
  /** Where the talk ends (the length of the recording): the last slide holds until then. */
  endSeconds?: number;
}

/**
 * The build steps after the slide is in: its clicks (list items appearing one after another,
 * the deck's own clicks: see the parser's slide-clicks.ts), or a quote's attribution after the quote.
 */
export function buildCount(slide: Slide): number {
  if (slide.clicks !== undefined) return slide.clicks;
  if (slide.layout === 'quote') return slide.blocks.some((b) => b.type === 'quote' && b.attribution) ? 1 : 0;
  return 0;
}

export function slideSeconds(slide: Slide, deckDuration: Slide['duration'] | undefined): number {
  const chosen = slide.duration ?? deckDuration ?? 'auto';
  if (chosen !== 'auto') return chosen;
  const reading = TIMING.autoBaseSeconds + slide.words / TIMING.wordsPerSecond;
  const building = buildCount(slide) * TIMING.buildStepSeconds;
  const notes = notesText(slide).length;
  const captions = notes === 0 ? 0 : notes / TIMING.captionCharsPerSecond + TIMING.transitionSeconds;
  return Math.max(TIMING.minSeconds, reading + building, captions);
}

export function planTimeline(deck: Deck, overrides: PlanOverrides = {}): Timeline {
  const fps = overrides.fps ?? deck.options.fps;
  const size = parseResolution(overrides.resolution ?? deck.options.resolution, deck.options.aspect);
  if (!size) throw new Error(`invalid resolution ${overrides.resolution ?? deck.options.resolution}`);

  let durations = deck.slides.map((s) => Math.max(1, Math.round(slideSeconds(s, deck.options.duration) * fps)));
  // A transition may not be longer than a third of either neighbour, so that two transitions
  // never overlap on one slide and each slide is seen whole.
  const transitionsFor = (lengths: number[]) => deck.slides.map((s, i) => {
    const type = s.transition ?? deck.options.transition;
    if (i === 0 || type === 'none') return { type, frames: 0 };
    const wanted = Math.round(TIMING.transitionSeconds * fps);
    return { type, frames: Math.min(wanted, Math.floor(Math.min(lengths[i - 1], lengths[i]) / 3)) };
  });
  let transitions = transitionsFor(durations);
  const endSeconds = overrides.endSeconds ?? deck.recording?.endSeconds;
  const end = endSeconds !== undefined ? Math.round(endSeconds * fps) : null;
  const recordedStarts = overrides.starts ?? deck.recording?.starts;
  if (recordedStarts) {
    // Recorded timings: slide i is on screen from its start to the next one's, and its sequence
    // also covers the next slide's transition in, which overlaps its end.
    const starts = recordedStarts.map((t) => Math.round(t * fps));
    const lastEnd = end ?? starts[starts.length - 1] + durations[durations.length - 1];
    const shown = starts.map((st, i) => Math.max(1, (starts[i + 1] ?? lastEnd) - st));
    transitions = transitionsFor(shown);
    durations = shown.map((n, i) => n + (transitions[i + 1]?.frames ?? 0));
  } else if (end !== null && durations.length > 0) {
    // The last slide holds to the end of the recording.
    const total = durations.reduce((a, b) => a + b, 0) - transitions.reduce((a, t) => a + t.frames, 0);
    durations[durations.length - 1] += Math.max(0, end - total);
  }

  const slides: TimelineSlide[] = [];
  let from = 0;
  deck.slides.forEach((s, i) => {
    from -= transitions[i].frames;
    const duration = durations[i];
    const tIn = transitions[i].frames;
    const tOut = transitions[i + 1]?.frames ?? 0;
    const n = buildCount(s);
    // Builds happen while the slide is fully on screen, and finish before it starts to leave; on
    // a short slide they are compressed (down to appearing at once) rather than cut off.
    const onScreen = duration - tIn - tOut;
    const buildFrames = n > 0 ? Math.min(Math.round(TIMING.buildAnimSeconds * fps), Math.floor(onScreen / 2)) : 0;
    const room = Math.max(0, onScreen - buildFrames);
    const wantedStep = Math.round(TIMING.buildStepSeconds * fps);
    const step = n > 1 ? Math.min(wantedStep, Math.floor(room / (n - 1) / 2)) : 0;
    // A quote's attribution waits a beat after the quote; list items start as soon as the slide is in.
    const delay = s.layout === 'quote' ? Math.min(wantedStep, Math.floor(room / 2)) : 0;
    const builds = Array.from({ length: n }, (_, k) => tIn + delay + k * step);
    const settledAt = n > 0 ? builds[n - 1] + buildFrames : tIn;
    slides.push({
      index: s.index,
      title: s.title,
      slug: s.slug,
      from: Math.max(0, from),
      durationInFrames: duration,
      transitionIn: transitions[i],
      builds,
      buildFrames,
      settledAt,
      start: Math.max(0, from),
      end: 0,
    });
    from += duration;
  });
  const total = Math.max(0, from);
  slides.forEach((s, i) => {
    s.end = slides[i + 1]?.start ?? total;
  });
  return { fps, width: size.width, height: size.height, durationInFrames: total, slides, spans: spansOf(slides) };
}

/** Splits the talk into motion (transitions, builds) and holds (everything else). */
function spansOf(slides: TimelineSlide[]): Span[] {
  const spans: Span[] = [];
  const push = (span: Span) => {
    if (span.to > span.from) spans.push(span);
  };
  for (const s of slides) {
    const tIn = s.transitionIn.frames;
    push({ kind: 'motion', from: s.start, to: s.start + tIn, slide: s.index, cause: { type: 'transition', transition: s.transitionIn.type } });
    let cursor = s.start + tIn;
    s.builds.forEach((b, k) => {
      const start = s.from + b;
      const end = start + s.buildFrames;
      push({ kind: 'hold', from: cursor, to: start, slide: s.index });
      const next = s.builds[k + 1];
      const clean = start >= cursor && (next === undefined || s.from + next >= end);
      push({ kind: 'motion', from: Math.max(cursor, start), to: end, slide: s.index, cause: { type: 'build', clean } });
      cursor = Math.max(cursor, end);
    });
    push({ kind: 'hold', from: cursor, to: s.end, slide: s.index });
  }
  return spans;
}

/** Frame at which a slide's thumbnail is taken: fully built, before it starts to leave. */
export const stillFrame = (s: TimelineSlide) => Math.min(s.from + s.settledAt, s.end - 1);
