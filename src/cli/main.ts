import { sortDiagnostics } from '../deck/diagnostics.js';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_DECK, loadDeck } from '../deck/load.js';
import { prepareDeck } from '../prepare/index.js';
import { hasErrors } from '../deck/parse.js';
import { asError, TalkreelError } from '../errors.js';
import { DeckError } from '../deck/errors.js';
import { strictDiagnostics } from '../deck/strict.js';
import { timelineChecks } from '../render/plan/checks.js';
import { planTimeline } from '../timing/plan.js';
import { checkStarts, deckStarts } from '../timing/starts.js';
import { formatDiagnostics } from './diagnostics.js';
import { clock, runRender, type RenderFlags } from './render-command.js';
import { runWatch, type WatchFlags } from './watch-command.js';
import { ignoreClosedStdout, quietClosedBrowserLogs } from './terminal.js';

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
  .description('render decks to <out>/<deck>.mp4, <out>/thumbnails/NN-slug.png and <out>/manifest.json')
  .argument('[decks...]', `deck files, or folders of decks (default: ${DEFAULT_DECK})`)
  .option('-o, --out <dir>', 'output folder (default: out/<deck name>/); with several decks, the folder that holds one folder per deck')
  .option('-r, --resolution <r>', '720p, 1080p, 1440p, 2160p or WIDTHxHEIGHT (default: the deck\'s, else 1080p)')
  .option('--fps <n>', 'frames per second (default: the deck\'s, else 30)', positiveInt('--fps'))
  .option('--crf <n>', 'x264 quality, 0-51, lower is better (default: 18); the bitrate ceiling still applies', (v: string) => {
    if (!/^\d+$/.test(v) || Number(v) > 51) throw new InvalidArgumentError('--crf must be a whole number from 0 to 51');
    return Number(v);
  })
  .option('--audio <file>', 'the speaker\'s recording, muxed into the MP4 (AAC-LC copied, anything else encoded); the video lasts as long (default: the deck\'s audio:)')
  .option('--audio-bitrate <kbps>', 'encode the recording at this many kbit/s, 32-320 (default: 128 mono, 192 stereo; an AAC recording is then encoded too)', (v: string) => {
    const m = /^(\d+)k?$/i.exec(v);
    if (!m || Number(m[1]) < 32 || Number(m[1]) > 320) throw new InvalidArgumentError('--audio-bitrate must be a whole number of kbit/s from 32 to 320, such as 96 or 96k');
    return Number(m[1]);
  })
  .option('--loudness <lufs>', 'normalise the recording to this integrated loudness (two passes of loudnorm), such as -14 or -16', (v: string) => {
    const n = Number(v);
    if (!/^-?\d+(\.\d+)?$/.test(v) || n < -70 || n > -5) throw new InvalidArgumentError('--loudness must be a loudness in LUFS from -70 to -5, such as -14');
    return n;
  })
  .option('--timings <file>', 'recorded start times, one per slide per line (default: the slides\' at: options)')
  .option('--slides <list>', 'render only these slides, e.g. 2,5-7')
  .option('--no-video', 'skip the MP4')
  .option('--no-thumbnails', 'skip the PNG thumbnails')
  .addOption(new Option('--browser <path>', 'browser executable (default: $TALKREEL_BROWSER, else the bundled Chromium)'))
  .option('--concurrency <n>', 'browser tabs capturing frames at once', positiveInt('--concurrency'))
  .option('--exact', 'capture and encode every frame the plain Remotion way (slower; a reference)')
  .option('--strict', 'treat warnings as errors: render nothing when the deck has any')
  .option('--json', 'print one JSON summary at the end, and no progress')
  .action((decks: string[], opts: RenderFlags) => runRender(decks, opts));

program
  .command('watch')
  .description('render the thumbnails (and the video with --video) on every save of the deck; Ctrl-C stops')
  .argument('[deck]', `the deck file (default: ${DEFAULT_DECK})`)
  .option('-o, --out <dir>', 'output folder (default: out/<deck name>/)')
  .option('-r, --resolution <r>', '720p, 1080p, 1440p, 2160p or WIDTHxHEIGHT (default: the deck\'s, else 1080p)')
  .option('--fps <n>', 'frames per second (default: the deck\'s, else 30)', positiveInt('--fps'))
  .option('--video', 'render the MP4 too')
  .addOption(new Option('--browser <path>', 'browser executable (default: $TALKREEL_BROWSER, else the bundled Chromium)'))
  .option('--concurrency <n>', 'browser tabs capturing frames at once', positiveInt('--concurrency'))
  .option('--strict', 'treat warnings as errors')
  .action((deck: string | undefined, opts: WatchFlags) => runWatch(deck, opts));

program
  .command('check')
  .description('parse and validate a deck without rendering; prints FILE:LINE:COL CODE message')
  .argument('[deck]', 'the deck file', DEFAULT_DECK)
  .option('--strict', 'treat warnings as errors (exit 1 when there is any)')
  .action(async (deck: string, opts: { strict?: boolean }) => {
    const loaded = loadDeck(deck);
    loaded.diagnostics.push(...(await prepareDeck(loaded.deck)));
    const parsed = loaded.deck;
    // Recorded timings written in the deck (`at:`) are checked too; the recording's length is not.
    const recorded = deckStarts(parsed);
    const found = [...loaded.diagnostics, ...recorded.diagnostics];
    if (recorded.starts && recorded.diagnostics.length === 0) found.push(...checkStarts(recorded.starts, parsed.slides.length, parsed.options.fps, null, { file: parsed.file, line: 1 }));
    const t = hasErrors(found) ? null : planTimeline(parsed);
    // The same checks a render makes: chapters, captions, the text's fit.
    if (t) found.push(...timelineChecks(parsed, t));
    sortDiagnostics(found, parsed.file);
    const diagnostics = opts.strict ? strictDiagnostics(found) : found;
    if (diagnostics.length > 0) process.stderr.write(`${formatDiagnostics(diagnostics)}\n`);
    if (!t || hasErrors(diagnostics)) process.exit(1);
    process.stdout.write(`${parsed.file}: ${parsed.slides.length} slides, ${clock(t.durationInFrames / t.fps)} at ${t.fps} fps, ${t.width}x${t.height}\n`);
  });

quietClosedBrowserLogs();
ignoreClosedStdout();
// A promise that rejects with nobody waiting on it (inside a library, say) would end the process
// with Node's stack trace. Report it like any other error instead and stop; once an error has
// been reported, a late one from the same failure adds nothing.
process.on('unhandledRejection', (reason) => {
  if (process.exitCode) return;
  process.exitCode = reportError(asError(reason));
  process.exit();
});

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
    const summary = err.code === 'deck-invalid' ? `${err.message}; nothing was rendered` : 'nothing was rendered';
    process.stderr.write(`${formatDiagnostics(err.diagnostics)}\ntalkreel: ${summary}\n`);
    return 1;
  }
  if (err instanceof TalkreelError) {
    process.stderr.write(`talkreel: error ${err.code} ${err.message}\n`);
    return err.exitCode;
  }
  const e = err as Error;
  process.stderr.write(`talkreel: ${e?.message ?? String(err)}\n`);
  if (process.env.TALKREEL_DEBUG) process.stderr.write(`${e?.stack ?? ''}\n`);
  else process.stderr.write('(set TALKREEL_DEBUG=1 for details)\n');
  return 1;
}
