import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeCancelSignal, renderMedia, renderStill, selectComposition } from '@remotion/renderer';
import { DEFAULT_DECK, loadDeck } from '../deck/load.js';
import type { Deck, Diagnostic } from '../deck/model.js';
import { hasErrors } from '../deck/parse.js';
import { parseSlideSelection, selectSlides } from '../deck/select.js';
import { DeckError } from '../deck/errors.js';
import { strictDiagnostics } from '../deck/strict.js';
import { TalkreelError, usageError } from '../errors.js';
import { stillFrame, type Timeline } from '../timing/plan.js';
import { planRecorded } from './recording.js';
import { parseResolution } from '../deck/model.js';
import { chooseBrowser } from './browser.js';
import { packageRoot } from './root.js';
import { JPEG_QUALITY } from './capture.js';
import { ENCODER, videoFormat, type VideoFormat } from './encode.js';
import { renderFast } from './fast.js';
import { openSession, type RenderSession } from './session.js';
import { checkTextFit } from './visual-check.js';
import { buildManifest, thumbnailName, type Manifest } from './manifest.js';
import { checkOutDir, commitOutputs, discardStaging, prepareOutDir } from './outputs.js';
import { chapterMarks, planPublish, removeStalePublished, writePublished, type PublishPlan } from './publish.js';
import { concatSegments } from './encode.js';

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

/** `finish`: joining the video and moving the outputs into place. */
export type RenderPhase = 'bundle' | 'browser' | 'capture' | 'encode' | 'video' | 'thumbnails' | 'finish';
export interface RenderProgress {
  phase: RenderPhase;
  done: number;
  total: number;
  /** `video` (exact mode): frames encoded so far. */
  encoded?: number;
  /** `capture`: pictures taken from the cache; `encode`: segments taken from the cache. */
  cached?: number;
}

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
}

export const defaultOutDir = (deckPath: string) => path.join('out', path.basename(deckPath).replace(/\.[^.]+$/, ''));

/** Options checked and filled in once; every later step reads only this. */
interface Plan {
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
  audio: string | null;
}

export function planRender(options: RenderOptions): Plan {
  if (options.resolution !== undefined && !parseResolution(options.resolution)) {
    throw usageError(`--resolution: "${options.resolution}" is not 720p, 1080p, 1440p, 2160p or WIDTHxHEIGHT (even numbers)`);
  }
  if (options.fps !== undefined && (!Number.isInteger(options.fps) || options.fps < 1 || options.fps > 120)) {
    throw usageError(`--fps: "${options.fps}" is not a whole number from 1 to 120`);
  }
  if (options.crf !== undefined && (!Number.isInteger(options.crf) || options.crf < 0 || options.crf > 51)) {
    throw usageError(`--crf: "${options.crf}" is not a whole number from 0 to 51`);
  }
  const cores = os.cpus().length;
  if (options.concurrency !== undefined && (!Number.isInteger(options.concurrency) || options.concurrency < 1 || options.concurrency > cores)) {
    throw usageError(`--concurrency: "${options.concurrency}" is not a whole number from 1 to ${cores} (the cores of this machine)`);
  }
  const deckPath = options.deck ?? DEFAULT_DECK;
  const loaded = loadDeck(deckPath);
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
  const fit = checkTextFit(deck, timeline);
  const diagnostics = [...loaded.diagnostics, ...recorded.diagnostics, ...publish.diagnostics, ...(options.strict ? strictDiagnostics(fit) : fit)].sort(
    (a, b) => a.line - b.line || a.column - b.column,
  );
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
    audio: recorded.audio,
    publish,
    format: videoFormat(timeline.width, timeline.height, timeline.fps, options.crf),
    browserExecutable: options.session ? options.session.browserExecutable : chooseBrowser(options.browser, packageRoot).executablePath,
  };
}

/**
 * Renders a deck to `<out>/<deck>.mp4`, `<out>/thumbnails/NN-slug.png` and `<out>/manifest.json`.
 * The CLI's `talkreel render` is this function and nothing more.
 */
export async function renderTalk(options: RenderOptions = {}): Promise<RenderResult> {
  const started = performance.now();
  const plan = planRender(options);
  const report = options.onProgress ?? (() => {});
  const staging = prepareOutDir(plan.outDir);
  // An interrupt may end the process without unwinding (Remotion exits on SIGINT): clean up then too.
  const removeStaging = () => discardStaging(staging);
  process.on('exit', removeStaging);
  const { cancelSignal, cancel } = makeCancelSignal();
  const onAbort = () => cancel();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  let opening: Promise<RenderSession> | null = null;
  // The bundle and browser are opened when a picture is missing from the cache, not before: a
  // render whose pictures are all cached never starts a browser.
  const session = () => {
    if (options.session) return Promise.resolve(options.session);
    opening ??= openSession({ browser: options.browser, onProgress: report, signal: options.signal });
    return opening;
  };
  try {
    const executablePath = plan.browserExecutable;
    throwIfAborted(options.signal);
    const videoName = `${plan.deckName}.mp4`;
    const names: string[] = [];
    const thumbs: string[] = [];
    const concurrency = options.concurrency ?? Math.min(2, os.cpus().length);
    let stats: RenderResult['stats'] = null;
    fs.mkdirSync(path.join(staging, 'thumbnails'));
    const thumbPath = (index: number) => path.join(staging, 'thumbnails', thumbnailName(plan.fullDeck, index));

    if (options.exact) {
      const { serveUrl, browser } = await session();
      const inputProps = { deck: plan.deck, fps: plan.timeline.fps, resolution: `${plan.timeline.width}x${plan.timeline.height}` };
      const common = { serveUrl, inputProps, puppeteerInstance: browser, browserExecutable: executablePath, logLevel: 'error' as const, chromeMode: 'headless-shell' as const };
      const composition = await selectComposition({ ...common, id: 'Talk' });
      if (plan.video) {
        const total = composition.durationInFrames;
        await renderMedia({
          ...common,
          composition,
          codec: 'h264',
          outputLocation: path.join(staging, videoName),
          imageFormat: 'jpeg',
          jpegQuality: JPEG_QUALITY,
          pixelFormat: 'yuv420p',
          colorSpace: 'bt709',
          crf: plan.format.crf,
          encodingMaxRate: `${plan.format.maxrate}k`,
          encodingBufferSize: `${plan.format.bufsize}k`,
          x264Preset: ENCODER.preset,
          muted: true,
          enforceAudioTrack: false,
          concurrency,
          cancelSignal,
          onProgress: (p) => report({ phase: 'video', done: p.renderedFrames, total, encoded: p.encodedFrames }),
        });
        // renderMedia writes no chapters and no recording here: add them, copying the video stream.
        const plain = path.join(staging, `plain-${videoName}`);
        fs.renameSync(path.join(staging, videoName), plain);
        await concatSegments([plain], path.join(staging, videoName), { title: plan.deck.title }, options.signal, chapterMarks(plan.publish), plan.audio);
        fs.rmSync(plain);
      }
      if (plan.thumbnails) {
        for (const [k, t] of plan.timeline.slides.entries()) {
          report({ phase: 'thumbnails', done: k, total: plan.timeline.slides.length });
          await renderStill({ ...common, composition, frame: stillFrame(t), output: thumbPath(t.index), imageFormat: 'png', cancelSignal });
          throwIfAborted(options.signal);
        }
      }
    } else {
      const result = await renderFast({
        session: async () => {
          const { serveUrl, browser } = await session();
          throwIfAborted(options.signal);
          return { serveUrl, browser };
        },
        restartBrowser: async (reason) => {
          options.onWarning?.(`the browser failed (${reason}); restarting it and retrying once`);
          await (await session()).restartBrowser();
        },
        browserExecutable: executablePath,
        deck: plan.deck,
        timeline: plan.timeline,
        concurrency,
        cancelSignal,
        signal: options.signal,
        video: plan.video ? path.join(staging, videoName) : null,
        metadata: { title: plan.deck.title },
        chapters: chapterMarks(plan.publish),
        format: plan.format,
        audio: plan.audio,
        onProgress: (p) => report(p),
      });
      plan.timeline.slides.forEach((t, i) => fs.copyFileSync(result.thumbnails[i], thumbPath(t.index)));
      const { thumbnails: _t, ...counts } = result;
      stats = counts;
    }
    throwIfAborted(options.signal);
    if (plan.video) names.push(videoName);
    if (plan.thumbnails) {
      for (const t of plan.timeline.slides) thumbs.push(path.join(plan.outDir, 'thumbnails', thumbnailName(plan.fullDeck, t.index)));
      report({ phase: 'thumbnails', done: thumbs.length, total: thumbs.length });
      names.push('thumbnails');
    }

    const stills = plan.timeline.slides
      .map((t) => ({ index: t.index, png: thumbPath(t.index), thumbnail: plan.thumbnails ? `thumbnails/${thumbnailName(plan.fullDeck, t.index)}` : null }))
      .filter((s) => fs.existsSync(s.png));
    // Publishing files go with the video: a thumbnails-only render (as `watch` makes) stays quick.
    const published = plan.video
      ? await writePublished({ plan: plan.publish, deck: plan.deck, timeline: plan.timeline, staging, title: plan.deck.title, video: videoName, stills, signal: options.signal })
      : { names: [], files: undefined };
    names.push(...published.names);
    throwIfAborted(options.signal);
    const manifest = buildManifest(plan.deck, plan.fullDeck, plan.timeline, {
      video: plan.video ? videoName : null,
      thumbnails: plan.thumbnails,
      deck: path.relative(plan.outDir, plan.deckPath),
      published: published.files,
      audio: plan.video && plan.audio ? path.relative(plan.outDir, plan.audio) : null,
    });
    fs.writeFileSync(path.join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    names.push('manifest.json');
    throwIfAborted(options.signal);
    report({ phase: 'finish', done: 1, total: 1 });
    commitOutputs(staging, plan.outDir, names);
    removeStalePublished(plan.outDir, names);
    return {
      outDir: plan.outDir,
      video: plan.video ? path.join(plan.outDir, videoName) : null,
      thumbnails: thumbs,
      manifestPath: path.join(plan.outDir, 'manifest.json'),
      manifest,
      diagnostics: plan.diagnostics,
      seconds: (performance.now() - started) / 1000,
      stats,
    };
  } catch (err) {
    if (options.signal?.aborted) throw new TalkreelError('interrupted', 'render interrupted; earlier outputs were left as they were', 1);
    throw err;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    // A session this call opened is closed, even one still starting when something failed
    // (after an interrupt without waiting for it: the CLI exits at once, and the browser with it).
    const opened = opening as Promise<RenderSession> | null;
    if (opened && options.signal?.aborted) void opened.then((s) => s.close(), () => {});
    else if (opened) await (await opened.catch(() => null))?.close();
    process.off('exit', removeStaging);
    discardStaging(staging);
  }
}

function throwIfAborted(signal: AbortSignal | undefined) {
  if (signal?.aborted) throw new TalkreelError('interrupted', 'render interrupted', 1);
}

/** Renders the PNG thumbnails only (no video) and returns their paths, in slide order. */
export async function renderThumbnails(options: Omit<RenderOptions, 'video' | 'thumbnails'> = {}): Promise<string[]> {
  const result = await renderTalk({ ...options, video: false, thumbnails: true });
  return result.thumbnails;
}
