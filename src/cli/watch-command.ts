import { DEFAULT_DECK } from '../deck/load.js';
import { DeckError } from '../deck/errors.js';
import type { CliContext } from './context.js';
import { formatDiagnostics } from './diagnostics.js';

export interface WatchFlags {
  out?: string;
  resolution?: string;
  fps?: number;
  video?: boolean;
  browser?: string;
  concurrency?: number;
  strict?: boolean;
}

/**
 * `talkreel watch [DECK]`: renders the thumbnails (and the video with `--video`) on every save and
 * prints which slides changed and how long it took. Ctrl-C stops it.
 */
export async function runWatch(deck: string | undefined, flags: WatchFlags, { stdout, stderr }: CliContext): Promise<void> {
  const { watchDeck } = await import('../render/watch.js');
  const controller = new AbortController();
  const stop = () => {
    if (controller.signal.aborted) process.exit(130);
    stderr.write('\ntalkreel: stopped watching\n');
    controller.abort();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const file = deck ?? DEFAULT_DECK;
  const say = (line: string) => stdout.write(`${line}\n`);
  try {
    await watchDeck(file, {
      out: flags.out,
      resolution: flags.resolution,
      fps: flags.fps,
      video: Boolean(flags.video),
      thumbnails: true,
      browser: flags.browser,
      concurrency: flags.concurrency,
      strict: flags.strict,
      signal: controller.signal,
      onEvent: (e) => {
        if (e.type === 'rendering') return;
        if (e.type === 'failed') {
          const err = e.error;
          if (err instanceof DeckError) stderr.write(`${formatDiagnostics(err.diagnostics)}\n`);
          say(`failed: ${err instanceof Error ? err.message : String(err)}; waiting for the next save`);
          return;
        }
        const { result, changed, first } = e;
        if (result.diagnostics.length > 0) stderr.write(`${formatDiagnostics(result.diagnostics)}\n`);
        const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
        const stats = result.stats ? ` (${n(result.stats.captured, 'picture')} captured, ${result.stats.cachedFrames} from the cache)` : '';
        const what = first
          ? `rendered ${result.manifest.slides.length} slides`
          : changed.length === 0
            ? 'changed: no slide'
            : `changed: ${changed.map((c) => `slide ${c.index} (${c.title})`).join(', ')}`;
        say(`${what} in ${result.seconds.toFixed(1)} s${stats} -> ${result.outDir}`);
        if (first) say(`watching ${file} (Ctrl-C to stop)`);
      },
    });
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}
