/**
 * The talk with a whole conference recording (45 minutes by default), next to the same talk with
 * none, each from a cold cache (no picture, segment or encoded sound track): a 48 kHz stereo WAV,
 * an AAC-LC M4A (copied), a 48 kHz mono WAV, and the stereo WAV with `--loudness -14`. The
 * recordings are generated here (a minute of a speech-like signal, repeated by ffmpeg), never
 * committed. Run alone with `npm run bench -- --only long-talk`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ffmpegPath, ffprobePath } from '../src/render/encode/ffmpeg.js';
import { measure, type Measured } from './measure.js';

export interface LongTalkJob {
  bin: string;
  deck: string;
  resolution: string;
  browser: string;
  /** A scratch folder; the recordings (about 800 MB) and renders go there. */
  work: string;
  minutes: number;
  /** Rounds of each row but loudness normalisation (default 3). */
  rounds: number;
  log: (line: string) => void;
}

export interface LongTalkRow {
  name: string;
  /** The median round's time. */
  seconds: number;
  rounds: number[];
  /** The highest of the rounds. */
  peakRssMB: number;
  /** Time over the no-audio render's. */
  ratio: number;
  /** The MP4's sound track as ffprobe reports it, or null for none. */
  audio: { codec: string; channels: number; kbps: number; seconds: number } | null;
  /** How the render says it made the track: copied, encoded. */
  how: string | null;
  talkSeconds: number;
}

const RATE = 48000;

/**
 * One minute of a speech-like signal, 16-bit stereo: a voiced buzz (harmonics of a pitch that
 * wanders between 100 and 175 Hz, shaped by three formants) in syllables of about 4 per second,
 * fricative noise bursts, a pause every 7 seconds, and a quiet room noise, different in each ear.
 */
export function speechMinute(): Buffer {
  const n = 60 * RATE;
  const out = Buffer.alloc(n * 4);
  let phase = 0;
  let seed = 1;
  const noise = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff) * 2 - 1;
  const formant = (f: number) => Math.exp(-(((f - 700) / 300) ** 2)) + 0.6 * Math.exp(-(((f - 1500) / 400) ** 2)) + 0.3 * Math.exp(-(((f - 2600) / 500) ** 2)) + 0.05;
  for (let i = 0; i < n; i++) {
    const t = i / RATE;
    const f0 = 130 + 30 * Math.sin(2 * Math.PI * 0.7 * t) + 15 * Math.sin(2 * Math.PI * 3.1 * t);
    phase += f0 / RATE;
    let voiced = 0;
    for (let k = 1; k <= 16; k++) voiced += (Math.sin(2 * Math.PI * k * phase) * formant(k * f0)) / k;
    const syllable = Math.max(0, Math.sin(2 * Math.PI * 4 * t)) ** 2;
    const speaking = t % 7 < 5.5 ? 1 : 0.02;
    const fricative = Math.sin(2 * Math.PI * 1.3 * t) > 0.8 ? 0.15 * noise() : 0;
    const voice = (0.35 * voiced * syllable + fricative) * speaking;
    out.writeInt16LE(Math.round((voice + 0.004 * noise()) * 20000), i * 4);
    out.writeInt16LE(Math.round((0.9 * voice + 0.004 * noise()) * 20000), i * 4 + 2);
  }
  return out;
}

function ffmpeg(args: string[]): void {
  const bin = ffmpegPath();
  const r = spawnSync(bin, ['-hide_banner', '-v', 'error', '-nostdin', '-y', ...args], { cwd: path.dirname(bin), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
}

/** The recordings: stereo WAV, mono WAV and AAC-LC M4A (128 kbit/s stereo), `minutes` long. */
function makeRecordings(work: string, minutes: number): { stereo: string; mono: string; m4a: string } {
  const raw = path.join(work, 'speech-minute.s16');
  fs.writeFileSync(raw, speechMinute());
  const minute = ['-f', 's16le', '-ar', String(RATE), '-ac', '2', '-i', raw];
  const files = { stereo: path.join(work, 'talk-stereo.wav'), mono: path.join(work, 'talk-mono.wav'), m4a: path.join(work, 'talk.m4a') };
  const seconds = String(minutes * 60);
  ffmpeg(['-stream_loop', '-1', ...minute, '-t', seconds, '-c:a', 'pcm_s16le', '-f', 'wav', files.stereo]);
  ffmpeg(['-stream_loop', '-1', ...minute, '-t', seconds, '-ac', '1', '-c:a', 'pcm_s16le', '-f', 'wav', files.mono]);
  // A minute encoded as a phone would, repeated by stream copy: a long AAC file in a few seconds.
  const aacMinute = path.join(work, 'speech-minute.m4a');
  ffmpeg([...minute, '-c:a', 'aac', '-b:a', '128k', '-f', 'mp4', aacMinute]);
  ffmpeg(['-stream_loop', '-1', '-i', aacMinute, '-t', seconds, '-c:a', 'copy', '-f', 'mp4', files.m4a]);
  fs.rmSync(raw);
  return files;
}

function probeSound(video: string): LongTalkRow['audio'] {
  const r = spawnSync(ffprobePath(), ['-v', 'error', '-select_streams', 'a:0', '-show_entries', 'stream=codec_name,channels,bit_rate,duration', '-of', 'json', video], { encoding: 'utf8' });
  const s = (JSON.parse(r.stdout) as { streams: Record<string, string | number>[] }).streams[0];
  return s ? { codec: String(s.codec_name), channels: Number(s.channels), kbps: Math.round(Number(s.bit_rate) / 1000), seconds: Number(s.duration) } : null;
}

export async function benchLongTalk(job: LongTalkJob): Promise<LongTalkRow[]> {
  job.log(`long talk: generating ${job.minutes}-minute recordings`);
  const recordings = makeRecordings(job.work, job.minutes);
  const cache = path.join(job.work, 'long-talk-cache');
  const render = (name: string, ...extra: string[]): Promise<Measured> => {
    // Cold: no picture, segment or encoded sound track; the bundle and the browser stay.
    for (const kind of ['frames', 'segments', 'audio']) fs.rmSync(path.join(cache, kind), { recursive: true, force: true });
    return measure(process.execPath, [job.bin, 'render', job.deck, '--out', path.join(job.work, `long-${name}`), '--resolution', job.resolution, '--json', ...extra], {
      TALKREEL_CACHE_DIR: cache,
      TALKREEL_BROWSER: job.browser,
    });
  };
  await render('warm-up'); // builds the bundle once, as the talk's other renders share it
  const runs: [string, string[]][] = [
    ['no recording', []],
    [`AAC-LC M4A, stereo, 128 kbit/s`, ['--audio', recordings.m4a]],
    ['WAV, 48 kHz stereo', ['--audio', recordings.stereo]],
    ['WAV, 48 kHz mono', ['--audio', recordings.mono]],
  ];
  // Round after round, each row in turn, so that all meet the same state of a shared machine;
  // the median round counts. Loudness normalisation, minutes long, runs once at the end.
  const measured: Measured[][] = runs.map(() => []);
  for (let round = 0; round < job.rounds; round++) {
    for (const [i, [name, extra]] of runs.entries()) {
      measured[i].push(await render(`${i}-${round}`, ...extra));
      job.log(`    ${name} (round ${round + 1}): ${measured[i][round].seconds.toFixed(1)} s, peak RSS ${measured[i][round].peakRssMB} MB`);
    }
  }
  const loud = await render('loudness', '--audio', recordings.stereo, '--loudness', '-14');
  job.log(`    --loudness -14: ${loud.seconds.toFixed(1)} s, peak RSS ${loud.peakRssMB} MB`);
  const median = (ms: Measured[]) => [...ms].sort((a, b) => a.seconds - b.seconds)[Math.floor(ms.length / 2)];
  const base = median(measured[0]).seconds;
  const rowOf = (name: string, m: Measured, rounds: Measured[]): LongTalkRow => {
    const report = JSON.parse(m.stdout) as { video: string; audio: string | null; durationInSeconds: number };
    return {
      name,
      seconds: m.seconds,
      rounds: rounds.map((r) => r.seconds),
      peakRssMB: Math.max(...rounds.map((r) => r.peakRssMB)),
      ratio: Math.round((m.seconds / base) * 100) / 100,
      audio: probeSound(report.video),
      how: report.audio,
      talkSeconds: report.durationInSeconds,
    };
  };
  const rows = runs.map(([name], i) => rowOf(name, median(measured[i]), measured[i]));
  rows.push(rowOf('WAV, 48 kHz stereo, --loudness -14', loud, [loud]));
  for (const file of Object.values(recordings)) fs.rmSync(file, { force: true });
  return rows;
}

export function longTalkTable(rows: LongTalkRow[], minutes: number): string {
  const lines = [`| the talk, ${minutes}-minute recording | time (median) | vs no recording | peak RSS | MP4's sound track |`, '| --- | --- | --- | --- | --- |'];
  for (const r of rows) {
    const sound = r.audio ? `${r.how}: ${r.audio.codec}, ${r.audio.channels === 1 ? 'mono' : `${r.audio.channels} channels`}, ${r.audio.kbps} kbit/s, ${r.audio.seconds.toFixed(3)} s (talk ${r.talkSeconds.toFixed(3)} s)` : `none (talk ${r.talkSeconds.toFixed(1)} s)`;
    const rounds = r.rounds.length > 1 ? ` (rounds: ${r.rounds.map((x) => x.toFixed(1)).join(', ')} s)` : '';
    lines.push(`| ${r.name} | ${r.seconds.toFixed(1)} s${rounds} | ${r.ratio}x | ${r.peakRssMB} MB | ${sound} |`);
  }
  return lines.join('\n');
}
