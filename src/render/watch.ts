import path from 'node:path';
import { watch } from 'chokidar';
import { findPublicDir, loadDeck } from '../deck/load.js';
import type { Slide } from '../deck/model.js';
import type { RenderOptions, RenderResult } from './plan/render-plan.js';
import { renderTalk } from './render-talk.js';
import { openSession } from './browser/session.js';

export type WatchEvent =
  | { type: 'rendering'; deck: string }
  /** `changed`: numbers of the slides whose content differs from the previous render (all, the first time). */
  | { type: 'rendered'; first: boolean; changed: { index: number; title: string }[]; result: RenderResult }
  | { type: 'failed'; error: unknown };

export interface WatchOptions extends Omit<RenderOptions, 'deck' | 'session' | 'signal' | 'onProgress'> {
  /** Aborting stops watching: the running render (if any) is interrupted, the browser closed. */
  signal: AbortSignal;
  onEvent: (event: WatchEvent) => void;
  /** Quiet time after the last change before a render starts (editors write files in steps). */
  debounceMs?: number;
}

/** What a slide shows, without source positions: two slides with equal keys look the same. */
const contentKey = (s: Slide) =>
  JSON.stringify({ layout: s.layout, style: s.style, transition: s.transition, duration: s.duration, blocks: s.blocks.map(({ line: _l, ...b }) => ('column' in b ? { ...b, column: 0 } : b)) });

/**
 * Renders a deck, then again on every save of the deck file or its pictures, with one bundle and
 * one browser kept open and the picture cache making each re-render cost only what changed.
 * Resolves when `signal` aborts.
 */
export async function watchDeck(deck: string, options: WatchOptions): Promise<void> {
  const { signal, onEvent, debounceMs = 150, ...renderOptions } = options;
  const session = await openSession({ browser: options.browser });
  const watcher = watch(path.resolve(deck), { ignoreInitial: true });
  let previous: Map<number, string> | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;
  let render: AbortController | null = null;

  const picturesOf = (slides: Slide[]) =>
    slides.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'image' && !/^[a-z]+:/i.test(b.path) ? [b] : [])));

  const once = async () => {
    onEvent({ type: 'rendering', deck });
    render = new AbortController();
    const stop = () => render?.abort();
    signal.addEventListener('abort', stop, { once: true });
    try {
      const result = await renderTalk({ ...renderOptions, deck, session, signal: render.signal });
      const loaded = loadDeck(deck);
      const keys = new Map(loaded.deck.slides.map((s) => [s.index, contentKey(s)]));
      const changed = loaded.deck.slides
        .filter((s) => previous?.get(s.index) !== keys.get(s.index))
        .map((s) => ({ index: s.index, title: s.title }));
      onEvent({ type: 'rendered', first: previous === null, changed, result });
      previous = keys;
      // Pictures the deck uses are watched too: replacing one re-renders the slides showing it.
      const deckDir = path.dirname(path.resolve(deck));
      const publicDir = findPublicDir(deckDir);
      watcher.add(picturesOf(loaded.deck.slides).map((b) => (b.path.startsWith('/') ? path.join(publicDir, b.path) : path.resolve(deckDir, b.path))));
    } catch (err) {
      if (!signal.aborted) onEvent({ type: 'failed', error: err });
    } finally {
      signal.removeEventListener('abort', stop);
    }
  };

  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      if (running) {
        again = true;
        return;
      }
      running = (async () => {
        do {
          again = false;
          await once();
        } while (again && !signal.aborted);
        running = null;
      })();
    }, debounceMs);
  };

  try {
    watcher.on('all', (event) => {
      if (event === 'change' || event === 'add') schedule();
    });
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
    running = (async () => {
      await once();
      running = null;
      if (again) schedule();
    })();
    await new Promise<void>((resolve) => {
      if (signal.aborted) resolve();
      else signal.addEventListener('abort', () => resolve(), { once: true });
    });
  } finally {
    if (timer) clearTimeout(timer);
    await watcher.close();
    await (running as Promise<void> | null)?.catch(() => {});
    await session.close();
  }
}
