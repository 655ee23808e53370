import type { Store } from './cache.js';
import { encodeSegments, framesOf, type PictureSegment } from './encode-batch.js';
import type { VideoFormat } from './encode.js';

/** A segment to encode into the store: from captured pictures, or written by its own encoder run. */
export type QueuedSegment = { key: string } & ({ pictures: PictureSegment } | { write: (out: string) => Promise<void> });

/** Raw frames one encoder run takes at most (384 MB: 123 frames at 1080p, 30 at 2160p). */
const MAX_BATCH_BYTES = 384 * 2 ** 20;

/**
 * Encodes segments into the store as they are added, with at most `limit` encoder runs at a time.
 * A run takes every segment made from pictures that is waiting, in order (its share of them when
 * more runs can start at once, and at most MAX_BATCH_BYTES of frames): x264 starts once for all
 * of them. The first failure stops the queue; `drained` then rejects with it.
 */
export class EncodeQueue {
  private waiting: QueuedSegment[] = [];
  private added = new Set<string>();
  private running = 0;
  private limit = 1;
  private failure: { error: unknown } | null = null;
  private onIdle: (() => void)[] = [];

  constructor(
    private readonly store: Store,
    private readonly format: VideoFormat,
    /** Bytes of one raw 4:2:0 frame. */
    private readonly frameBytes: number,
    private readonly signal: AbortSignal,
    private readonly onEncoded: () => void,
  ) {}

  /** Queues a segment, unless the same key is queued already or is in the store. */
  add(item: QueuedSegment): void {
    if (this.failure || this.added.has(item.key) || this.store.has(item.key, 'mp4')) return;
    this.added.add(item.key);
    this.waiting.push(item);
    this.pump();
  }

  /** Segments queued and not yet started. */
  get waitingCount(): number {
    return this.waiting.length;
  }

  setLimit(limit: number): void {
    this.limit = Math.max(1, limit);
    this.pump();
  }

  /** Stops taking work after an error elsewhere (the render's capture failed). */
  fail(error: unknown): void {
    this.failure ??= { error };
    this.waiting = [];
  }

  /** Settles once every queued segment is stored, or with the first error. */
  async drained(): Promise<void> {
    if (this.running > 0 || this.waiting.length > 0) await new Promise<void>((resolve) => this.onIdle.push(resolve));
    if (this.failure) throw this.failure.error;
  }

  private pump(): void {
    while (!this.failure && this.running < this.limit && this.waiting.length > 0) {
      const batch = this.take();
      this.running++;
      this.encode(batch)
        .catch((error) => this.fail(error))
        .finally(() => {
          this.running--;
          this.pump();
          if (this.running === 0 && this.waiting.length === 0) for (const resolve of this.onIdle.splice(0)) resolve();
        });
    }
  }

  /** The next run's segments: one written on its own, or a batch of segments from pictures. */
  private take(): QueuedSegment[] {
    const first = this.waiting[0];
    if (!('pictures' in first)) return this.waiting.splice(0, 1);
    const fromPictures = this.waiting.filter((s) => 'pictures' in s);
    const share = Math.ceil(fromPictures.length / (this.limit - this.running));
    const batch: QueuedSegment[] = [];
    let bytes = 0;
    for (const s of fromPictures) {
      const size = framesOf((s as { pictures: PictureSegment }).pictures) * this.frameBytes;
      if (batch.length >= share || (batch.length > 0 && bytes + size > MAX_BATCH_BYTES)) break;
      batch.push(s);
      bytes += size;
    }
    this.waiting = this.waiting.filter((s) => !batch.includes(s));
    return batch;
  }

  private async encode(batch: QueuedSegment[]): Promise<void> {
    const [first] = batch;
    if ('write' in first) {
      await this.store.produce(first.key, 'mp4', first.write);
      this.onEncoded();
      return;
    }
    const pieces = await encodeSegments(batch.map((s) => (s as { pictures: PictureSegment }).pictures), this.format, this.signal);
    for (const [i, piece] of pieces.entries()) {
      if (this.failure) return;
      this.store.put(batch[i].key, 'mp4', { data: Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength) });
      this.onEncoded();
    }
  }
}
