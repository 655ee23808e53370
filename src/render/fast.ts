import { cacheLimitBytes, Store } from './cache/cache.js';
import { captureWithRetry, newRestartBudget, type CaptureContext } from './capture/capture-retry.js';
import { MotionFrames } from './capture/motion-frames.js';
import { PictureWaits } from './capture/picture-waits.js';
import type { AudioTrack } from './audio/audio.js';
import { batchesOf, encodeSegments, type LaterSegment } from './encode/encode-batch.js';
import { EncodeQueue } from './encode/encode-queue.js';
import { joinVideo, mustGet } from './encode/join.js';
import type { ChapterMark } from './encode/mux.js';
import { encodeFrames, type VideoFormat } from './encode/x264.js';
import { planSegments, type SegmentPlan } from './plan/segments.js';

/**
 * The fast renderer: capture each distinct picture once, encode each hold once as a short closed
 * GOP repeated by stream copy, compute cross-fades from their two end pictures, and reuse any
 * picture or segment already in the cache.
 *
 * Pictures and segments are keyed by what they show (see describeFrame), so after an edit only
 * the frames of the slides that changed are captured and encoded again. Capture and encoding
 * overlap: a segment is encoded as soon as its frames are in, while the browser captures on.
 *
 * The steps, in order: plan the segments (plan/segments.ts); queue the encoders of the segments
 * made from pictures; get the pictures (capture, handing each to whatever waits for it); finish
 * encoding; join the video while the pictures are published; prune the cache.
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

/** The two caches of one render. */
interface Stores {
  pictures: Store;
  segments: Store;
}

export async function renderFast(job: FastJob): Promise<FastResult> {
  const stores = { pictures: new Store('frames'), segments: new Store('segments') };
  try {
    return await renderWith(job, stores);
  } finally {
    // The render's links to the entries it used (see Store) go; the entries stay.
    for (const store of [stores.pictures, stores.segments]) store.release();
  }
}

async function renderWith(job: FastJob, stores: Stores): Promise<FastResult> {
  const plan = planSegments({ ...job, video: job.video !== null }, stores);
  const progress = new FastCounts(job, plan);
  const queue = new EncodeQueue(job.signal);
  const waits = new PictureWaits(stores.pictures);
  queuePictureSegments(job, plan, { queue, waits, stores, progress });
  await getPictures(job, plan, { queue, waits, stores, progress });
  const thumbnails = plan.stills.map((f) => mustGet(stores.pictures, plan.frameKey(f), 'png'));
  const files = await joinAndPublish(job, plan, stores, thumbnails);
  // The cache is kept under its size limit, never at the cost of what this render returns.
  const keep = new Set([...thumbnails, ...files]);
  for (const store of [stores.pictures, stores.segments]) store.prune(cacheLimitBytes(), keep);
  return { captured: progress.captured, cachedFrames: plan.cachedPictures, encodedSegments: progress.encoded, cachedSegments: plan.cachedSegments };
}

/** What the steps share: the encoders, the pictures waited for, the caches and the counts. */
interface Work {
  queue: EncodeQueue;
  waits: PictureWaits;
  stores: Stores;
  progress: FastCounts;
}

/** Pictures captured and segments encoded so far, reported as they change. */
class FastCounts {
  captured = 0;
  encoded = 0;
  private readonly captureTotal: number;
  private readonly encodeTotal: number;

  constructor(private readonly job: FastJob, private readonly plan: SegmentPlan) {
    this.captureTotal = plan.pngToCapture.length + plan.jpegToCapture.length;
    this.encodeTotal = plan.motionToEncode.length + plan.partsToEncode.length;
  }

  picture(): void {
    this.job.onProgress({ phase: 'capture', done: ++this.captured, total: this.captureTotal, cached: this.plan.cachedPictures });
  }

  segment(): void {
    this.job.onProgress({ phase: 'encode', done: ++this.encoded, total: this.encodeTotal, cached: this.plan.cachedSegments });
  }
}

/**
 * Segments made from pictures are encoded in batches of consecutive ones. The batches follow
 * from the plan alone, never from timing: x264 carries some state from one segment into the
 * next, and a render must give the same bytes every time. All are queued now, in timeline
 * order; each starts when the encoder is free and takes its segments as their pictures come in.
 */
function queuePictureSegments(job: FastJob, plan: SegmentPlan, { queue, waits, stores, progress }: Work): void {
  for (const items of batchesOf(plan.partsToEncode, ({ part }) => part.frames)) {
    queue.add(async () => {
      const later = items.map(({ part, keys }): LaterSegment => {
        const ready = Promise.all(keys.map((key) => waits.whenCaptured(key))).then((pngs) => part.segment(pngs));
        ready.catch(() => {});
        return { frames: part.frames, ready };
      });
      const pieces = await encodeSegments(later, job.format, queue.signal);
      for (const [i, piece] of pieces.entries()) {
        stores.segments.put(items[i].part.key, 'mp4', { data: Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength) });
        progress.segment();
      }
    });
  }
}

/**
 * Captures the pictures: PNGs first (thumbnails are ready early, and holds and blends encode
 * meanwhile), then the JPEG frames of other motion, each motion segment encoded once all of its
 * frames are in. Returns once every encoder is done.
 */
async function getPictures(job: FastJob, plan: SegmentPlan, { queue, waits, stores, progress }: Work): Promise<void> {
  const stillPictures = {
    frames: plan.pngToCapture,
    format: 'png' as const,
    onFrame: (f: number, picture: Buffer) => {
      const key = plan.frameKey(f);
      const file = stores.pictures.put(key, 'png', { data: picture });
      progress.picture();
      waits.captured(key, file);
    },
  };
  const motion = new MotionFrames(plan.motionToEncode);
  const motionFrames = {
    frames: plan.jpegToCapture,
    format: 'jpeg' as const,
    onFrame: (f: number, picture: Buffer) => {
      const complete = motion.add(f, picture);
      progress.picture();
      for (const { segment, jpegs } of complete) {
        queue.add(async () => {
          await stores.segments.produce(segment.key, 'mp4', (out) => encodeFrames(jpegs, job.format, out, queue.signal));
          progress.segment();
        });
      }
    },
  };
  const budget = newRestartBudget();
  try {
    await captureWithRetry(job, stillPictures, budget);
    await captureWithRetry(job, motionFrames, budget);
  } catch (err) {
    // Nothing more is encoded, and nothing reports progress after the error. The encoders are
    // stopped before the pictures they wait for are refused, then waited for.
    const stopped = queue.stop(err);
    waits.end(() => new Error('the capture failed'));
    await stopped;
    throw err;
  }
  waits.end();
  const browserGone = job.captureDone?.();
  queue.widen(job.concurrency);
  await queue.finish(browserGone);
}

/** Joins the video while the pictures are published; returns the cache files the join read. */
async function joinAndPublish(job: FastJob, plan: SegmentPlan, stores: Stores, thumbnails: string[]): Promise<string[]> {
  let files: string[] = [];
  const join = async () => {
    if (!job.video) return;
    job.onProgress({ phase: 'finish', done: 0, total: 1, cached: 0 });
    const { fps } = job.timeline;
    files = await joinVideo({ plan, store: stores.segments, fps, video: job.video, metadata: job.metadata, chapters: job.chapters, audio: job.audio, signal: job.signal });
  };
  // Both run to the end before an error of either is reported: nothing is left writing.
  const [joined, alongside] = await Promise.allSettled([join(), job.alongsideJoin?.(thumbnails)]);
  for (const r of [joined, alongside]) if (r.status === 'rejected') throw r.reason;
  return files;
}
