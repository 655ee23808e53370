import os from 'node:os';
import pLimit from 'p-limit';

/**
 * The encoders of one render. They run one at a time beside the capture (2 cores: one browser,
 * one x264), and on as many cores as allowed once the capture is over (`widen`). The first
 * failure is kept and later work skipped; an interrupt of the render, or a failed capture
 * (`stop`), ends the running encoders through `signal`.
 */
export class EncodeQueue {
  private readonly limit = pLimit(1);
  private readonly jobs: Promise<void>[] = [];
  private readonly stopping = new AbortController();
  private failure: unknown = null;
  private readonly onAbort = () => this.stopping.abort();

  constructor(private readonly renderSignal?: AbortSignal) {
    renderSignal?.addEventListener('abort', this.onAbort, { once: true });
  }

  /** Aborted when the render is interrupted or its capture failed. */
  get signal(): AbortSignal {
    return this.stopping.signal;
  }

  add(work: () => Promise<void>): void {
    this.jobs.push(
      this.limit(async () => {
        if (this.failure) return;
        try {
          await work();
        } catch (err) {
          this.failure = err;
        }
      }),
    );
  }

  /** The capture is over: encode on up to `concurrency` cores. */
  widen(concurrency: number): void {
    this.limit.concurrency = Math.max(1, Math.min(concurrency, os.cpus().length));
  }

  /** Waits for every encoder (and `alongside`); throws the first failure. */
  async finish(alongside?: Promise<void>): Promise<void> {
    await Promise.all([...this.jobs, alongside]);
    this.renderSignal?.removeEventListener('abort', this.onAbort);
    if (this.failure) throw this.failure;
  }

  /** Nothing more is encoded, running encoders end; resolves once all have stopped. */
  async stop(err: unknown): Promise<void> {
    this.failure ??= err;
    this.stopping.abort();
    await Promise.allSettled(this.jobs);
  }
}
