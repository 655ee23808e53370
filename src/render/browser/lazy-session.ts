import type { RenderProgress } from '../plan/progress.js';
import { openSession, type RenderSession } from './session.js';

export interface LazySessionOptions {
  /** A session of the caller's: used as it is, restarted on a crash, never closed here. */
  session?: RenderSession;
  /** Browser executable; overrides TALKREEL_BROWSER and the bundled Chromium. */
  browser?: string;
  signal?: AbortSignal;
  onWarning?: (message: string) => void;
}

/**
 * The bundle and browser of one render. They are opened when a picture is missing from the
 * cache, not before: a render whose pictures are all cached never starts a browser. The render
 * owns what this opens, and `end` closes it.
 */
export class LazySession {
  private opening: Promise<RenderSession> | null = null;

  constructor(private readonly options: LazySessionOptions, private readonly report: (p: RenderProgress) => void) {}

  get(): Promise<RenderSession> {
    if (this.options.session) return Promise.resolve(this.options.session);
    this.opening ??= openSession({ browser: this.options.browser, onProgress: this.report, signal: this.options.signal });
    return this.opening;
  }

  /** The browser crashed or hangs: a new one, told to the caller as a warning. */
  async restart(reason: string): Promise<void> {
    this.options.onWarning?.(`the browser failed (${reason}); restarting it and retrying once`);
    const open = this.options.session ?? (await this.opening?.catch(() => null));
    if (open) await open.restartBrowser();
    else {
      // The browser never started: try a new one, rather than the failed start again.
      this.opening = null;
      await this.get();
    }
  }

  /** The capture is over: a browser this render started can go (a session passed in stays). */
  async closeOwn(): Promise<void> {
    const opened = this.opening;
    this.opening = null;
    await (await opened?.catch(() => null))?.close();
  }

  /**
   * The render ended: a session it opened is closed, even one still starting when something
   * failed (after an interrupt without waiting for it: the CLI exits at once, and the browser with it).
   */
  async end(): Promise<void> {
    const opened = this.opening;
    if (opened && this.options.signal?.aborted) void opened.then((s) => s.close(), () => {});
    else if (opened) await (await opened.catch(() => null))?.close();
  }
}
