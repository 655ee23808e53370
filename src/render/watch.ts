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
  const loop = new RenderLoop(deck, debounceMs, signal, onEvent, (renderSignal) => renderTalk({ ...renderOptions, deck, session, signal: renderSignal }), watcher);
  try {
    watcher.on('all', (event) => {
      if (event === 'change' || event === 'add') loop.schedule();
    });
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
    loop.start();
    await new Promise<void>((resolve) => {
      if (signal.aborted) resolve();
      else signal.addEventListener('abort', () => resolve(), { once: true });
    });
  } finally {
    loop.stopTimer();
    await watcher.close();
    await loop.settled();
    await session.close();
  }
}

/**
 * The renders of one watch: one at a time, the next after a quiet time since the last change;
 * a change during a render runs one more when it ends. It tells which slides changed since the
 * previous render, and adds the pictures the deck uses to the watched files.
 */
class RenderLoop {
  private previous: Map<number, string> | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly deck: string,
    private readonly debounceMs: number,
    private readonly signal: AbortSignal,
    private readonly onEvent: (event: WatchEvent) => void,
    private readonly render: (signal: AbortSignal) => Promise<RenderResult>,
    private readonly watcher: { add: (paths: string[]) => unknown },
  ) {}

  /** The first render, at once. */
  start(): void {
    this.running = (async () => {
      await this.once();
      this.running = null;
      if (this.again) this.schedule();
    })();
  }

  /** A file changed: render after the quiet time, or again once the running render ends. */
  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.running) {
        this.again = true;
        return;
      }
      this.running = (async () => {
        do {
          this.again = false;
          await this.once();
        } while (this.again && !this.signal.aborted);
        this.running = null;
      })();
    }, this.debounceMs);
  }

  /** Watching ends: no render waits for its quiet time. */
  stopTimer(): void {
    if (this.timer) clearTimeout(this.timer);
  }

  /** Resolves once the running render (interrupted by the signal) has ended. */
  async settled(): Promise<void> {
    await this.running?.catch(() => {});
  }

  private async once(): Promise<void> {
    const { deck, signal, onEvent } = this;
    onEvent({ type: 'rendering', deck });
    const render = new AbortController();
    const stop = () => render.abort();
    signal.addEventListener('abort', stop, { once: true });
    try {
      const result = await this.render(render.signal);
      const loaded = loadDeck(deck);
      const keys = new Map(loaded.deck.slides.map((s) => [s.index, contentKey(s)]));
      const changed = loaded.deck.slides
        .filter((s) => this.previous?.get(s.index) !== keys.get(s.index))
        .map((s) => ({ index: s.index, title: s.title }));
      onEvent({ type: 'rendered', first: this.previous === null, changed, result });
      this.previous = keys;
      // Pictures the deck uses are watched too: replacing one re-renders the slides showing it.
      const deckDir = path.dirname(path.resolve(deck));
      const publicDir = findPublicDir(deckDir);
      this.watcher.add(picturesOf(loaded.deck.slides).map((b) => (b.path.startsWith('/') ? path.join(publicDir, b.path) : path.resolve(deckDir, b.path))));
    } catch (err) {
      if (!signal.aborted) onEvent({ type: 'failed', error: err });
    } finally {
      signal.removeEventListener('abort', stop);
    }
  }
}

const picturesOf = (slides: Slide[]) =>
  slides.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'image' && !/^[a-z]+:/i.test(b.path) ? [b] : [])));
