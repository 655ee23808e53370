import cliProgress from 'cli-progress';
import type { RenderProgress } from '../render/render-plan.js';

const LABELS: Record<RenderProgress['phase'], string> = {
  bundle: 'Bundling',
  browser: 'Starting browser',
  capture: 'Capturing frames',
  encode: 'Encoding',
  video: 'Video',
  thumbnails: 'Thumbnails',
  finish: 'Writing outputs',
};

/**
 * Progress on a terminal: a bar per phase with frames captured, encoded and the ETA. When stderr
 * is not a terminal (CI, pipes), one plain line per phase and every 10% of the video.
 */
export function makeProgressReporter(enabled: boolean): { onProgress: (p: RenderProgress) => void; stop: () => void } {
  if (!enabled) return { onProgress: () => {}, stop: () => {} };
  if (process.stderr.isTTY) {
    let bar: cliProgress.SingleBar | null = null;
    let phase: string | null = null;
    const stop = () => {
      bar?.stop();
      bar = null;
    };
    return {
      onProgress: (p) => {
        if (p.phase !== phase) {
          stop();
          phase = p.phase;
          bar = new cliProgress.SingleBar(
            {
              format: `${LABELS[p.phase].padEnd(16)} {bar} {value}/{total}{extra} | ETA {eta_formatted}`,
              stream: process.stderr,
              hideCursor: true,
              clearOnComplete: false,
            },
            cliProgress.Presets.shades_classic,
          );
          bar.start(p.total, p.done, { extra: '' });
        }
        bar?.setTotal(p.total);
        bar?.update(p.done, { extra: extraOf(p) });
      },
      stop,
    };
  }
  // Capture and encoding interleave: remember each phase's last printed tenth separately.
  const announced = new Set<string>();
  const lastTenth = new Map<string, number>();
  return {
    onProgress: (p) => {
      if (!announced.has(p.phase)) {
        announced.add(p.phase);
        process.stderr.write(`${LABELS[p.phase]}...\n`);
      }
      if ((p.phase === 'video' || p.phase === 'capture' || p.phase === 'encode') && p.total > 0) {
        const tenth = Math.floor((p.done / p.total) * 10);
        if (tenth > (lastTenth.get(p.phase) ?? -1)) {
          lastTenth.set(p.phase, tenth);
          process.stderr.write(`  ${LABELS[p.phase].toLowerCase()} ${p.done}/${p.total}${extraOf(p)}\n`);
        }
      }
    },
    stop: () => {},
  };
}

function extraOf(p: RenderProgress): string {
  if (p.phase === 'video') return ` frames captured, ${p.encoded ?? 0} encoded`;
  if (p.phase === 'capture') return ` frames${p.cached ? ` (${p.cached} pictures from cache)` : ''}`;
  if (p.phase === 'encode') return ` segments${p.cached ? ` (${p.cached} from cache)` : ''}`;
  return '';
}
