import { sortDiagnostics } from '../../deck/diagnostics.js';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_DECK, loadDeck } from '../../deck/load.js';
import { prepareDeck } from '../../prepare/index.js';
import type { Deck, Diagnostic } from '../../deck/model.js';
import { parseResolution } from '../../deck/model.js';
import { hasErrors } from '../../deck/parse.js';
import { parseSlideSelection, selectSlides } from '../../deck/select.js';
import { DeckError } from '../../deck/errors.js';
import { strictDiagnostics } from '../../deck/strict.js';
import { usageError } from '../../errors.js';
import type { Timeline } from '../../timing/plan.js';
import { planAudio, type AudioPlan } from '../audio/audio.js';
import { chooseBrowser } from '../browser/browser.js';
import { videoFormat, type VideoFormat } from '../encode/x264.js';
import type { Manifest } from '../outputs/manifest.js';
import { checkOutDir } from '../outputs/outputs.js';
import { planPublish, type PublishPlan } from '../../publish/plan.js';
import { planRecorded } from '../audio/recording.js';
import { packageRoot } from '../cache/root.js';
import type { RenderSession } from '../browser/session.js';
import { timelineChecks } from './checks.js';
import type { RenderPhase, RenderProgress } from './progress.js';

/**
 * What a render is asked for (`RenderOptions`, the CLI's options) and what it is after checking:
 * `planRender` validates and normalises the options once, loads and checks the deck and plans
 * the timeline, before anything is started or written; every later step reads only the plan.
 */

export interface RenderOptions {
  /** Deck file; default `deck/scaling-python.md`. */
  deck?: string;
  /** Output folder; default `out/<deck name>/`. */
  out?: string;
  resolution?: string;
  fps?: number;
  /** x264 quality (0-51, lower is better; default 18); the bitrate ceiling applies whatever it is. */
  crf?: number;
  /** The speaker's recording to mux (else the deck's `audio:`); the video lasts as long. */
  audio?: string;
  /**
   * kbit/s of the encoded recording (default 128 mono, 192 stereo). Given, an AAC recording is
   * encoded too rather than copied.
   */
  audioBitrate?: number;
  /** Normalise the recording to this integrated loudness, LUFS (-70 to -5; for example -14). */
  loudness?: number;
  /** Recorded start times, one per slide per line (else the deck's `at:` options). */
  timings?: string;
  /** Slide selection such as `2,5-7`. */
  slides?: string;
  video?: boolean;
  thumbnails?: boolean;
  /** Browser executable; overrides TALKREEL_BROWSER and the bundled Chromium. */
  browser?: string;
  concurrency?: number;
  /** Capture and encode every frame the plain Remotion way (a reference; slower). */
  exact?: boolean;
  /** Treat warnings as errors: a deck with any problem renders nothing. */
  strict?: boolean;
  /**
   * A bundle and browser to render with (see `openSession`), kept open for later renders; by
   * default each call opens its own and closes it at the end.
   */
  session?: RenderSession;
  onProgress?: (progress: RenderProgress) => void;
  /** Told about problems the render recovered from (a browser restarted after a crash). */
  onWarning?: (message: string) => void;
  /** Aborting stops the render, ends the browser and ffmpeg and leaves `out` as it was. */
  signal?: AbortSignal;
}

export type { RenderPhase, RenderProgress };

export interface RenderResult {
  outDir: string;
  video: string | null;
  thumbnails: string[];
  manifestPath: string;
  manifest: Manifest;
  diagnostics: Diagnostic[];
  seconds: number;
  /** Fast mode: frames captured and segments encoded in this run, and what the cache supplied. */
  stats: { captured: number; cachedFrames: number; encodedSegments: number; cachedSegments: number } | null;
  /** How the recording went into the MP4: stream-copied, encoded, or its encoded track taken from the cache. */
  audio: 'copied' | 'encoded' | 'cached' | null;
}

export const defaultOutDir = (deckPath: string) => path.join('out', path.basename(deckPath).replace(/\.[^.]+$/, ''));

/** Options checked and filled in once; every later step reads only this. */
export interface Plan {
  deck: Deck;
  fullDeck: Deck;
  deckPath: string;
  deckName: string;
  outDir: string;
  timeline: Timeline;
  video: boolean;
  thumbnails: boolean;
  diagnostics: Diagnostic[];
  browserExecutable: string | null;
  publish: PublishPlan;
  format: VideoFormat;
  /** How the recording goes into the MP4, or null without one (or without a video). */
  audio: AudioPlan | null;
}

export async function planRender(options: RenderOptions): Promise<Plan> {
  checkOptions(options);
  const deckPath = options.deck ?? DEFAULT_DECK;
  const loaded = loadDeck(deckPath);
  loaded.diagnostics.push(...(await prepareDeck(loaded.deck)));
  if (options.strict) loaded.diagnostics = strictDiagnostics(loaded.diagnostics);
  if (hasErrors(loaded.diagnostics)) throw new DeckError(loaded.diagnostics);
  let selection: number[] | undefined;
  if (options.slides !== undefined) {
    const parsed = parseSlideSelection(options.slides, loaded.deck.slides.length);
    if ('error' in parsed) throw usageError(parsed.error, 'slides-invalid');
    selection = parsed.slides;
  }
  const video = options.video ?? true;
  const thumbnails = options.thumbnails ?? true;
  if (!video && !thumbnails) throw usageError('--no-video and --no-thumbnails together leave nothing to render');
  const recorded = planRecorded(selectSlides(loaded.deck, selection), loaded.path, selection !== undefined, options, { fps: options.fps, resolution: options.resolution });
  const deck = recorded.deck;
  const { timeline } = recorded;
  const publish = planPublish(deck, timeline);
  // The recording's, chapters', captions' and fitting's warnings are errors under --strict too.
  const later = [...recorded.diagnostics, ...timelineChecks(deck, timeline, publish)];
  const diagnostics = sortDiagnostics([...loaded.diagnostics, ...(options.strict ? strictDiagnostics(later) : later)], loaded.deck.file);
  if (hasErrors(diagnostics)) throw new DeckError(diagnostics);
  const outDir = path.resolve(options.out ?? defaultOutDir(deckPath));
  // Before the browser is unpacked or started: a bad --out fails at once.
  checkOutDir(outDir);
  return {
    deck,
    fullDeck: loaded.deck,
    deckPath: loaded.path,
    deckName: path.basename(deckPath).replace(/\.[^.]+$/, ''),
    outDir,
    timeline,
    video,
    thumbnails,
    diagnostics,
    audio: video && recorded.audio ? planAudio(recorded.audio, { bitrate: options.audioBitrate, loudness: options.loudness }) : null,
    publish,
    format: videoFormat(timeline.width, timeline.height, timeline.fps, options.crf),
    browserExecutable: options.session ? options.session.browserExecutable : chooseBrowser(options.browser, packageRoot).executablePath,
  };
}

/** The numeric options, checked before the deck is read: a bad value is a usage error. */
function checkOptions(options: RenderOptions): void {
  if (options.resolution !== undefined && !parseResolution(options.resolution)) {
    throw usageError(`--resolution: "${options.resolution}" is not 720p, 1080p, 1440p, 2160p or WIDTHxHEIGHT (even numbers)`);
  }
  if (options.fps !== undefined && (!Number.isInteger(options.fps) || options.fps < 1 || options.fps > 120)) {
    throw usageError(`--fps: "${options.fps}" is not a whole number from 1 to 120`);
  }
  if (options.crf !== undefined && (!Number.isInteger(options.crf) || options.crf < 0 || options.crf > 51)) {
    throw usageError(`--crf: "${options.crf}" is not a whole number from 0 to 51`);
  }
  if (options.audioBitrate !== undefined && (!Number.isInteger(options.audioBitrate) || options.audioBitrate < 32 || options.audioBitrate > 320)) {
    throw usageError(`--audio-bitrate: "${options.audioBitrate}" is not a whole number of kbit/s from 32 to 320`);
  }
  if (options.loudness !== undefined && (!Number.isFinite(options.loudness) || options.loudness < -70 || options.loudness > -5)) {
    throw usageError(`--loudness: "${options.loudness}" is not a loudness from -70 to -5 LUFS`);
  }
  const cores = os.cpus().length;
  if (options.concurrency !== undefined && (!Number.isInteger(options.concurrency) || options.concurrency < 1 || options.concurrency > cores)) {
    throw usageError(`--concurrency: "${options.concurrency}" is not a whole number from 1 to ${cores} (the cores of this machine)`);
  }
}
