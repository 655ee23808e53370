import { renderFrames, type makeCancelSignal } from '@remotion/renderer';
import type { Browser } from '../browser/session.js';
import type { Deck } from '../../deck/model.js';


export interface CaptureJob {
  /** Opened on first use: nothing is started when there is nothing to capture. */
  session: () => Promise<{ serveUrl: string; browser: Browser }>;
  browserExecutable: string | null;
  deck: Deck;
  fps: number;
  resolution: string;
  /** Frames of `Talk` to capture, in order. */
  frames: number[];
  /** Length of the whole talk, in frames. */
  talkFrames: number;
  format: 'jpeg' | 'png';
  concurrency: number;
  cancelSignal: ReturnType<typeof makeCancelSignal>['cancelSignal'];
  /** Called with each picture as soon as it is captured (not necessarily in order). */
  onFrame: (talkFrame: number, picture: Buffer) => void | Promise<void>;
}

export const JPEG_QUALITY = 92;

/** Captures the given frames of the talk, each once, in one renderFrames pass over `Frames`. */
export async function captureFrames(job: CaptureJob): Promise<void> {
  if (job.frames.length === 0) return;
  const { serveUrl, browser } = await job.session();
  const inputProps = { deck: job.deck, fps: job.fps, resolution: job.resolution, frames: job.frames };
  const common = { serveUrl, inputProps, puppeteerInstance: browser, browserExecutable: job.browserExecutable, logLevel: 'error' as const, chromeMode: 'headless-shell' as const };
  // What `selectComposition` would compute (see framesMetadata in Root.tsx), known here already:
  // asking the page for it costs a page load per pass.
  const [width, height] = job.resolution.split('x').map(Number);
  const composition = {
    id: 'Frames',
    width,
    height,
    fps: job.fps,
    durationInFrames: Math.max(1, job.frames.length, job.talkFrames),
    defaultProps: {},
    props: inputProps,
    defaultCodec: null,
    defaultOutName: null,
    defaultVideoImageFormat: null,
    defaultPixelFormat: null,
    defaultProResProfile: null,
    defaultSampleRate: null,
  };
  await renderFrames({
    ...common,
    composition,
    outputDir: null,
    frameRange: [0, job.frames.length - 1],
    imageFormat: job.format,
    ...(job.format === 'jpeg' ? { jpegQuality: JPEG_QUALITY } : {}),
    concurrency: job.concurrency,
    cancelSignal: job.cancelSignal,
    onStart: () => {},
    onFrameUpdate: () => {},
    onFrameBuffer: (buffer, k) => job.onFrame(job.frames[k], buffer),
  });
}
