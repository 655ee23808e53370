import { makeCancelSignal } from '@remotion/renderer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDeck } from '../../../src/deck/load.js';
import { captureFrames } from '../../../src/render/capture/capture.js';
import { openSession, type RenderSession } from '../../../src/render/browser/session.js';
import { planTimeline } from '../../../src/timing/plan.js';
import { fixture } from '../../helpers/cli.js';
import { cmdline, descendants } from '../../helpers/proc.js';

/** The `--type=` of each process descending from `root` (empty for a browser's main process). */
const descendantTypes = (root: number): string[] => descendants(root).map((pid) => /--type=(\S+)/.exec(cmdline(pid))?.[1] ?? '');

describe.runIf(process.platform === 'linux')('the capture browser', () => {
  let session: RenderSession;
  beforeAll(async () => {
    session = await openSession();
  });
  afterAll(() => session?.close());

  it('captures in two tabs with one renderer process', async () => {
    const { deck } = loadDeck(fixture('small.md'));
    const timeline = planTimeline(deck);
    const seen: string[][] = [];
    const tabs: number[] = [];
    const pages = () => (session.browser as unknown as { targets(): { type(): string }[] }).targets().filter((t) => t.type() === 'page').length;
    const frames = [0, 1, 2, 3].map((k) => Math.floor((k * timeline.durationInFrames) / 4));
    await captureFrames({
      session: async () => ({ serveUrl: session.serveUrl, browser: session.browser }),
      browserExecutable: session.browserExecutable,
      deck,
      fps: timeline.fps,
      resolution: '640x360',
      frames,
      talkFrames: timeline.durationInFrames,
      format: 'png',
      concurrency: 2,
      cancelSignal: makeCancelSignal().cancelSignal,
      onFrame: () => {
        // The browser is a child of this process: its renderers, GPU and utility processes are ours too.
        seen.push(descendantTypes(process.pid));
        tabs.push(pages());
      },
    });
    expect(seen).toHaveLength(frames.length);
    expect(Math.max(...tabs)).toBeGreaterThanOrEqual(2);
    // While both tabs capture, the browser has one renderer (and its GPU and utility processes).
    for (const types of seen) expect(types.filter((t) => t === 'renderer')).toHaveLength(1);
    expect(seen.flat()).toContain('gpu-process');
  });
});
