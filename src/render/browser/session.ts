import { openBrowser } from '@remotion/renderer';
import { bundleCompositions } from './bundle.js';
import { chooseBrowser } from './browser.js';
import type { RenderProgress } from '../plan/progress.js';
import { packageRoot } from '../cache/root.js';
import { asError, interrupted } from '../../errors.js';

/**
 * A bundle of the compositions and one open browser, kept across renders: several decks, or one
 * deck re-rendered on every save, then cost no bundling and no browser start after the first.
 */
/** The browser Remotion opens (a puppeteer-like handle): one type for every step that drives it. */
export type Browser = Awaited<ReturnType<typeof openBrowser>>;

export interface RenderSession {
  serveUrl: string;
  /** The open browser; replaced by `restartBrowser`. */
  browser: Browser;
  browserExecutable: string | null;
  /** Ends the browser (it crashed or hangs) and starts a new one. */
  restartBrowser(): Promise<Browser>;
  close(): Promise<void>;
}

export interface SessionOptions {
  /** Browser executable; overrides TALKREEL_BROWSER and the bundled Chromium. */
  browser?: string;
  onProgress?: (progress: RenderProgress) => void;
  /** Aborting stops waiting for the bundle (the bundler cannot be stopped midway). */
  signal?: AbortSignal;
}

export async function openSession(options: SessionOptions = {}): Promise<RenderSession> {
  const browserExecutable = chooseBrowser(options.browser, packageRoot).executablePath;
  const report = options.onProgress ?? (() => {});
  // Bundling and starting the browser are independent: do both at once.
  report({ phase: 'bundle', done: 0, total: 100 });
  const launch = () =>
    openBrowser('chrome', { browserExecutable, chromeMode: 'headless-shell', logLevel: 'error' }).catch((err: unknown) => {
      throw asError(err);
    });
  const opening = launch();
  opening.catch(() => {}); // awaited below; do not let an early failure go unhandled
  try {
    // An interrupt stops waiting for the bundler; its staging folder is removed when the process exits.
    const serveUrl = await untilAborted(bundleCompositions((p) => report({ phase: 'bundle', done: p, total: 100 })), options.signal);
    report({ phase: 'browser', done: 0, total: 1 });
    const session: RenderSession = {
      serveUrl,
      browser: await opening,
      browserExecutable,
      restartBrowser: async () => {
        await session.browser.close({ silent: true }).catch(() => {});
        session.browser = await launch();
        return session.browser;
      },
      close: () => session.browser.close({ silent: true }).catch(() => {}),
    };
    report({ phase: 'browser', done: 1, total: 1 });
    return session;
  } catch (err) {
    // A browser still starting when the bundle failed is waited for, then closed: no orphans.
    // After an interrupt it is not waited for (it dies with the process: parent-death signal).
    if (options.signal?.aborted) void opening.then((b) => b.close({ silent: true }), () => {});
    else await (await opening.catch(() => null))?.close({ silent: true }).catch(() => {});
    throw err;
  }
}

/** Resolves as `work` does, or rejects as soon as `signal` aborts. */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  work.catch(() => {});
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(interrupted());
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
