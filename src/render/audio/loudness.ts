import { ffmpegPath, progressReader, run } from '../encode/ffmpeg.js';

/** The most a normalised recording's true peak may reach, dBTP (EBU R 128's and loudnorm's default is -2 to -1). */
export const TRUE_PEAK = -1.5;
/** loudnorm's default loudness range target, LU; raised to the recording's own so that a linear gain can do. */
const RANGE = 11;

/** The first pass's measurement and the target it is for. */
export interface Loudness {
  target: number;
  inputI: number;
  inputTp: number;
  inputLra: number;
  inputThresh: number;
  targetOffset: number;
}

const filterOf = (target: number, lra: number) => `loudnorm=I=${target}:TP=${TRUE_PEAK}:LRA=${lra}`;

/**
 * First pass of EBU R 128 loudness normalisation: ffmpeg's `loudnorm` measures the whole
 * recording (integrated loudness, true peak, loudness range) and prints them as JSON.
 */
export async function measureLoudness(file: string, target: number, options: { signal?: AbortSignal; onSeconds?: (s: number) => void } = {}): Promise<Loudness> {
  let stderr = '';
  await run(
    ffmpegPath(),
    ['-hide_banner', '-nostdin', '-loglevel', 'info', '-i', file, '-map', '0:a:0', '-af', `${filterOf(target, RANGE)}:print_format=json`, '-progress', 'pipe:1', '-stats_period', '0.5', '-f', 'null', '-'],
    {
      signal: options.signal,
      onStderr: (d) => (stderr += d.toString()),
      onStdout: progressReader((s) => options.onSeconds?.(s)),
    },
  );
  const json = stderr.slice(stderr.lastIndexOf('{'), stderr.lastIndexOf('}') + 1);
  const m = JSON.parse(json) as Record<string, string>;
  return {
    target,
    inputI: Number(m.input_i),
    inputTp: Number(m.input_tp),
    inputLra: Number(m.input_lra),
    inputThresh: Number(m.input_thresh),
    targetOffset: Number(m.target_offset),
  };
}

/**
 * The second pass's filters. Where a plain gain reaches the target without the true peak going
 * over TRUE_PEAK, that gain is all (loudnorm's linear mode does the same, but at 192 kHz);
 * otherwise loudnorm with the first pass's measurements, which then compresses the peaks (its
 * dynamic mode). A silent recording (loudness -inf) is left as it is.
 */
export function loudnessFilter(l: Loudness): string[] {
  if (!Number.isFinite(l.inputI) || !Number.isFinite(l.inputTp)) return [];
  const gain = l.target - l.inputI;
  if (l.inputTp + gain <= TRUE_PEAK) return [`volume=${gain.toFixed(2)}dB`];
  const lra = Math.min(50, Math.max(RANGE, Math.ceil(l.inputLra)));
  return [
    `${filterOf(l.target, lra)}:measured_I=${l.inputI}:measured_TP=${l.inputTp}:measured_LRA=${l.inputLra}:measured_thresh=${l.inputThresh}:offset=${Number.isFinite(l.targetOffset) ? l.targetOffset : 0}:linear=true`,
  ];
}
