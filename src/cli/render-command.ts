import fs from 'node:fs';
import { DEFAULT_DECK } from '../deck/load.js';
import { DeckError } from '../deck/errors.js';
import { TalkreelError, usageError } from '../errors.js';
import type { DeckOutcome } from '../render/render-decks.js';
import type { RenderOptions, RenderResult } from '../render/plan/render-plan.js';
import type { CliContext } from './context.js';
import { formatDiagnostics } from './diagnostics.js';
import { makeProgressReporter } from './progress.js';

/** The render command's flags: the library's options as commander parses them, plus `--json`. */
export type RenderFlags = Pick<RenderOptions, 'out' | 'resolution' | 'fps' | 'crf' | 'audio' | 'audioBitrate' | 'loudness' | 'timings' | 'slides' | 'browser' | 'concurrency' | 'exact' | 'strict'> & {
  video: boolean;
  thumbnails: boolean;
  json?: boolean;
};

/**
 * `talkreel render [decks...]`: one deck as before; several decks (or a folder) one after another.
 * Returns the exit code.
 */
export async function runRender(decks: string[], flags: RenderFlags, context: CliContext): Promise<number> {
  const controller = new AbortController();
  // Exit 130 on Ctrl-C (SIGINT) and 143 on SIGTERM, as shells report them, at once: aborting
  // kills ffmpeg, and the render's exit handlers end the browser and remove the staging folder
  // and half-written files (outputs already in --out are untouched). Anything still starting is
  // killed with this process (it is started with a parent-death signal).
  let exitCode = 130;
  const interrupt = (signal: NodeJS.Signals) => {
    exitCode = signal === 'SIGTERM' ? 143 : 130;
    context.stderr.write(`\ntalkreel: interrupted (${signal}); earlier outputs were left as they were\n`);
    controller.abort();
    process.exit(exitCode);
  };
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);
  const list = decks.length > 0 ? decks : [DEFAULT_DECK];
  const several = list.length > 1 || list.some((d) => fs.statSync(d, { throwIfNoEntry: false })?.isDirectory());
  const options = renderOptions(flags, controller.signal, context);
  try {
    return several ? await renderSeveral(list, flags, options, context) : await renderOne(list[0], flags, options, context);
  } catch (err) {
    if (controller.signal.aborted) process.exit(exitCode);
    throw err;
  } finally {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
  }
}

/** The library's options, from the flags; warnings are printed as they come. */
function renderOptions(flags: RenderFlags, signal: AbortSignal, context: CliContext): RenderOptions {
  return {
    resolution: flags.resolution,
    fps: flags.fps,
    crf: flags.crf,
    audio: flags.audio,
    audioBitrate: flags.audioBitrate,
    loudness: flags.loudness,
    timings: flags.timings,
    slides: flags.slides,
    video: flags.video,
    thumbnails: flags.thumbnails,
    browser: flags.browser,
    concurrency: flags.concurrency,
    exact: flags.exact,
    strict: flags.strict,
    signal,
    session: context.session,
    onWarning: (message: string) => context.stderr.write(`\ntalkreel: warning ${message}\n`),
  };
}

// The renderers are loaded when a render starts, not at start-up: `check` and `--help` need none of Remotion.

async function renderOne(deck: string, flags: RenderFlags, options: RenderOptions, context: CliContext): Promise<number> {
  const { renderTalk } = await import('../render/render-talk.js');
  const progress = makeProgressReporter(!flags.json, context.stderr);
  try {
    const result = await renderTalk({ ...options, deck, out: flags.out, onProgress: progress.onProgress });
    progress.stop();
    printResult(result, Boolean(flags.json), context);
    return 0;
  } finally {
    progress.stop();
  }
}

async function renderSeveral(decks: string[], flags: RenderFlags, options: RenderOptions, context: CliContext): Promise<number> {
  // A recording is one talk's: it cannot go with several decks.
  if (flags.audio || flags.timings) throw usageError('--audio and --timings go with one deck, not several');
  const { expandDecks, renderDecks } = await import('../render/render-decks.js');
  let progress = makeProgressReporter(false, context.stderr);
  const outcomes = await renderDecks(expandDecks(decks), {
    ...options,
    out: flags.out,
    onDeck: (deck, i, total) => {
      if (!flags.json) context.stderr.write(`[${i + 1}/${total}] ${deck}\n`);
      progress = makeProgressReporter(!flags.json, context.stderr);
      return progress.onProgress;
    },
    onOutcome: (outcome) => {
      progress.stop();
      if (!flags.json) printOutcome(outcome, context);
    },
  });
  const failed = outcomes.filter((o) => o.error);
  if (flags.json) context.stdout.write(`${JSON.stringify({ ok: failed.length === 0, decks: outcomes.map(outcomeJson) })}\n`);
  else context.stdout.write(`${outcomes.length - failed.length} of ${outcomes.length} decks rendered${failed.length ? `; failed: ${failed.map((o) => o.deck).join(', ')}` : ''}\n`);
  return failed.length > 0 ? 1 : 0;
}

function printOutcome(o: DeckOutcome, context: CliContext): void {
  if (o.result) {
    printResult(o.result, false, context);
    return;
  }
  const err = o.error;
  if (err instanceof DeckError) context.stderr.write(`${formatDiagnostics(err.diagnostics)}\n`);
  const message = err instanceof Error ? err.message : String(err);
  context.stderr.write(`talkreel: ${o.deck}: ${message}; nothing was rendered for this deck\n`);
}

const outcomeJson = (o: DeckOutcome) =>
  o.result
    ? { deck: o.deck, ok: true, outDir: o.outDir, video: o.result.video, thumbnails: o.result.thumbnails, manifest: o.result.manifestPath, renderSeconds: Math.round(o.result.seconds * 10) / 10 }
    : {
        deck: o.deck,
        ok: false,
        error: o.error instanceof Error ? o.error.message : String(o.error),
        code: o.error instanceof TalkreelError ? o.error.code : 'failed',
        diagnostics: o.error instanceof DeckError ? o.error.diagnostics : undefined,
      };

export function printResult(result: RenderResult, json: boolean, { stdout, stderr }: CliContext): void {
  if (result.diagnostics.length > 0) stderr.write(`${formatDiagnostics(result.diagnostics)}\n`);
  const m = result.manifest;
  if (json) {
    stdout.write(
      `${JSON.stringify({ ok: true, outDir: result.outDir, video: result.video, thumbnails: result.thumbnails, manifest: result.manifestPath, slides: m.slides.length, durationInFrames: m.durationInFrames, durationInSeconds: m.durationInSeconds, fps: m.fps, width: m.width, height: m.height, renderSeconds: Math.round(result.seconds * 10) / 10, stats: result.stats, audio: result.audio })}\n`,
    );
    return;
  }
  const lines = [
    `Rendered ${m.slides.length} slides (${clock(m.durationInSeconds)} at ${m.fps} fps, ${m.width}x${m.height}) in ${result.seconds.toFixed(1)} s`,
    result.video ? `  video      ${result.video}` : null,
    result.thumbnails.length ? `  thumbnails ${result.thumbnails.length} PNGs in ${result.outDir}/thumbnails` : null,
    `  manifest   ${result.manifestPath}`,
    m.chapters ? `  chapters   ${m.chapters}` : null,
    m.captions ? `  captions   ${m.captions.srt}, ${m.captions.vtt}` : null,
    [m.poster, m.contactSheet, m.page].some(Boolean) ? `  also       ${[m.poster, m.contactSheet, m.page].filter(Boolean).join(', ')}` : null,
  ];
  stdout.write(`${lines.filter(Boolean).join('\n')}\n`);
}

export const clock = (seconds: number) => {
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};
