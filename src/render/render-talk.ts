import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeCancelSignal, renderMedia, renderStill, selectComposition } from '@remotion/renderer';
import { TalkreelError } from '../errors.js';
import { stillFrame } from '../timing/plan.js';
import { JPEG_QUALITY } from './capture/capture.js';
import { concatSegments } from './encode/mux.js';
import { ENCODER } from './encode/x264.js';
import { prepareAudio } from './audio/audio.js';
import { renderFast } from './fast.js';
import { buildManifest, thumbnailName } from './outputs/manifest.js';
import { commitOutputs, discardStaging, prepareOutDir } from './outputs/outputs.js';
import { chapterMarks, removeStalePublished, writePublished, type PublishedFiles } from '../publish/publish.js';
import { planRender, type RenderOptions, type RenderResult } from './plan/render-plan.js';
import { openSession, type RenderSession } from './browser/session.js';

/**
 * Renders a deck to `<out>/<deck>.mp4`, `<out>/thumbnails/NN-slug.png` and `<out>/manifest.json`.
 * The CLI's `talkreel render` is this function and nothing more.
 */
export async function renderTalk(options: RenderOptions = {}): Promise<RenderResult> {
  const started = performance.now();
  const plan = await planRender(options);
  const report = options.onProgress ?? (() => {});
  const staging = prepareOutDir(plan.outDir);
  // An interrupt may end the process without unwinding (Remotion exits on SIGINT): clean up then too.
  const removeStaging = () => discardStaging(staging);
  process.on('exit', removeStaging);
  const { cancelSignal, cancel } = makeCancelSignal();
  // Ends the recording's encoder when the render fails or is interrupted.
  const stopAudio = new AbortController();
  const onAbort = () => {
    cancel();
    stopAudio.abort();
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });
  let opening: Promise<RenderSession> | null = null;
  // The bundle and browser are opened when a picture is missing from the cache, not before: a
  // render whose pictures are all cached never starts a browser.
  const session = () => {
    if (options.session) return Promise.resolve(options.session);
    opening ??= openSession({ browser: options.browser, onProgress: report, signal: options.signal });
    return opening;
  };
  // The sound track needs only the recording and the talk's length: it is prepared from the start,
  // beside the capture and the video's encoders, and awaited when the video is joined.
  const audio = plan.audio ? prepareAudio(plan.audio, plan.timeline.durationInFrames / plan.timeline.fps, { signal: stopAudio.signal, onProgress: report }) : null;
  audio?.catch(() => {}); // its error is reported where it is awaited
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
    // Publishing files go with the video: a thumbnails-only render (as `watch` makes) stays quick.
    const publish = async (): Promise<{ names: string[]; files?: PublishedFiles }> => {
      if (!plan.video) return { names: [], files: undefined };
      const stills = plan.timeline.slides
        .map((t) => ({ index: t.index, png: thumbPath(t.index), thumbnail: plan.thumbnails ? `thumbnails/${thumbnailName(plan.fullDeck, t.index)}` : null }))
        .filter((s) => fs.existsSync(s.png));
      return writePublished({ plan: plan.publish, deck: plan.deck, timeline: plan.timeline, staging, title: plan.deck.title, video: videoName, stills, signal: options.signal });
    };
    let publishing: ReturnType<typeof publish> | null = null;

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
        await concatSegments([plain], path.join(staging, videoName), { title: plan.deck.title }, options.signal, chapterMarks(plan.publish), await audio);
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
          const open = options.session ?? (await opening?.catch(() => null));
          if (open) await open.restartBrowser();
          else {
            // The browser never started: try a new one, rather than the failed start again.
            opening = null;
            await session();
          }
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
        audio,
        onProgress: (p) => report(p),
        // The browser is closed as soon as the capture is over (a session the caller passed in stays).
        captureDone: async () => {
          const opened = opening;
          opening = null;
          await (await opened?.catch(() => null))?.close();
        },
        // The pictures are final before the video is: publishing runs while it is joined.
        alongsideJoin: async (thumbnails) => {
          plan.timeline.slides.forEach((t, i) => fs.copyFileSync(thumbnails[i], thumbPath(t.index)));
          await (publishing = publish());
        },
      });
      stats = result;
    }
    throwIfAborted(options.signal);
    if (plan.video) names.push(videoName);
    if (plan.thumbnails) {
      for (const t of plan.timeline.slides) thumbs.push(path.join(plan.outDir, 'thumbnails', thumbnailName(plan.fullDeck, t.index)));
      report({ phase: 'thumbnails', done: thumbs.length, total: thumbs.length });
      names.push('thumbnails');
    }

    const published = await (publishing ?? publish());
    names.push(...published.names);
    throwIfAborted(options.signal);
    const manifest = buildManifest(plan.deck, plan.fullDeck, plan.timeline, {
      video: plan.video ? videoName : null,
      thumbnails: plan.thumbnails,
      deck: path.relative(plan.outDir, plan.deckPath),
      published: published.files,
      audio: plan.audio ? path.relative(plan.outDir, plan.audio.recording.file) : null,
    });
    fs.writeFileSync(path.join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    names.push('manifest.json');
    throwIfAborted(options.signal);
    report({ phase: 'finish', done: 1, total: 1 });
    const track = await audio;
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
      audio: track ? track.how : null,
    };
  } catch (err) {
    if (options.signal?.aborted) throw new TalkreelError('interrupted', 'render interrupted; earlier outputs were left as they were', 1);
    throw err;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    // An encoder still running (the render failed before the join) is ended and its file removed.
    stopAudio.abort();
    await audio?.catch(() => {});
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
