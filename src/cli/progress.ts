import cliProgress from 'cli-progress';
import type { RenderProgress } from '../render/plan/render-plan.js';
import type { CliOutput } from './context.js';

const LABELS: Record<RenderProgress['phase'], string> = {
  bundle: 'Bundling',
  browser: 'Starting browser',
  loudness: 'Measuring loudness',
  audio: 'Encoding audio',
  capture: 'Capturing frames',
  encode: 'Encoding',
  video: 'Video',
  thumbnails: 'Thumbnails',
  finish: 'Writing outputs',
};

/**
 * Progress on a terminal: a bar per phase with frames captured, encoded and the ETA; phases that
 * run side by side (capture, encoding, the recording's encoder) each keep their own bar. When
 * stderr is not a terminal (CI, pipes), one plain line per phase and every 10% of the video.
 */
export function makeProgressReporter(enabled: boolean, stderr: CliOutput): { onProgress: (p: RenderProgress) => void; stop: () => void } {
  if (!enabled) return { onProgress: () => {}, stop: () => {} };
  if (stderr.isTTY) {
    let bars: cliProgress.MultiBar | null = null;
    const byPhase = new Map<string, cliProgress.SingleBar>();
    const stop = () => {
      bars?.stop();
      bars = null;
      byPhase.clear();
    };
    return {
      onProgress: (p) => {
        bars ??= new cliProgress.MultiBar(
          { format: '{label} {bar} {value}/{total}{extra} | ETA {eta_formatted}', stream: stderr as NodeJS.WriteStream, hideCursor: true, clearOnComplete: false },
          cliProgress.Presets.shades_classic,
        );
        const total = Math.round(p.total);
        const done = Math.floor(p.done);
        let bar = byPhase.get(p.phase);
        if (!bar) {
          bar = bars.create(total, done, { label: LABELS[p.phase].padEnd(18), extra: '' });
          byPhase.set(p.phase, bar);
        }
        bar.setTotal(total);
        bar.update(done, { extra: extraOf(p) });
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
        stderr.write(`${LABELS[p.phase]}...\n`);
      }
      if (['video', 'capture', 'encode', 'loudness', 'audio'].includes(p.phase) && p.total > 0) {
        const tenth = Math.floor((p.done / p.total) * 10);
        if (tenth > (lastTenth.get(p.phase) ?? -1)) {
          lastTenth.set(p.phase, tenth);
          stderr.write(`  ${LABELS[p.phase].toLowerCase()} ${Math.floor(p.done)}/${Math.round(p.total)}${extraOf(p)}\n`);
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
  if (p.phase === 'loudness' || p.phase === 'audio') return ' s of the recording';
  return '';
}
