/**
 * The floor under any render that runs as a new process: starting Node and the CLI, starting the
 * browser and loading the compositions' page, one screenshot per new picture and, for a video,
 * writing the whole MP4 once. An edit or a thumbnails-only render cannot take less than this,
 * whatever the encoding or the cache does, so the bench prints it beside their shares of the
 * cold render.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeCancelSignal } from '@remotion/renderer';
import { captureFrames } from '../src/render/capture/capture.js';
import { ffmpegPath } from '../src/render/encode/ffmpeg.js';
import { planRender } from '../src/render/plan/render-plan.js';
import { openSession } from '../src/render/browser/session.js';
import { thumbnailFrames } from '../src/timing/frames.js';
import { measure } from './measure.js';

export interface Floor {
  /** `talkreel check` of the deck: Node, the CLI, loading and planning the deck. */
  startSeconds: number;
  /** From asking for a browser to the first picture of the `Frames` composition. */
  firstPictureSeconds: number;
  /** Each further picture, two tabs capturing as a render does. */
  pictureSeconds: number;
  /** One screenshot of a static page of the same size in the same browser: no React, no seeking. */
  bareShotSeconds: number;
  /** Copying the rendered talk's streams into a new MP4 (as a join's last step does): no re-encoding. */
  copySeconds: number;
}

export interface FloorJob {
  bin: string;
  deck: string;
  resolution: string;
  browser: string;
  /** Holds the bundle already built: the bench's renders share it. */
  cacheDir: string;
  /** The talk's MP4 from a render. */
  video: string;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function measureFloor(job: FloorJob): Promise<Floor> {
  const starts: number[] = [];
  const copies: number[] = [];
  const copy = path.join(os.tmpdir(), `talkreel-floor-${process.pid}.mp4`);
  const ffmpeg = ffmpegPath();
  for (let round = 0; round < 3; round++) {
    starts.push((await measure(process.execPath, [job.bin, 'check', job.deck])).seconds);
    const args = ['-v', 'error', '-y', '-i', job.video, '-map', '0', '-c', 'copy', '-movflags', '+faststart', copy];
    copies.push((await measure(ffmpeg, args, {}, path.dirname(ffmpeg))).seconds);
  }

  // The session finds the bundle the bench's renders built through TALKREEL_CACHE_DIR.
  process.env.TALKREEL_CACHE_DIR = job.cacheDir;
  const plan = await planRender({ deck: job.deck, resolution: job.resolution, browser: job.browser, video: false });
  const { timeline } = plan;
  const frames = thumbnailFrames(timeline);
  const asked = performance.now();
  const session = await openSession({ browser: job.browser });
  try {
    const times: number[] = [];
    await captureFrames({
      session: async () => session,
      browserExecutable: job.browser,
      deck: plan.deck,
      fps: timeline.fps,
      resolution: `${timeline.width}x${timeline.height}`,
      frames,
      talkFrames: timeline.durationInFrames,
      format: 'png',
      concurrency: 2,
      cancelSignal: makeCancelSignal().cancelSignal,
      onFrame: () => void times.push(performance.now()),
    });
    const firstPictureSeconds = (times[0] - asked) / 1000;
    const pictureSeconds = (times[times.length - 1] - times[0]) / 1000 / (times.length - 1);
    const bareShotSeconds = await bareShot(session.browser, timeline.width, timeline.height);
    return { startSeconds: median(starts), firstPictureSeconds, pictureSeconds, bareShotSeconds, copySeconds: median(copies) };
  } finally {
    await session.close();
    fs.rmSync(copy, { force: true });
  }
}

type Browser = Awaited<ReturnType<typeof openSession>>['browser'];

/** Seconds per screenshot of a page that never changes, with the parameters Remotion uses. */
async function bareShot(browser: Browser, width: number, height: number): Promise<number> {
  const page = await browser.newPage({ context: () => null, logLevel: 'error', indent: false, pageIndex: 0, onBrowserLog: null, onLog: () => {} });
  const client = page._client();
  await client.send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: false });
  const html = `<body style="margin:0;background:#111;color:#eee;font:80px sans-serif"><p style="padding:100px">Scaling Python</p></body>`;
  await client.send('Page.navigate', { url: `data:text/html,${encodeURIComponent(html)}` });
  await new Promise((resolve) => setTimeout(resolve, 300));
  const shots = 10;
  const started = performance.now();
  for (let i = 0; i < shots; i++) {
    await client.send('Page.captureScreenshot', { format: 'png', clip: { x: 0, y: 0, width, height, scale: 1 }, captureBeyondViewport: true, optimizeForSpeed: true, fromSurface: true });
  }
  const seconds = (performance.now() - started) / 1000 / shots;
  await page.close();
  return seconds;
}
