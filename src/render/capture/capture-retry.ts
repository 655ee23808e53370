import { makeCancelSignal } from '@remotion/renderer';
import type { Browser } from '../browser/session.js';
import { asError, TalkreelError } from '../../errors.js';
import { captureFrames, type CaptureJob } from './capture.js';
import type { Deck } from '../../deck/model.js';
import type { Timeline } from '../../timing/plan.js';


/** What capturing needs from the render: its browser (restarted on a crash), deck and timeline. */
export interface CaptureContext {
  /**
   * The bundle and the browser capturing now; asked for only when something must be captured, and
   * again after `restartBrowser`.
   */
  session: () => Promise<{ serveUrl: string; browser: Browser }>;
  /** Ends the current browser (it crashed or hangs) and starts a new one. */
  restartBrowser: (reason: string) => Promise<void>;
  browserExecutable: string | null;
  deck: Deck;
  timeline: Timeline;
  concurrency: number;
  cancelSignal: ReturnType<typeof makeCancelSignal>['cancelSignal'];
  signal?: AbortSignal;
}

/** How many times one render may start a new browser after a crash or hang. */
export const newRestartBudget = () => ({ left: 1 });

/**
 * Captures `frames`; when the browser crashes or stops responding, starts a new one and captures
 * the frames still missing. One render restarts the browser once (`budget`, shared by its capture
 * passes): a second failure is an error that says what happened.
 */
export async function captureWithRetry(job: CaptureContext, what: Pick<CaptureJob, 'frames' | 'format' | 'onFrame'>, budget: { left: number }): Promise<void> {
  if (what.frames.length === 0) return; // nothing to capture: no browser is started
  const done = new Set<number>();
  let current = 0;
  const attempt = async (frames: number[]) => {
    const id = ++current;
    const { browser } = await job.session();
    const watch = watchBrowser(browser);
    // Each attempt can be stopped on its own: Remotion's renderFrames never settles on a dead
    // browser, and while it runs it keeps a timer cycling the tabs (the process would never exit).
    const attemptCancel = makeCancelSignal();
    job.cancelSignal(() => attemptCancel.cancel());
    try {
      await Promise.race([
        captureFrames({
          ...captureCommon(job),
          ...what,
          concurrency: tabsFor(frames.length, job.concurrency),
          cancelSignal: attemptCancel.cancelSignal,
          frames,
          onFrame: (f, picture) => {
            // A capture given up on may still deliver a frame: only the current one counts.
            if (id !== current || done.has(f)) return;
            watch.alive();
            done.add(f);
            return what.onFrame(f, picture);
          },
        }),
        watch.failed,
      ]);
    } catch (err) {
      attemptCancel.cancel();
      // Only a browser that died or stopped answering is worth a restart; any other error (a
      // page error, a bad option) would only fail again.
      throw watch.hasFailed() || BROWSER_GONE.test(messageOf(err)) ? err : new FinalError(err);
    } finally {
      watch.stop();
    }
  };
  try {
    await attempt(what.frames);
  } catch (first) {
    if (first instanceof FinalError) throw first.cause;
    if (job.signal?.aborted) throw first;
    current++;
    if (budget.left <= 0) throw new TalkreelError('browser-failed', `the browser failed again after a restart: ${messageOf(first)}`);
    budget.left--;
    try {
      await job.restartBrowser(messageOf(first));
      await attempt(what.frames.filter((f) => !done.has(f)));
    } catch (second) {
      if (second instanceof FinalError) throw second.cause;
      if (job.signal?.aborted) throw second;
      throw new TalkreelError('browser-failed', `the browser failed while capturing frames, and again after a restart: ${messageOf(second)}`);
    }
  }
}

/** What Remotion's errors say when the browser went away under it. */
const BROWSER_GONE = /target closed|session closed|connection closed|browser (has )?disconnected|page crashed|websocket/i;

/** An error that a new browser would not fix. */
class FinalError extends Error {
  constructor(readonly cause: unknown) {
    super(messageOf(cause));
  }
}

/** Seconds without a captured frame after which the browser counts as hung. */
const stallSeconds = () => Number(process.env.TALKREEL_BROWSER_TIMEOUT) || 90;

/**
 * Rejects `failed` when the browser's connection closes (it crashed or was killed) or when no
 * frame has come for stallSeconds(): Remotion itself may wait forever on a dead page.
 */
function watchBrowser(browser: Browser): { failed: Promise<never>; hasFailed: () => boolean; alive: () => void; stop: () => void } {
  let last = performance.now();
  let hasFailed = false;
  let reject: (err: Error) => void = () => {};
  const failed = new Promise<never>((_, r) => (reject = r));
  const fail = (err: Error) => {
    hasFailed = true;
    reject(err);
  };
  failed.catch(() => {});
  const connection = (browser as unknown as { runner?: { connection?: { on?: Function; off?: Function } } }).runner?.connection;
  const onEvent = (type: unknown) => {
    if (typeof type === 'symbol' && type.description === 'Connection.Disconnected') fail(new Error('the browser closed its connection (it crashed or was killed)'));
  };
  connection?.on?.('*', onEvent);
  const timer = setInterval(() => {
    if (performance.now() - last > stallSeconds() * 1000) fail(new Error(`the browser captured no frame for ${stallSeconds()} s`));
  }, 1000);
  timer.unref();
  return {
    failed,
    hasFailed: () => hasFailed,
    alive: () => (last = performance.now()),
    stop: () => {
      clearInterval(timer);
      connection?.off?.('*', onEvent);
    },
  };
}

/**
 * Browser tabs for capturing `count` pictures. Each tab loads the page first (about 1.2 s of CPU
 * at 1080p here), and a second tab captures only about 20% more per second on two cores, so a
 * few pictures come sooner from one tab, with the other core left to the encoder.
 */
const tabsFor = (count: number, concurrency: number) => (count <= 16 ? 1 : concurrency);

const messageOf = (err: unknown) => asError(err).message.split('\n')[0];

const captureCommon = (job: CaptureContext) => ({
  session: job.session,
  browserExecutable: job.browserExecutable,
  deck: job.deck,
  fps: job.timeline.fps,
  resolution: `${job.timeline.width}x${job.timeline.height}`,
  talkFrames: job.timeline.durationInFrames,
  concurrency: job.concurrency,
  cancelSignal: job.cancelSignal,
});
