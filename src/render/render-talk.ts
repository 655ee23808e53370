import fs from 'node:fs';
import path from 'node:path';
import { interrupted } from '../errors.js';
import { chapterMarks } from '../publish/plan.js';
import { removeStalePublished, writePublished, type PublishedFiles } from '../publish/publish.js';
import { renderExact } from './exact.js';
import { renderFast, type FastResult } from './fast.js';
import { buildManifest, thumbnailName, type Manifest } from './outputs/manifest.js';
import { commitOutputs } from './outputs/outputs.js';
import { planRender, type RenderOptions, type RenderResult } from './plan/render-plan.js';
import { RenderRun } from './run.js';

/**
 * Renders a deck to `<out>/<deck>.mp4`, `<out>/thumbnails/NN-slug.png` and `<out>/manifest.json`.
 * The CLI's `talkreel render` is this function and nothing more. The steps: plan (and check) the
 * render; get the pictures and the video (fast, or `--exact`), publishing meanwhile; write the
 * manifest; move everything into place.
 */
export async function renderTalk(options: RenderOptions = {}): Promise<RenderResult> {
  const started = performance.now();
  const plan = await planRender(options);
  const run = new RenderRun(plan, options);
  try {
    run.throwIfAborted();
    fs.mkdirSync(path.join(run.staging, 'thumbnails'));
    let made: Made = { stats: null, publishing: null };
    if (options.exact) await renderExact(run);
    else made = await renderPictures(run);
    run.throwIfAborted();
    const outputs = await writeOutputs(run, made.publishing);
    return await moveIntoPlace(run, outputs, { stats: made.stats, started });
  } catch (err) {
    if (options.signal?.aborted) throw interrupted(true);
    throw err;
  } finally {
    await run.end();
  }
}

/** Renders the PNG thumbnails only (no video) and returns their paths, in slide order. */
export async function renderThumbnails(options: Omit<RenderOptions, 'video' | 'thumbnails'> = {}): Promise<string[]> {
  const result = await renderTalk({ ...options, video: false, thumbnails: true });
  return result.thumbnails;
}

interface Published {
  names: string[];
  files?: PublishedFiles;
}

/** What getting the pictures gave: the fast renderer's counts, and the publishing it started. */
interface Made {
  stats: FastResult | null;
  publishing: Promise<Published> | null;
}

/** The fast renderer, with this render's browser, sound track and outputs. */
async function renderPictures(run: RenderRun): Promise<Made> {
  const { plan, options } = run;
  let publishing: Promise<Published> | null = null;
  const stats = await renderFast({
    session: async () => {
      const { serveUrl, browser } = await run.session.get();
      run.throwIfAborted();
      return { serveUrl, browser };
    },
    restartBrowser: (reason) => run.session.restart(reason),
    browserExecutable: plan.browserExecutable,
    deck: plan.deck,
    timeline: plan.timeline,
    concurrency: run.concurrency,
    cancelSignal: run.cancelSignal,
    signal: options.signal,
    video: plan.video ? path.join(run.staging, run.videoName) : null,
    metadata: { title: plan.deck.title },
    chapters: chapterMarks(plan.publish),
    format: plan.format,
    audio: run.audio,
    onProgress: (p) => run.report(p),
    // The browser is closed as soon as the capture is over (a session the caller passed in stays).
    captureDone: () => run.session.closeOwn(),
    // The pictures are final before the video is: publishing runs while it is joined.
    alongsideJoin: async (thumbnails) => {
      plan.timeline.slides.forEach((t, i) => fs.copyFileSync(thumbnails[i], run.thumbPath(t.index)));
      await (publishing = publish(run));
    },
  });
  return { stats, publishing };
}

/** Publishing files go with the video: a thumbnails-only render (as `watch` makes) stays quick. */
async function publish(run: RenderRun): Promise<Published> {
  const { plan } = run;
  if (!plan.video) return { names: [], files: undefined };
  const stills = plan.timeline.slides
    .map((t) => ({ index: t.index, png: run.thumbPath(t.index), thumbnail: plan.thumbnails ? `thumbnails/${thumbnailName(plan.fullDeck, t.index)}` : null }))
    .filter((s) => fs.existsSync(s.png));
  return writePublished({ plan: plan.publish, deck: plan.deck, timeline: plan.timeline, staging: run.staging, title: plan.deck.title, video: run.videoName, stills, signal: run.options.signal });
}

interface Outputs {
  /** The names in the staging folder to move into place. */
  names: string[];
  thumbnails: string[];
  manifest: Manifest;
}

/** The publishing files (unless written already) and the manifest, in the staging folder. */
async function writeOutputs(run: RenderRun, publishing: Promise<Published> | null): Promise<Outputs> {
  const { plan } = run;
  const names: string[] = [];
  const thumbnails: string[] = [];
  if (plan.video) names.push(run.videoName);
  if (plan.thumbnails) {
    for (const t of plan.timeline.slides) thumbnails.push(path.join(plan.outDir, 'thumbnails', thumbnailName(plan.fullDeck, t.index)));
    run.report({ phase: 'thumbnails', done: thumbnails.length, total: thumbnails.length });
    names.push('thumbnails');
  }
  const published = await (publishing ?? publish(run));
  names.push(...published.names);
  run.throwIfAborted();
  const manifest = buildManifest(plan.deck, plan.fullDeck, plan.timeline, {
    video: plan.video ? run.videoName : null,
    thumbnails: plan.thumbnails,
    deck: path.relative(plan.outDir, plan.deckPath),
    published: published.files,
    audio: plan.audio ? path.relative(plan.outDir, plan.audio.recording.file) : null,
  });
  fs.writeFileSync(path.join(run.staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  names.push('manifest.json');
  return { names, thumbnails, manifest };
}

/** Moves the outputs into the output folder at once, and removes publishing files left from before. */
async function moveIntoPlace(run: RenderRun, outputs: Outputs, { stats, started }: { stats: FastResult | null; started: number }): Promise<RenderResult> {
  const { plan } = run;
  run.throwIfAborted();
  run.report({ phase: 'finish', done: 1, total: 1 });
  const track = await run.audio;
  commitOutputs(run.staging, plan.outDir, outputs.names);
  removeStalePublished(plan.outDir, outputs.names);
  return {
    outDir: plan.outDir,
    video: plan.video ? path.join(plan.outDir, run.videoName) : null,
    thumbnails: outputs.thumbnails,
    manifestPath: path.join(plan.outDir, 'manifest.json'),
    manifest: outputs.manifest,
    diagnostics: plan.diagnostics,
    seconds: (performance.now() - started) / 1000,
    stats,
    audio: track ? track.how : null,
  };
}
