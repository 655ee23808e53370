import type { Deck } from '../../deck/model.js';
import { describeFrame, joinShortHolds, segmentsOf, thumbnailFrames, type Segment } from '../../timing/frames.js';
import type { Timeline } from '../../timing/plan.js';
import { sha256, type Store } from '../cache/cache.js';
import { JPEG_QUALITY } from '../capture/capture.js';
import type { PictureSegment } from '../encode/encode-batch.js';
import { ENCODER, gopFrames, type VideoFormat } from '../encode/x264.js';
import { renderKey } from './render-key.js';

/** A segment of the video that is captured frame by frame (as JPEGs) and encoded as it is. */
export interface MotionSegment {
  kind: 'motion';
  frames: number[];
  key: string;
}

/** What one segment of the timeline is encoded from. */
export type Planned =
  | MotionSegment
  /** Segments made from captured PNG pictures only: a hold's parts, or one blend. */
  | { kind: 'pictures'; needs: { frame: number; key: string }[]; parts: Part[] };

/** One encoded segment of a `pictures` entry; it appears `repeat` times in a row in the video. */
export interface Part {
  key: string;
  frames: number;
  repeat: number;
  /** What it shows, given the PNG files of the entry's pictures. */
  segment: (pngs: string[]) => PictureSegment;
}

/** A part missing from the cache, with the keys of the pictures it is made from. */
export interface PartToEncode {
  part: Part;
  keys: string[];
}

export interface SegmentInputs {
  deck: Deck;
  timeline: Timeline;
  format: VideoFormat;
  browserExecutable: string | null;
  /** False for thumbnails only: no segment is planned. */
  video: boolean;
}

/** The fast render's plan: every segment with its cache keys, and what is missing from the cache. */
export interface SegmentPlan {
  /** The timeline's segments, and what each is encoded from (both empty without a video). */
  segments: Segment[];
  planned: Planned[];
  /** The cache key of the picture at a frame: what it shows, at these sizes and settings. */
  frameKey: (frame: number) => string;
  /** The frames of the slides' thumbnails, in timeline order. */
  stills: number[];
  /** Pictures to capture as PNG (holds, blends' ends, thumbnails) and as JPEG (other motion), by frame. */
  pngToCapture: number[];
  jpegToCapture: number[];
  motionToEncode: MotionSegment[];
  partsToEncode: PartToEncode[];
  /** Pictures and segments taken from the cache. */
  cachedPictures: number;
  cachedSegments: number;
}

export function planSegments(input: SegmentInputs, stores: { pictures: Store; segments: Store }): SegmentPlan {
  const { timeline, format } = input;
  const frameKey = frameKeyOf(input);
  // A hold shorter than a GOP would be a segment of its own: it goes into the blend before it.
  const segments = joinShortHolds(segmentsOf(timeline), gopFrames(timeline.fps));
  const planned: Planned[] = input.video ? segments.map((s) => planSegment(s, frameKey, format)) : [];
  const missingMotion = planned.filter((p): p is MotionSegment => p.kind === 'motion' && !stores.segments.has(p.key, 'mp4'));
  const missingParts = planned.flatMap((p) => (p.kind === 'pictures' ? p.parts.filter((part) => !stores.segments.has(part.key, 'mp4')).map((part) => ({ p, part })) : []));
  const totalSegments = planned.reduce((n, p) => n + (p.kind === 'motion' ? 1 : p.parts.length), 0);

  // PNG for holds, blends' ends and thumbnails.
  const stills = thumbnailFrames(timeline);
  const pngWanted = new Map<string, number>();
  for (const { p } of missingParts) if (p.kind === 'pictures') for (const n of p.needs) pngWanted.set(n.key, n.frame);
  for (const f of stills) pngWanted.set(frameKey(f), f);
  const pngToCapture = [...pngWanted].filter(([key]) => !stores.pictures.has(key, 'png')).map(([, f]) => f).sort((x, y) => x - y);
  // Motion that looks the same at two places in the talk (same key) is captured and encoded once.
  const motionToEncode = [...new Map(missingMotion.map((m) => [m.key, m])).values()];
  const partsToEncode = [...new Map(missingParts.map(({ p, part }) => [part.key, { part, keys: (p as Extract<Planned, { kind: 'pictures' }>).needs.map((n) => n.key) }])).values()];
  return {
    segments: input.video ? segments : [],
    planned,
    frameKey,
    stills,
    pngToCapture,
    jpegToCapture: [...new Set(motionToEncode.flatMap((m) => m.frames))],
    motionToEncode,
    partsToEncode,
    cachedPictures: pngWanted.size - pngToCapture.length,
    cachedSegments: totalSegments - missingMotion.length - missingParts.length,
  };
}

/** Pictures are keyed by what they show (see describeFrame) and by everything that draws them. */
function frameKeyOf({ deck, timeline, format, browserExecutable }: SegmentInputs): (frame: number) => string {
  const { fps, width, height } = timeline;
  const base = renderKey({ width, height, fps, browser: browserExecutable, settings: { ENCODER, JPEG_QUALITY, format } });
  return (f) => sha256(`${base}\n${describeFrame(deck, timeline, f)}`);
}

function planSegment(s: Segment, frameKey: (f: number) => string, format: VideoFormat): Planned {
  if (s.kind === 'motion') return { kind: 'motion', frames: s.frames, key: sha256(`motion\n${s.frames.map(frameKey).join('\n')}`) };
  if (s.kind === 'blend') {
    const needs = [s.a, s.b].map((frame) => ({ frame, key: frameKey(frame) }));
    const key = sha256(`blend\n${needs[0].key}\n${needs[1].key}\n${s.alphas.join(',')}`);
    return {
      kind: 'pictures',
      needs,
      parts: [{ key, frames: s.frames.length, repeat: 1, segment: ([a, b]) => ({ kind: 'blend', a, b, alphas: s.alphas }) }],
    };
  }
  const pictureKey = frameKey(s.frame);
  const g = gopFrames(format.fps);
  const whole = Math.floor(s.length / g);
  const rest = s.length % g;
  const parts: Part[] = [];
  // A hold is one GOP of the picture repeated, and a shorter segment for what is left.
  for (const [frames, repeat] of [[g, whole], [rest, 1]] as const) {
    if (frames > 0 && repeat > 0) {
      parts.push({ key: sha256(`hold\n${pictureKey}\n${frames}`), frames, repeat, segment: ([png]) => ({ kind: 'hold', png, frames }) });
    }
  }
  return { kind: 'pictures', needs: [{ frame: s.frame, key: pictureKey }], parts };
}
