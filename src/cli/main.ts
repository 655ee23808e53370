import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_DECK } from '../deck/load.js';
import { DeckError } from '../deck/errors.js';
import { TalkreelError } from '../errors.js';
import { runCheck } from './check-command.js';
import { processContext, type CliContext } from './context.js';
import { formatDiagnostics } from './diagnostics.js';
import { runRender, type RenderFlags } from './render-command.js';
import { runWatch, type WatchFlags } from './watch-command.js';

/**
 * The `talkreel` command as a function: parses `argv` (the arguments after the command's name),
 * runs the command, prints to the context's streams and returns the exit code. Argument parsing
 * and printing only: the work is done by the library functions it calls. What belongs to the
 * process (source maps, the terminal, rejections nobody awaits) is set up by src/cli/start.ts.
 */
export async function runCli(argv: readonly string[], context: CliContext = processContext()): Promise<number> {
  const result = { exitCode: 0 };
  // A command's exit code: the worst of what it reported.
  const exit = (code: number) => void (result.exitCode = Math.max(result.exitCode, code));
  const program = new Command()
    .name('talkreel')
    .description('Render a Markdown slide deck into a talk video (MP4) and a PNG of every slide.')
    .version(process.env.npm_package_version ?? '0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (text) => context.stdout.write(text), writeErr: (text) => context.stderr.write(text) })
    .exitOverride();
  addRender(program).action(async (decks: string[], opts: RenderFlags) => exit(await runRender(decks, opts, context)));
  addWatch(program).action((deck: string | undefined, opts: WatchFlags) => runWatch(deck, opts, context));
  addCheck(program).action(async (deck: string, opts: { strict?: boolean }) => exit(await runCheck(deck, opts, context)));
  try {
    // A new program each run: commander keeps the options it parsed.
    await program.parseAsync([...argv], { from: 'user' });
    return result.exitCode;
  } catch (err) {
    return reportError(err, context);
  }
}

const positiveInt = (name: string) => (value: string) => {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1) throw new InvalidArgumentError(`${name} must be a whole number of at least 1`);
  return n;
};

/** The flags render and watch share, each defined once. */
const shared = {
  resolution: () => new Option('-r, --resolution <r>', '720p, 1080p, 1440p, 2160p or WIDTHxHEIGHT (default: the deck\'s, else 1080p)'),
  fps: () => new Option('--fps <n>', 'frames per second (default: the deck\'s, else 30)').argParser(positiveInt('--fps')),
  browser: () => new Option('--browser <path>', 'browser executable (default: $TALKREEL_BROWSER, else the bundled Chromium)'),
  concurrency: () => new Option('--concurrency <n>', 'browser tabs capturing frames at once').argParser(positiveInt('--concurrency')),
};

const addRender = (program: Command) =>
  program
    .command('render')
    .description('render decks to <out>/<deck>.mp4, <out>/thumbnails/NN-slug.png and <out>/manifest.json')
    .argument('[decks...]', `deck files, or folders of decks (default: ${DEFAULT_DECK})`)
    .option('-o, --out <dir>', 'output folder (default: out/<deck name>/); with several decks, the folder that holds one folder per deck')
    .addOption(shared.resolution())
    .addOption(shared.fps())
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
    .addOption(shared.browser())
    .addOption(shared.concurrency())
    .option('--exact', 'capture and encode every frame the plain Remotion way (slower; a reference)')
    .option('--strict', 'treat warnings as errors: render nothing when the deck has any')
    .option('--json', 'print one JSON summary at the end, and no progress');

const addWatch = (program: Command) =>
  program
    .command('watch')
    .description('render the thumbnails (and the video with --video) on every save of the deck; Ctrl-C stops')
    .argument('[deck]', `the deck file (default: ${DEFAULT_DECK})`)
    .option('-o, --out <dir>', 'output folder (default: out/<deck name>/)')
    .addOption(shared.resolution())
    .addOption(shared.fps())
    .option('--video', 'render the MP4 too')
    .addOption(shared.browser())
    .addOption(shared.concurrency())
    .option('--strict', 'treat warnings as errors');

const addCheck = (program: Command) =>
  program
    .command('check')
    .description('parse and validate a deck without rendering; prints FILE:LINE:COL CODE message')
    .argument('[deck]', 'the deck file', DEFAULT_DECK)
    .option('--strict', 'treat warnings as errors (exit 1 when there is any)');

/** Prints an error the way a user can act on it; returns the exit code. */
export function reportError(err: unknown, context: CliContext = processContext()): number {
  if (err instanceof CommanderError) {
    // Commander has already printed its message (or the help/version text).
    return err.exitCode === 0 ? 0 : 2;
  }
  if (err instanceof DeckError) {
    const summary = err.code === 'deck-invalid' ? `${err.message}; nothing was rendered` : 'nothing was rendered';
    context.stderr.write(`${formatDiagnostics(err.diagnostics)}\ntalkreel: ${summary}\n`);
    return 1;
  }
  if (err instanceof TalkreelError) {
    context.stderr.write(`talkreel: error ${err.code} ${err.message}\n`);
    return err.exitCode;
  }
  const e = err as Error;
  context.stderr.write(`talkreel: ${e?.message ?? String(err)}\n`);
  if (process.env.TALKREEL_DEBUG) context.stderr.write(`${e?.stack ?? ''}\n`);
  else context.stderr.write('(set TALKREEL_DEBUG=1 for details)\n');
  return 1;
}
