import os from 'node:os';
import path from 'node:path';
import pLimit from 'p-limit';
import { describeFrame, joinShortHolds, segmentsOf, thumbnailFrames, type Segment } from '../timing/frames.js';
import type { Timeline } from '../timing/plan.js';
import type { AudioTrack } from './audio/audio.js';
import { cacheLimitBytes, sha256, Store } from './cache/cache.js';
import { JPEG_QUALITY } from './capture/capture.js';
import { captureWithRetry, newRestartBudget, type CaptureContext } from './capture/capture-retry.js';
import { concatSegments, type ChapterMark } from './encode/mux.js';
import { ENCODER, encodeFrames, gopFrames, type VideoFormat } from './encode/x264.js';
import { batchesOf, encodeSegments, type LaterSegment, type PictureSegment } from './encode/encode-batch.js';
import { renderKey } from './plan/render-key.js';
import { joinChunks } from './encode/chunks.js';

/**
 * The fast renderer: capture each distinct picture once, encode each hold once as a short closed
 * GOP repeated by stream copy, compute cross-fades from their two end pictures, and reuse any
 * picture or segment already in the cache.
 *
 * Pictures and segments are keyed by what they show (see describeFrame), so after an edit only
 * the frames of the slides that changed are captured and encoded again. Capture and encoding
 * overlap: a segment is encoded as soon as its frames are in, while the browser captures on.
 */
export interface FastJob extends CaptureContext {
  /** Where to write the MP4, or null for thumbnails only. */
  video: string | null;
  metadata: Record<string, string>;
  /** Quality, bitrate ceiling and frame rate of every segment. */
  format: VideoFormat;
  /** Chapter atoms for the MP4. */
  chapters?: ChapterMark[];
  /** The sound track, being prepared beside the capture; awaited when the video is joined. */
  audio?: Promise<AudioTrack> | null;
  onProgress: (p: FastProgress) => void;
  /**
   * Work that needs the pictures but not the video (publishing files), run while the video is
   * joined; given each slide's thumbnail PNG, in timeline order.
   */
  alongsideJoin?: (thumbnails: string[]) => Promise<void>;
  /**
   * Called once every picture is captured, while the encoders finish: a browser this render
   * started can go (it holds about 0.5 GB at 1080p, which the encoders then run beside). Awaited
   * before the video is joined.
   */
  captureDone?: () => Promise<void>;
}

export interface FastProgress {
  phase: 'capture' | 'encode' | 'finish';
  done: number;
  total: number;
  cached: number;
}

export interface FastResult {
  captured: number;
  cachedFrames: number;
  encodedSegments: number;
  cachedSegments: number;
}

type Planned =
  | { kind: 'motion'; frames: number[]; key: string }
  /** Segments made from captured PNG pictures only: a hold's parts, or one blend. */
  | { kind: 'pictures'; needs: { frame: number; key: string }[]; parts: Part[] };

/** One encoded segment of a `pictures` entry; it appears `repeat` times in a row in the video. */
interface Part {
  key: string;
  frames: number;
  repeat: number;
  /** What it shows, given the PNG files of the entry's pictures. */
  segment: (pngs: string[]) => PictureSegment;
}

export async function renderFast(job: FastJob): Promise<FastResult> {
  const pictures = new Store('frames');
  const segmentsStore = new Store('segments');
  try {
    return await renderWith(job, pictures, segmentsStore);
  } finally {
    // The render's links to the entries it used (see Store) go; the entries stay.
    for (const store of [pictures, segmentsStore]) store.release();
  }
}

async function renderWith(job: FastJob, pictures: Store, segmentsStore: Store): Promise<FastResult> {
  const { timeline, deck } = job;
  const { fps, width, height } = timeline;
  const base = renderKey({ width, height, fps, browser: job.browserExecutable, settings: { ENCODER, JPEG_QUALITY, format: job.format } });
  const frameKey = (f: number) => sha256(`${base}\n${describeFrame(deck, timeline, f)}`);

  // Plan: every segment with its cache key(s), and what is missing from the cache.
  // A hold shorter than a GOP would be a segment of its own: it goes into the blend before it.
  const segments = joinShortHolds(segmentsOf(timeline), gopFrames(fps));
  const planned: Planned[] = job.video ? segments.map((s) => plan(s, frameKey, job.format)) : [];
  const missingMotion = planned.filter((p): p is Extract<Planned, { kind: 'motion' }> => p.kind === 'motion' && !segmentsStore.has(p.key, 'mp4'));
  const missingParts = planned.flatMap((p) => (p.kind === 'pictures' ? p.parts.filter((part) => !segmentsStore.has(part.key, 'mp4')).map((part) => ({ p, part })) : []));
  const totalSegments = planned.reduce((n, p) => n + (p.kind === 'motion' ? 1 : p.parts.length), 0);
  const cachedSegments = totalSegments - missingMotion.length - missingParts.length;

  // Pictures to capture: PNG for holds, blends' ends and thumbnails; JPEG for other motion.
  const stills = thumbnailFrames(timeline);
  const pngWanted = new Map<string, number>();
  for (const { p } of missingParts) if (p.kind === 'pictures') for (const n of p.needs) pngWanted.set(n.key, n.frame);
  for (const f of stills) pngWanted.set(frameKey(f), f);
  const pngToCapture = [...pngWanted].filter(([key]) => !pictures.has(key, 'png')).map(([, f]) => f).sort((x, y) => x - y);
  // Motion that looks the same at two places in the talk (same key) is captured and encoded once.
  const motionToEncode = [...new Map(missingMotion.map((m) => [m.key, m])).values()];
  const jpegToCapture = [...new Set(motionToEncode.flatMap((m) => m.frames))];
  const captureTotal = pngToCapture.length + jpegToCapture.length;
  let captured = 0;
  const cachedPictures = pngWanted.size - pngToCapture.length;
  const report = (phase: FastProgress['phase'], done: number, total: number) =>
    job.onProgress({ phase, done, total, cached: phase === 'capture' ? cachedPictures : cachedSegments });

  // Encoding runs one encoder at a time beside the capture (2 cores: one browser, one x264), and
  // as many as there are cores once the capture is over.
  const encoding = pLimit(1);
  const jobs: Promise<void>[] = [];
  // Ends running encodes when the render is interrupted or its capture fails.
  const stopEncoding = new AbortController();
  const onAbort = () => stopEncoding.abort();
  job.signal?.addEventListener('abort', onAbort, { once: true });
  let encodeFailure: unknown = null;
  let encoded = 0;
  const enqueue = (work: () => Promise<void>) => {
    jobs.push(
      encoding(async () => {
        if (encodeFailure) return;
        try {
          await work();
        } catch (err) {
          encodeFailure = err;
        }
      }),
    );
  };

  // Segments made from pictures are encoded in batches of consecutive ones. The batches follow
  // from the plan alone, never from timing: x264 carries some state from one segment into the
  // next, and a render must give the same bytes every time. All are queued now, in timeline
  // order; each starts when the encoder is free and takes its segments as their pictures come in.
  const waitingFor = new Map<string, { promise: Promise<string>; resolve: (file: string) => void; reject: (err: Error) => void }>();
  let captureOver = false;
  const vanished = (key: string) => new Error(`cache entry ${path.basename(pictures.pathOf(key, 'png'))} vanished during the render`);
  const whenCaptured = (key: string): Promise<string> => {
    const file = pictures.get(key, 'png');
    if (file) return Promise.resolve(file);
    if (captureOver) return Promise.reject(vanished(key));
    if (!waitingFor.has(key)) {
      let resolve: (file: string) => void = () => {};
      let reject: (err: Error) => void = () => {};
      const promise = new Promise<string>((res, rej) => ((resolve = res), (reject = rej)));
      promise.catch(() => {});
      waitingFor.set(key, { promise, resolve, reject });
    }
    return (waitingFor.get(key) as { promise: Promise<string> }).promise;
  };
  // Once the capture is over (or failed), a picture still waited for will never come.
  const endWaiting = (err: (key: string) => Error) => {
    captureOver = true;
    for (const [key, w] of waitingFor) w.reject(err(key));
  };
  const partsToEncode = [...new Map(missingParts.map(({ p, part }) => [part.key, { part, keys: (p as Extract<Planned, { kind: 'pictures' }>).needs.map((n) => n.key) }])).values()];
  const batches = batchesOf(partsToEncode, ({ part }) => part.frames);
  const encodeTotal = motionToEncode.length + partsToEncode.length;
  for (const items of batches) {
    enqueue(async () => {
      const later = items.map(({ part, keys }): LaterSegment => {
        const ready = Promise.all(keys.map(whenCaptured)).then((pngs) => part.segment(pngs));
        ready.catch(() => {});
        return { frames: part.frames, ready };
      });
      const pieces = await encodeSegments(later, job.format, stopEncoding.signal);
      for (const [i, piece] of pieces.entries()) {
        segmentsStore.put(items[i].part.key, 'mp4', { data: Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength) });
        report('encode', ++encoded, encodeTotal);
      }
    });
  }

  // Pictures first: thumbnails are ready early and holds and blends encode meanwhile.
  const stillPictures = {
    frames: pngToCapture,
    format: 'png' as const,
    onFrame: (f: number, picture: Buffer) => {
      const key = frameKey(f);
      const file = pictures.put(key, 'png', { data: picture });
      report('capture', ++captured, captureTotal);
      waitingFor.get(key)?.resolve(file);
    },
  };
  // Other motion: a segment is encoded once all of its frames are captured.
  const waiting = new Map<number, Buffer>();
  const pendingBySegment = motionToEncode.map((m) => ({ m, left: new Set(m.frames) }));
  const segmentsOfFrame = new Map<number, typeof pendingBySegment>();
  for (const p of pendingBySegment) for (const f of p.m.frames) segmentsOfFrame.set(f, [...(segmentsOfFrame.get(f) ?? []), p]);
  const motionFrames = {
    frames: jpegToCapture,
    format: 'jpeg' as const,
    onFrame: (f: number, picture: Buffer) => {
      waiting.set(f, picture);
      report('capture', ++captured, captureTotal);
      for (const p of segmentsOfFrame.get(f) ?? []) {
        p.left.delete(f);
        if (p.left.size > 0) continue;
        const jpegs = p.m.frames.map((x) => waiting.get(x) as Buffer);
        for (const x of p.m.frames) waiting.delete(x);
        enqueue(async () => {
          await segmentsStore.produce(p.m.key, 'mp4', (out) => encodeFrames(jpegs, job.format, out, stopEncoding.signal));
          report('encode', ++encoded, encodeTotal);
        });
      }
    },
  };
  const budget = newRestartBudget();
  try {
    await captureWithRetry(job, stillPictures, budget);
    await captureWithRetry(job, motionFrames, budget);
  } catch (err) {
    // Nothing more is encoded, and nothing reports progress after the error.
    encodeFailure ??= err;
    stopEncoding.abort();
    endWaiting(() => new Error('the capture failed'));
    await Promise.allSettled(jobs);
    throw err;
  }
  endWaiting(vanished);
  const browserGone = job.captureDone?.();
  encoding.concurrency = Math.max(1, Math.min(job.concurrency, os.cpus().length));
  await Promise.all([...jobs, browserGone]);
  job.signal?.removeEventListener('abort', onAbort);
  if (encodeFailure) throw encodeFailure;

  const thumbnails = stills.map((f) => mustGet(pictures, frameKey(f), 'png'));
  let files: string[] = [];
  const joinVideo = async () => {
    if (!job.video) return;
    job.onProgress({ phase: 'finish', done: 0, total: 1, cached: 0 });
    // The segments in order (a hold's GOP as many times as it repeats), in runs of one slide each.
    const fileOf = new Map<string, string>();
    const entry = (key: string) => {
      if (!fileOf.has(key)) fileOf.set(key, mustGet(segmentsStore, key));
      return { key, file: fileOf.get(key) as string };
    };
    const runs: { slide: number; segments: { key: string; file: string }[] }[] = [];
    planned.forEach((p, i) => {
      const { slide } = segments[i];
      if (runs.at(-1)?.slide !== slide) runs.push({ slide, segments: [] });
      const keys = p.kind === 'motion' ? [p.key] : p.parts.flatMap((part) => Array<string>(part.repeat).fill(part.key));
      runs[runs.length - 1].segments.push(...keys.map(entry));
    });
    const chunks = await joinChunks(runs.map((r) => r.segments), segmentsStore, fps, job.signal);
    files = [...new Set([...fileOf.values(), ...chunks])];
    await concatSegments(chunks, job.video, job.metadata, job.signal, job.chapters, (await job.audio) ?? null);
  };
  // Both run to the end before an error of either is reported: nothing is left writing.
  const [joined, alongside] = await Promise.allSettled([joinVideo(), job.alongsideJoin?.(thumbnails)]);
  for (const r of [joined, alongside]) if (r.status === 'rejected') throw r.reason;
  // The cache is kept under its size limit, never at the cost of what this render returns.
  const keep = new Set([...thumbnails, ...files]);
  for (const store of [pictures, segmentsStore]) store.prune(cacheLimitBytes(), keep);
  return { captured, cachedFrames: cachedPictures, encodedSegments: encoded, cachedSegments };
}

function plan(s: Segment, frameKey: (f: number) => string, format: VideoFormat): Planned {
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

function mustGet(store: Store, key: string, ext = 'mp4'): string {
  const file = store.get(key, ext);
  if (!file) throw new Error(`cache entry ${path.basename(store.pathOf(key, ext))} vanished during the render`);
  return file;
}
