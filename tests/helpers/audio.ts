import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import wavefile from 'wavefile';
import { ffmpegPath, ffprobePath } from '../../src/render/encode/ffmpeg.js';

/** A click: 4 ms of a 3 kHz tone under a Hann window, loud against the quiet tone around it. */
const CLICK_SECONDS = 0.004;
const clickShape = (rate: number): Float64Array => {
  const n = Math.round(CLICK_SECONDS * rate);
  return Float64Array.from({ length: n }, (_, k) => Math.sin((Math.PI * k) / n) ** 2 * Math.sin((2 * Math.PI * 3000 * k) / rate));
};

/**
 * A test recording (16-bit WAV): a quiet 220 Hz tone, as a room and a voice never give digital
 * silence, with a click starting at each of `clicks` seconds, in every channel.
 */
export function writeClickTrack(file: string, o: { seconds: number; rate: number; channels: number; clicks: number[] }): void {
  const n = Math.round(o.seconds * o.rate);
  const samples = Float64Array.from({ length: n }, (_, i) => 0.01 * Math.sin((2 * Math.PI * 220 * i) / o.rate));
  const shape = clickShape(o.rate);
  for (const at of o.clicks) {
    const start = Math.round(at * o.rate);
    for (let k = 0; k < shape.length && start + k < n; k++) samples[start + k] = 0.8 * shape[k];
  }
  const int16 = Int16Array.from(samples, (v) => Math.round(v * 32767));
  const wav = new wavefile.WaveFile();
  wav.fromScratch(o.channels, o.rate, '16', Array.from({ length: o.channels }, () => int16));
  fs.writeFileSync(file, wav.toBuffer());
}

/** Runs the shipped ffmpeg; throws with its message on failure. */
export function ffmpeg(args: string[]): void {
  const bin = ffmpegPath();
  const r = spawnSync(bin, ['-v', 'error', '-nostdin', '-y', ...args], { cwd: path.dirname(bin), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
}

export interface Pcm {
  rate: number;
  /** Samples of each channel, -1 to 1. */
  channels: Float64Array[];
}

/** The first audio stream of `file` decoded by ffmpeg (with its edit list applied), as PCM. */
export function decodeAudio(file: string, scratch: string): Pcm {
  const wavPath = `${scratch}.wav`;
  ffmpeg(['-i', file, '-map', '0:a:0', '-c:a', 'pcm_s16le', '-bitexact', '-f', 'wav', wavPath]);
  const wav = new wavefile.WaveFile();
  wav.fromBuffer(fs.readFileSync(wavPath));
  fs.rmSync(wavPath);
  const { sampleRate, numChannels, bitsPerSample } = wav.fmt as { sampleRate: number; numChannels: number; bitsPerSample: number };
  if (bitsPerSample !== 16) throw new Error(`${file}: decoded to ${bitsPerSample}-bit samples, not 16`);
  // The data chunk's samples, read straight from its bytes: wavefile's getSamples converts them
  // one at a time (about 0.1 s of a core for each second of stereo sound).
  const bytes = (wav.data as { samples: Uint8Array }).samples;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const frames = Math.floor(bytes.byteLength / (2 * numChannels));
  const channels = Array.from({ length: numChannels }, () => new Float64Array(frames));
  for (let i = 0; i < frames; i++) {
    for (let c = 0; c < numChannels; c++) channels[c][i] = view.getInt16(2 * (i * numChannels + c), true) / 32768;
  }
  return { rate: sampleRate, channels };
}

/**
 * Where the click nearest `expected` seconds starts in `samples`, in seconds: the lag, within
 * 50 ms of `expected`, at which the samples best match the click's shape (cross-correlation).
 */
export function findClick(samples: Float64Array, rate: number, expected: number): number {
  const shape = clickShape(rate);
  const window = Math.round(0.05 * rate);
  const centre = Math.round(expected * rate);
  let best = -Infinity;
  let at = -1;
  for (let lag = Math.max(0, centre - window); lag <= Math.min(samples.length - shape.length, centre + window); lag++) {
    let sum = 0;
    for (let k = 0; k < shape.length; k++) sum += samples[lag + k] * shape[k];
    if (sum > best) {
      best = sum;
      at = lag;
    }
  }
  return at / rate;
}

/** ffprobe's view of the first audio stream. */
export function probeAudio(file: string): { codec: string; profile: string; sampleRate: number; channels: number; bitrate: number; seconds: number } {
  const r = spawnSync(ffprobePath(), ['-v', 'error', '-select_streams', 'a:0', '-show_entries', 'stream=codec_name,profile,sample_rate,channels,bit_rate,duration', '-of', 'json', file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  const s = JSON.parse(r.stdout).streams[0] as Record<string, string | number>;
  return { codec: String(s.codec_name), profile: String(s.profile), sampleRate: Number(s.sample_rate), channels: Number(s.channels), bitrate: Number(s.bit_rate), seconds: Number(s.duration) };
}

/** Packets in the first audio stream, counted by reading them all. */
export function countPackets(file: string): number {
  const r = spawnSync(ffprobePath(), ['-v', 'error', '-select_streams', 'a:0', '-count_packets', '-show_entries', 'stream=nb_read_packets', '-of', 'csv=p=0', file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return Number(r.stdout.trim());
}
