import { openBrowser } from '@remotion/renderer';
import { bundleCompositions } from './bundle.js';
import { chooseBrowser } from './browser.js';
import type { RenderProgress } from './render-talk.js';
import { packageRoot } from './root.js';

/**
 * A bundle of the compositions and one open browser, kept across renders: several decks, or one
 * deck re-rendered on every save, then cost no webpack run and no browser start after the first.
 */
export interface RenderSession {
  serveUrl: string;
  browser: Awaited<ReturnType<typeof openBrowser>>;
  browserExecutable: string | null;
  close(): Promise<void>;
}

export interface SessionOptions {
  /** Browser executable; overrides TALKREEL_BROWSER and the bundled Chromium. */
  browser?: string;
  onProgress?: (progress: RenderProgress) => void;
}

export async function openSession(options: SessionOptions = {}): Promise<RenderSession> {
  const browserExecutable = chooseBrowser(options.browser, packageRoot).executablePath;
  const report = options.onProgress ?? (() => {});
  // Bundling (webpack) and starting the browser are independent: do both at once.
  report({ phase: 'bundle', done: 0, total: 100 });
  const opening = openBrowser('chrome', { browserExecutable, chromeMode: 'headless-shell', logLevel: 'error' });
  opening.catch(() => {}); // awaited below; do not let an early failure go unhandled
  try {
    const serveUrl = await bundleCompositions((p) => report({ phase: 'bundle', done: p, total: 100 }));
    report({ phase: 'browser', done: 0, total: 1 });
    const browser = await opening;
    report({ phase: 'browser', done: 1, total: 1 });
    return { serveUrl, browser, browserExecutable, close: () => browser.close({ silent: true }).catch(() => {}) };
  } catch (err) {
    // A browser still starting when the bundle failed is waited for, then closed: no orphans.
    const browser = await opening.catch(() => null);
    await browser?.close({ silent: true }).catch(() => {});
    throw err;
  }
}
