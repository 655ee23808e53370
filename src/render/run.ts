import os from 'node:os';
import path from 'node:path';
import { makeCancelSignal } from '@remotion/renderer';
import { interrupted } from '../errors.js';
import { prepareAudio, type AudioTrack } from './audio/audio.js';
import { LazySession } from './browser/lazy-session.js';
import { thumbnailName } from './outputs/manifest.js';
import { prepareOutDir, removedOnExit } from './outputs/outputs.js';
import type { RenderProgress } from './plan/progress.js';
import type { Plan, RenderOptions } from './plan/render-plan.js';

/**
 * One render of one deck, from its plan to its end: the staging folder the outputs are written
 * into, the browser (opened when needed), the sound track (prepared from the start, beside
 * everything else) and what stops them all on an interrupt. `end` releases all of it, whatever
 * happened.
 */
export class RenderRun {
  readonly staging: string;
  readonly session: LazySession;
  /** The sound track; its error is reported where it is awaited. */
  readonly audio: Promise<AudioTrack> | null;
  readonly report: (p: RenderProgress) => void;
  readonly cancelSignal: ReturnType<typeof makeCancelSignal>['cancelSignal'];
  readonly videoName: string;
  readonly concurrency: number;
  private readonly cancel: () => void;
  // Ends the recording's encoder when the render fails or is interrupted.
  private readonly stopAudio = new AbortController();
  private readonly stagingFolder: ReturnType<typeof removedOnExit>;
  private readonly onAbort = () => {
    this.cancel();
    this.stopAudio.abort();
  };

  constructor(readonly plan: Plan, readonly options: RenderOptions) {
    this.report = options.onProgress ?? (() => {});
    this.staging = prepareOutDir(plan.outDir);
    this.stagingFolder = removedOnExit(this.staging);
    ({ cancelSignal: this.cancelSignal, cancel: this.cancel } = makeCancelSignal());
    options.signal?.addEventListener('abort', this.onAbort, { once: true });
    this.session = new LazySession(options, this.report);
    // It needs only the recording and the talk's length, and is awaited when the video is joined.
    const { timeline } = plan;
    this.audio = plan.audio ? prepareAudio(plan.audio, timeline.durationInFrames / timeline.fps, { signal: this.stopAudio.signal, onProgress: this.report }) : null;
    this.audio?.catch(() => {});
    this.videoName = `${plan.deckName}.mp4`;
    this.concurrency = options.concurrency ?? Math.min(2, os.cpus().length);
  }

  throwIfAborted(): void {
    if (this.options.signal?.aborted) throw interrupted();
  }

  /** Where slide `index`'s thumbnail is written in the staging folder. */
  thumbPath(index: number): string {
    return path.join(this.staging, 'thumbnails', thumbnailName(this.plan.fullDeck, index));
  }

  /** Stops what still runs, closes the browser this render opened, removes the staging folder. */
  async end(): Promise<void> {
    this.options.signal?.removeEventListener('abort', this.onAbort);
    // An encoder still running (the render failed before the join) is ended and its file removed.
    this.stopAudio.abort();
    await this.audio?.catch(() => {});
    await this.session.end();
    this.stagingFolder.remove();
  }
}
