import type { Deck } from '../../deck/model.js';
import type { Timeline } from '../../timing/plan.js';
import type { PublishedFiles } from '../../publish/publish.js';

export interface ManifestSlide {
  index: number;
  title: string;
  slug: string;
  layout: string;
  startFrame: number;
  durationInFrames: number;
  startSeconds: number;
  /** The slide's build steps (list items, clicks): the frames each fades in over, in the talk. */
  builds: { startFrame: number; endFrame: number }[];
  thumbnail: string | null;
  notes: string;
}

export interface Manifest {
  title: string;
  deck: string;
  fps: number;
  width: number;
  height: number;
  durationInFrames: number;
  durationInSeconds: number;
  video: string | null;
  /** The recording muxed into the video (its path relative to the output folder), or null. */
  audio: string | null;
  /** Files for publishing the talk, beside the video; null when not written (no chapters, no notes). */
  chapters: string | null;
  captions: { srt: string; vtt: string } | null;
  poster: string | null;
  contactSheet: string | null;
  page: string | null;
  slides: ManifestSlide[];
}

export const thumbnailName = (deck: Deck, index: number) => {
  const slide = deck.slides.find((s) => s.index === index);
  const width = Math.max(2, String(deck.slides.length).length);
  return `${String(index).padStart(width, '0')}-${slide?.slug ?? 'slide'}.png`;
};

/** What was rendered, for people and programs: slides tile the timeline without gaps. */
export function buildManifest(
  deck: Deck,
  fullDeck: Deck,
  timeline: Timeline,
  /** `deck` is the deck's path as the manifest names it (relative to the output folder). */
  outputs: { video: string | null; thumbnails: boolean; deck: string; published?: PublishedFiles; audio?: string | null },
): Manifest {
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return {
    title: deck.title,
    deck: outputs.deck,
    fps: timeline.fps,
    width: timeline.width,
    height: timeline.height,
    durationInFrames: timeline.durationInFrames,
    durationInSeconds: round(timeline.durationInFrames / timeline.fps),
    video: outputs.video,
    audio: outputs.audio ?? null,
    chapters: outputs.published?.chapters ?? null,
    captions: outputs.published?.captions ?? null,
    poster: outputs.published?.poster ?? null,
    contactSheet: outputs.published?.contactSheet ?? null,
    page: outputs.published?.page ?? null,
    slides: timeline.slides.map((t, i) => ({
      index: t.index,
      title: t.title,
      slug: t.slug,
      layout: deck.slides[i].layout,
      startFrame: t.start,
      durationInFrames: t.end - t.start,
      startSeconds: round(t.start / timeline.fps),
      builds: t.builds.map((b) => ({ startFrame: t.from + b, endFrame: t.from + b + t.buildFrames })),
      thumbnail: outputs.thumbnails ? `thumbnails/${thumbnailName(fullDeck, t.index)}` : null,
      notes: deck.slides[i].notes,
    })),
  };
}
