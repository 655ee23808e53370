import { makeCancelSignal, renderFrames } from '@remotion/renderer';
import type { Deck } from '../../deck/model.js';
import type { ProbeReport } from '../../slides/probe.js';
import { thumbnailFrames } from '../../timing/frames.js';
import { planTimeline } from '../../timing/plan.js';
import type { RenderSession } from '../browser/session.js';

/**
 * What each slide of a deck draws in the page, fully built: the real compositions in the real
 * browser, at the thumbnail frames, with the `probeText` prop (see slides/probe.ts). By slide
 * number. For checks of the drawing (every word, every formula reaches the page), not for output:
 * the frames themselves are thrown away.
 */
export async function probeSlides(session: RenderSession, deck: Deck, resolution = '1280x720'): Promise<Map<number, ProbeReport>> {
  const timeline = planTimeline(deck, { resolution });
  const frames = thumbnailFrames(timeline);
  const inputProps = { deck, resolution, frames, probeText: true };
  const reports = new Map<number, ProbeReport>();
  await renderFrames({
    serveUrl: session.serveUrl,
    puppeteerInstance: session.browser,
    browserExecutable: session.browserExecutable,
    chromeMode: 'headless-shell',
    logLevel: 'error',
    inputProps,
    composition: {
      id: 'Frames', width: timeline.width, height: timeline.height, fps: timeline.fps, durationInFrames: Math.max(frames.length, timeline.durationInFrames),
      defaultProps: {}, props: inputProps, defaultCodec: null, defaultOutName: null, defaultVideoImageFormat: null, defaultPixelFormat: null, defaultProResProfile: null, defaultSampleRate: null,
    },
    outputDir: null,
    frameRange: [0, frames.length - 1],
    // Only the console reports are read: no screenshots (about 0.1 s of a core each at 720p).
    imageFormat: 'none',
    concurrency: 1,
    cancelSignal: makeCancelSignal().cancelSignal,
    onStart: () => {},
    onFrameUpdate: () => {},
    onBrowserLog: (log) => {
      const m = /^talkreel:probe (\d+) (.*)$/s.exec(log.text);
      if (m) reports.set(Number(m[1]), JSON.parse(m[2]) as ProbeReport);
    },
  });
  return reports;
}
