import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_DECK, loadDeck } from '../deck/load.js';
import { hasErrors } from '../deck/parse.js';
import { TalkreelError } from '../errors.js';
import { DeckError } from '../deck/errors.js';
import type { RenderResult } from '../render/render-talk.js';
import { planTimeline } from '../timing/plan.js';
import { formatDiagnostics } from './diagnostics.js';
import { makeProgressReporter } from './progress.js';

/** Argument parsing and printing only: the work is done by the library functions it calls. */
const program = new Command()
  .name('talkreel')
  .description('Render a Markdown slide deck into a talk video (MP4) and a PNG of every slide.')
  .version(process.env.npm_package_version ?? '0.1.0')
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride();

const positiveInt = (name: string) => (value: string) => {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1) throw new InvalidArgumentError(`${name} must be a whole number of at least 1`);
  return n;
};

program
  .command('render')
  .description('render a deck to <out>/<deck>.mp4, <out>/thumbnails/NN-slug.png and <out>/manifest.json')
  .argument('[deck]', 'the deck file', DEFAULT_DECK)
  .option('-o, --out <dir>', 'output folder (default: out/<deck name>/)')
  .option('-r, --resolution <r>', '720p, 1080p, 1440p, 2160p or WIDTHxHEIGHT (default: the deck\'s, else 1080p)')
  .option('--fps <n>', 'frames per second (default: the deck\'s, else 30)', positiveInt('--fps'))
  .option('--slides <list>', 'render only these slides, e.g. 2,5-7')
  .option('--no-video', 'skip the MP4')
  .option('--no-thumbnails', 'skip the PNG thumbnails')
  .addOption(new Option('--browser <path>', 'browser executable (default: $TALKREEL_BROWSER, else the bundled Chromium)'))
  .option('--concurrency <n>', 'browser tabs capturing frames at once', positiveInt('--concurrency'))
  .option('--exact', 'capture and encode every frame the plain Remotion way (slower; a reference)')
  .option('--json', 'print one JSON summary at the end, and no progress')
  .action(async (deck: string, opts) => {
    const controller = new AbortController();
    // Remotion's own SIGINT handler ends the browser and exits with 130 at once, so say it now;
    // renderTalk removes its staging folder on exit (outputs already in --out are untouched).
    const interrupt = () => {
      if (controller.signal.aborted) process.exit(130);
      process.stderr.write('\ntalkreel: interrupted; earlier outputs were left as they were\n');
      controller.abort();
    };
    process.on('SIGINT', interrupt);
    process.on('SIGTERM', interrupt);
    const progress = makeProgressReporter(!opts.json);
    // Loaded here, not at start-up: `check` and `--help` need none of Remotion.
    const { renderTalk } = await import('../render/render-talk.js');
    try {
      const result = await renderTalk({
        deck,
        out: opts.out,
        resolution: opts.resolution,
        fps: opts.fps,
        slides: opts.slides,
        video: opts.video,
        thumbnails: opts.thumbnails,
        browser: opts.browser,
        concurrency: opts.concurrency,
        exact: opts.exact,
        signal: controller.signal,
        onProgress: progress.onProgress,
      });
      progress.stop();
      printResult(result, Boolean(opts.json));
    } catch (err) {
      progress.stop();
      if (controller.signal.aborted) process.exit(130);
      throw err;
    } finally {
      process.off('SIGINT', interrupt);
      process.off('SIGTERM', interrupt);
    }
  });

program
  .command('check')
  .description('parse and validate a deck without rendering; prints FILE:LINE:COL CODE message')
  .argument('[deck]', 'the deck file', DEFAULT_DECK)
  .action((deck: string) => {
    const { deck: parsed, diagnostics } = loadDeck(deck);
    if (diagnostics.length > 0) process.stderr.write(`${formatDiagnostics(diagnostics)}\n`);
    if (hasErrors(diagnostics)) process.exit(1);
    const t = planTimeline(parsed);
    process.stdout.write(`${parsed.file}: ${parsed.slides.length} slides, ${clock(t.durationInFrames / t.fps)} at ${t.fps} fps, ${t.width}x${t.height}\n`);
  });

function printResult(result: RenderResult, json: boolean): void {
  if (result.diagnostics.length > 0) process.stderr.write(`${formatDiagnostics(result.diagnostics)}\n`);
  const m = result.manifest;
  if (json) {
    process.stdout.write(
      `${JSON.stringify({ ok: true, outDir: result.outDir, video: result.video, thumbnails: result.thumbnails, manifest: result.manifestPath, slides: m.slides.length, durationInFrames: m.durationInFrames, durationInSeconds: m.durationInSeconds, fps: m.fps, width: m.width, height: m.height, renderSeconds: Math.round(result.seconds * 10) / 10, stats: result.stats })}\n`,
    );
    return;
  }
  const lines = [
    `Rendered ${m.slides.length} slides (${clock(m.durationInSeconds)} at ${m.fps} fps, ${m.width}x${m.height}) in ${result.seconds.toFixed(1)} s`,
    result.video ? `  video      ${result.video}` : null,
    result.thumbnails.length ? `  thumbnails ${result.thumbnails.length} PNGs in ${result.outDir}/thumbnails` : null,
    `  manifest   ${result.manifestPath}`,
  ];
  process.stdout.write(`${lines.filter(Boolean).join('\n')}\n`);
}

const clock = (seconds: number) => {
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

try {
  await program.parseAsync(process.argv);
} catch (err) {
  process.exitCode = reportError(err);
}

/** Prints an error the way a user can act on it; returns the exit code. */
function reportError(err: unknown): number {
  if (err instanceof CommanderError) {
    // Commander has already printed its message (or the help/version text).
    return err.exitCode === 0 ? 0 : 2;
  }
  if (err instanceof DeckError) {
    process.stderr.write(`${formatDiagnostics(err.diagnostics)}\ntalkreel: ${err.message}; nothing was rendered\n`);
    return 1;
  }
  if (err instanceof TalkreelError) {
    process.stderr.write(`talkreel: ${err.message}\n`);
    return err.exitCode;
  }
  const e = err as Error;
  process.stderr.write(`talkreel: ${e?.message ?? String(err)}\n`);
  if (process.env.TALKREEL_DEBUG) process.stderr.write(`${e?.stack ?? ''}\n`);
  else process.stderr.write('(set TALKREEL_DEBUG=1 for details)\n');
  return 1;
}
