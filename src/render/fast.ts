import path from 'node:path';
import type { makeCancelSignal, openBrowser } from '@remotion/renderer';
import type { Deck } from '../deck/model.js';
import { describeFrame, segmentsOf, thumbnailFrames, type Segment } from '../timing/frames.js';
import type { Timeline } from '../timing/plan.js';
import { sha256, Store } from './cache.js';
import { captureFrames, JPEG_QUALITY } from './capture.js';
import { concatSegments, ENCODER, encodeFrames, encodeStill, gopFrames, tempName } from './encode.js';
import { renderKey } from './render-key.js';

/**
 * The fast renderer: capture each distinct frame once, encode each hold once as a short closed
 * GOP repeated by stream copy, and reuse any picture or segment already in the cache.
 *
 * Pictures and segments are keyed by what they show (see describeFrame), so after an edit only
 * the frames of the slides that changed are captured and encoded again. Capture and encoding
 * overlap: a segment is encoded as soon as its frames are in, while the browser captures on.
 */
export interface FastJob {
  serveUrl: string;
  browser: Awaited<ReturnType<typeof openBrowser>>;
  browserExecutable: string | null;
  deck: Deck;
  timeline: Timeline;
  concurrency: number;
  cancelSignal: ReturnType<typeof makeCancelSignal>['cancelSignal'];
  signal?: AbortSignal;
  /** Where to write the MP4, or null for thumbnails only. */
  video: string | null;
  metadata: Record<string, string>;
  onProgress: (p: FastProgress) => void;
}

export interface FastProgress {
  phase: 'capture' | 'encode';
  done: number;
  total: number;
  cached: number;
}

export interface FastResult {
  /** PNG of each slide's thumbnail frame, in timeline order (paths inside the cache). */
  thumbnails: string[];
  captured: number;
  cachedFrames: number;
  encodedSegments: number;
  cachedSegments: number;
}

type Planned =
  | { kind: 'motion'; frames: number[]; key: string }
  | { kind: 'hold'; frame: number; pictureKey: string; parts: { key: string; frames: number }[]; repeats: number[] };

export async function renderFast(job: FastJob): Promise<FastResult> {
  const { timeline, deck } = job;
  const { fps, width, height } = timeline;
  const base = renderKey({ width, height, fps, browser: job.browserExecutable, settings: { ENCODER, JPEG_QUALITY } });
  const frameKey = (f: number) => sha256(`${base}\n${describeFrame(deck, timeline, f)}`);
  const pictures = new Store('frames');
  const segmentsStore = new Store('segments');
  const g = gopFrames(fps);

  // Plan: every segment with its cache key(s).
  const planned: Planned[] = job.video ? segmentsOf(timeline).map((s) => plan(s, frameKey, g)) : [];
  const missingMotion = planned.filter((p): p is Extract<Planned, { kind: 'motion' }> => p.kind === 'motion' && !segmentsStore.has(p.key, 'mp4'));
  const missingHolds = planned.filter(
    (p): p is Extract<Planned, { kind: 'hold' }> => p.kind === 'hold' && p.parts.some((part) => !segmentsStore.has(part.key, 'mp4')),
  );
  const cachedSegments = planned.reduce((n, p) => n + (p.kind === 'motion' ? 1 : p.parts.length), 0) - missingMotion.length - missingHolds.reduce((n, h) => n + h.parts.length, 0);

  // Pictures to capture: PNG for held frames and thumbnails, JPEG for motion frames.
  const stills = thumbnailFrames(timeline);
  const pngWanted = new Map<string, number>();
  for (const f of [...missingHolds.map((h) => h.frame), ...stills]) pngWanted.set(frameKey(f), f);
  const pngToCapture = [...pngWanted].filter(([key]) => !pictures.has(key, 'png')).map(([, f]) => f);
  const jpegToCapture = [...new Set(missingMotion.flatMap((m) => m.frames))];
  const captureTotal = pngToCapture.length + jpegToCapture.length;
  let captured = 0;
  const cachedPictures = pngWanted.size - pngToCapture.length;
  const report = (phase: FastProgress['phase'], done: number, total: number) =>
    job.onProgress({ phase, done, total, cached: phase === 'capture' ? cachedPictures : cachedSegments });

  // Encoding runs one job at a time beside the capture (2 cores: one browser, one x264).
  let encodeChain: Promise<void> = Promise.resolve();
  let encodeFailure: unknown = null;
  let encoded = 0;
  const encodeTotal = missingMotion.length + missingHolds.reduce((n, h) => n + h.parts.length, 0);
  const enqueue = (work: () => Promise<void>) => {
    encodeChain = encodeChain.then(async () => {
      if (encodeFailure) return;
      try {
        await work();
      } catch (err) {
        encodeFailure = err;
      }
    });
  };
  const encodeHold = (h: Extract<Planned, { kind: 'hold' }>) => {
    for (const part of h.parts) {
      enqueue(async () => {
        if (segmentsStore.has(part.key, 'mp4')) return;
        const png = pictures.get(h.pictureKey, 'png');
        if (!png) throw new Error(`captured frame ${h.frame} is missing from the cache`);
        const tmp = tempName(segmentsStore.dir, part.key);
        await encodeStill(png, part.frames, fps, tmp, job.signal);
        segmentsStore.put(part.key, 'mp4', { fromPath: tmp });
        report('encode', ++encoded, encodeTotal);
      });
    }
  };

  // Held pictures and thumbnails first: thumbnails are ready early and holds encode meanwhile.
  const holdsByKey = new Map<string, Extract<Planned, { kind: 'hold' }>[]>();
  for (const h of missingHolds) holdsByKey.set(h.pictureKey, [...(holdsByKey.get(h.pictureKey) ?? []), h]);
  for (const h of missingHolds) if (pictures.has(h.pictureKey, 'png')) encodeHold(h);
  await captureFrames({
    ...captureCommon(job),
    frames: pngToCapture,
    format: 'png',
    onFrame: (f, picture) => {
      const key = frameKey(f);
      pictures.put(key, 'png', { data: picture });
      report('capture', ++captured, captureTotal);
      for (const h of holdsByKey.get(key) ?? []) encodeHold(h);
    },
  });

  // Motion frames: a segment is encoded once all of its frames are captured.
  const waiting = new Map<number, Buffer>();
  const pendingBySegment = missingMotion.map((m) => ({ m, left: new Set(m.frames) }));
  const segmentsOfFrame = new Map<number, typeof pendingBySegment>();
  for (const p of pendingBySegment) for (const f of p.m.frames) segmentsOfFrame.set(f, [...(segmentsOfFrame.get(f) ?? []), p]);
  await captureFrames({
    ...captureCommon(job),
    frames: jpegToCapture,
    format: 'jpeg',
    onFrame: (f, picture) => {
      waiting.set(f, picture);
      report('capture', ++captured, captureTotal);
      for (const p of segmentsOfFrame.get(f) ?? []) {
        p.left.delete(f);
        if (p.left.size > 0) continue;
        const jpegs = p.m.frames.map((x) => waiting.get(x) as Buffer);
        enqueue(async () => {
          const tmp = tempName(segmentsStore.dir, p.m.key);
          await encodeFrames(jpegs, fps, tmp, job.signal);
          segmentsStore.put(p.m.key, 'mp4', { fromPath: tmp });
          report('encode', ++encoded, encodeTotal);
        });
      }
    },
  });
  await encodeChain;
  if (encodeFailure) throw encodeFailure;

  if (job.video) {
    const files = planned.flatMap((p) => {
      if (p.kind === 'motion') return [mustGet(segmentsStore, p.key)];
      return p.parts.flatMap((part, i) => Array<string>(p.repeats[i]).fill(mustGet(segmentsStore, part.key)));
    });
    await concatSegments(files, job.video, job.metadata, job.signal);
  }
  const thumbnails = stills.map((f) => mustGet(pictures, frameKey(f), 'png'));
  return { thumbnails, captured, cachedFrames: cachedPictures, encodedSegments: encoded, cachedSegments };
}

function plan(s: Segment, frameKey: (f: number) => string, g: number): Planned {
  if (s.kind === 'motion') return { kind: 'motion', frames: s.frames, key: sha256(`motion\n${s.frames.map(frameKey).join('\n')}`) };
  const pictureKey = frameKey(s.frame);
  const whole = Math.floor(s.length / g);
  const rest = s.length % g;
  const parts: { key: string; frames: number }[] = [];
  const repeats: number[] = [];
  if (whole > 0) {
    parts.push({ key: sha256(`hold\n${pictureKey}\n${g}`), frames: g });
    repeats.push(whole);
  }
  if (rest > 0) {
    parts.push({ key: sha256(`hold\n${pictureKey}\n${rest}`), frames: rest });
    repeats.push(1);
  }
  return { kind: 'hold', frame: s.frame, pictureKey, parts, repeats };
}

function mustGet(store: Store, key: string, ext = 'mp4'): string {
  const file = store.get(key, ext);
  if (!file) throw new Error(`cache entry ${path.basename(store.pathOf(key, ext))} vanished during the render`);
  return file;
}

const captureCommon = (job: FastJob) => ({
  serveUrl: job.serveUrl,
  browser: job.browser,
  browserExecutable: job.browserExecutable,
  deck: job.deck,
  fps: job.timeline.fps,
  resolution: `${job.timeline.width}x${job.timeline.height}`,
  concurrency: job.concurrency,
  cancelSignal: job.cancelSignal,
});
