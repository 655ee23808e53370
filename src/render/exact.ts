import fs from 'node:fs';
import path from 'node:path';
import { renderMedia, renderStill, selectComposition } from '@remotion/renderer';
import { stillFrame } from '../timing/plan.js';
import { chapterMarks } from '../publish/plan.js';
import { JPEG_QUALITY } from './capture/capture.js';
import { concatSegments } from './encode/mux.js';
import { ENCODER } from './encode/x264.js';
import type { RenderRun } from './run.js';

/**
 * `--exact`: every frame through Remotion's renderMedia, and each thumbnail through renderStill,
 * as a reference for the fast renderer. Writes the video and the thumbnails into the staging folder.
 */
export async function renderExact(run: RenderRun): Promise<void> {
  const { plan } = run;
  const { serveUrl, browser } = await run.session.get();
  const inputProps = { deck: plan.deck, fps: plan.timeline.fps, resolution: `${plan.timeline.width}x${plan.timeline.height}` };
  const common = { serveUrl, inputProps, puppeteerInstance: browser, browserExecutable: plan.browserExecutable, logLevel: 'error' as const, chromeMode: 'headless-shell' as const };
  const composition = await selectComposition({ ...common, id: 'Talk' });
  if (plan.video) {
    const total = composition.durationInFrames;
    const video = path.join(run.staging, run.videoName);
    await renderMedia({
      ...common,
      composition,
      codec: 'h264',
      outputLocation: video,
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
      concurrency: run.concurrency,
      cancelSignal: run.cancelSignal,
      onProgress: (p) => run.report({ phase: 'video', done: p.renderedFrames, total, encoded: p.encodedFrames }),
    });
    // renderMedia writes no chapters and no recording here: add them, copying the video stream.
    const plain = path.join(run.staging, `plain-${run.videoName}`);
    fs.renameSync(video, plain);
    await concatSegments([plain], video, { title: plan.deck.title }, run.options.signal, chapterMarks(plan.publish), await run.audio);
    fs.rmSync(plain);
  }
  if (plan.thumbnails) {
    for (const [k, t] of plan.timeline.slides.entries()) {
      run.report({ phase: 'thumbnails', done: k, total: plan.timeline.slides.length });
      await renderStill({ ...common, composition, frame: stillFrame(t), output: run.thumbPath(t.index), imageFormat: 'png', cancelSignal: run.cancelSignal });
      run.throwIfAborted();
    }
  }
}
