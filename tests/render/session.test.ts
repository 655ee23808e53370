import fs from 'node:fs';
import { makeCancelSignal } from '@remotion/renderer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDeck } from '../../src/deck/load.js';
import { captureFrames } from '../../src/render/capture.js';
import { openSession, type RenderSession } from '../../src/render/session.js';
import { planTimeline } from '../../src/timing/plan.js';
import { fixture } from '../helpers/cli.js';

/** The process's parent pid and its `--type=` (empty for the browser process itself), from /proc. */
function processInfo(pid: number): { parent: number; type: string } | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    // Chromium rewrites the command lines of its child processes into one line: no NUL separators.
    const type = /--type=(\S+)/.exec(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8'))?.[1] ?? '';
    return { parent, type };
  } catch {
    return null;
  }
}

/** Types of the processes descending from `root`. */
function descendantTypes(root: number): string[] {
  const all = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number);
  const info = new Map(all.map((pid) => [pid, processInfo(pid)]));
  const under = (pid: number): boolean => {
    for (let p = info.get(pid)?.parent; p !== undefined && p > 1; p = info.get(p)?.parent) if (p === root) return true;
    return false;
  };
  return all.filter(under).map((pid) => info.get(pid)?.type ?? '');
}

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
