/**
 * How the AAC settings for the recording were chosen: each candidate encoder, coder and bitrate
 * encodes the same minute of the speech-like signal (see long-talk.ts), timed on one core (median
 * of three), and the decoded result is compared with the source (segmental SNR over 2048-sample
 * blocks with speech in them: a waveform measure, not a perceptual one, but it shows a setting
 * that loses more than another). Run with `npm run bench -- --only aac-settings`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import wavefile from 'wavefile';
import { ffmpegPath } from '../src/render/encode/ffmpeg.js';
import { speechMinute } from './long-talk.js';

const CANDIDATES: { name: string; channels: 1 | 2; args: string[] }[] = [
  { name: 'aac (default coder), 384 kbit/s stereo (before)', channels: 2, args: ['-c:a', 'aac', '-b:a', '384k'] },
  { name: 'aac (default coder), 192 kbit/s stereo', channels: 2, args: ['-c:a', 'aac', '-b:a', '192k'] },
  { name: 'aac -aac_coder fast, 192 kbit/s stereo (chosen)', channels: 2, args: ['-c:a', 'aac', '-aac_coder', 'fast', '-b:a', '192k'] },
  { name: 'libfdk_aac, 192 kbit/s stereo', channels: 2, args: ['-c:a', 'libfdk_aac', '-b:a', '192k'] },
  { name: 'aac (default coder), 128 kbit/s mono', channels: 1, args: ['-c:a', 'aac', '-b:a', '128k'] },
  { name: 'aac -aac_coder fast, 128 kbit/s mono (chosen)', channels: 1, args: ['-c:a', 'aac', '-aac_coder', 'fast', '-b:a', '128k'] },
  { name: 'aac -aac_coder fast, 96 kbit/s mono', channels: 1, args: ['-c:a', 'aac', '-aac_coder', 'fast', '-b:a', '96k'] },
  { name: 'libfdk_aac, 128 kbit/s mono', channels: 1, args: ['-c:a', 'libfdk_aac', '-b:a', '128k'] },
];

function ffmpeg(args: string[]): number {
  const bin = ffmpegPath();
  const started = performance.now();
  const r = spawnSync(bin, ['-hide_banner', '-v', 'error', '-nostdin', '-y', ...args], { cwd: path.dirname(bin), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return (performance.now() - started) / 1000;
}

/** The first channel of a file as ffmpeg decodes it (edit list applied). */
function firstChannel(file: string, scratch: string): Float64Array {
  ffmpeg(['-i', file, '-map', '0:a:0', '-ac', '1', '-c:a', 'pcm_s16le', '-bitexact', '-f', 'wav', scratch]);
  const wav = new wavefile.WaveFile();
  wav.fromBuffer(fs.readFileSync(scratch));
  return wav.getSamples(false, Float64Array) as unknown as Float64Array;
}

function segmentalSnr(source: Float64Array, coded: Float64Array): number {
  const block = 2048;
  const values: number[] = [];
  for (let i = 0; i + block <= Math.min(source.length, coded.length); i += block) {
    let signal = 0;
    let noise = 0;
    for (let j = i; j < i + block; j++) {
      signal += source[j] ** 2;
      noise += (source[j] - coded[j]) ** 2;
    }
    // Blocks of speech only (the pauses hold room noise alone); each clamped as usual to -10..35 dB.
    if (signal / block > 1e4) values.push(Math.max(-10, Math.min(35, 10 * Math.log10(signal / Math.max(noise, 1)))));
  }
  return values.reduce((a, b) => a + b, 0) / values.length;
}

export function benchAacSettings(work: string): string {
  const raw = path.join(work, 'minute.s16');
  fs.writeFileSync(raw, speechMinute());
  const source = { 1: path.join(work, 'minute-mono.wav'), 2: path.join(work, 'minute-stereo.wav') };
  for (const channels of [1, 2] as const) ffmpeg(['-f', 's16le', '-ar', '48000', '-ac', '2', '-i', raw, '-ac', String(channels), '-c:a', 'pcm_s16le', '-f', 'wav', source[channels]]);
  const lines = ['| encoder and bitrate | one minute encoded in | real time | segmental SNR |', '| --- | --- | --- | --- |'];
  for (const c of CANDIDATES) {
    const out = path.join(work, 'candidate.m4a');
    const times = [0, 1, 2].map(() => ffmpeg(['-i', source[c.channels], ...c.args, '-f', 'mp4', out])).sort((a, b) => a - b);
    const snr = segmentalSnr(firstChannel(source[c.channels], path.join(work, 'a.wav')), firstChannel(out, path.join(work, 'b.wav')));
    lines.push(`| ${c.name} | ${times[1].toFixed(2)} s | ${Math.round(60 / times[1])}x | ${snr.toFixed(1)} dB |`);
    process.stderr.write(`    ${c.name}: ${times.map((t) => t.toFixed(2)).join(', ')} s, ${snr.toFixed(1)} dB\n`);
  }
  return lines.join('\n');
}
