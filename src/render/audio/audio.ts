import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { TalkreelError } from '../../errors.js';
import { cacheLimitBytes, sha256, Store } from '../cache/cache.js';
import { ffmpegPath, ffprobePath, progressReader, run } from '../encode/ffmpeg.js';
import { measureLoudness, loudnessFilter, type Loudness } from './loudness.js';

/** What ffprobe tells of a recording's first audio stream. */
export interface Recording {
  file: string;
  /** ffprobe's codec name (`aac`, `pcm_s16le`, `mp3`, ...). */
  codec: string;
  /** AAC-LC (ffprobe prints this profile as `LC`, or as its number, 1). */
  aacLow: boolean;
  sampleRate: number;
  channels: number;
  /** ffprobe's container names, such as `mov,mp4,m4a,3gp,3g2,mj2` or `aac` (ADTS). */
  container: string;
  /** Where the stream starts on the recording's clock. */
  startSeconds: number;
  seconds: number;
}

/** `--audio-bitrate` and `--loudness`. */
export interface AudioSettings {
  /** kbit/s; default: by channel count (see DEFAULT_BITRATE). */
  bitrate?: number;
  /** Integrated loudness target in LUFS (two passes of loudnorm); default: the recording as it is. */
  loudness?: number;
}

/** How the recording goes into the MP4: copied as it is, or encoded with these settings. */
export type AudioPlan =
  | { recording: Recording; copy: true }
  | { recording: Recording; copy: false; channels: 1 | 2; sampleRate: number; bitrate: number; loudness: number | null };

/**
 * Default bitrates for speech, kbit/s. Measured on a speech-like signal (see the README): ffmpeg's
 * AAC encoder with its fast coder runs at 70-140x real time at these rates on one core, and
 * bitrate hardly changes its speed.
 */
export const DEFAULT_BITRATE = { 1: 128, 2: 192 } as const;

// The containers a stream-copied AAC track comes from: MP4/M4A/MOV, and ADTS (`.aac`).
const COPYABLE_CONTAINERS = /^(mov,mp4|aac$)/;

/** The recording's first audio stream, or null when ffprobe finds none. */
export function probeRecording(file: string): Recording | null {
  const bin = ffprobePath();
  const probe = (args: string[]) => spawnSync(bin, ['-v', 'error', '-select_streams', 'a:0', ...args, '-of', 'json', file], { cwd: path.dirname(bin), encoding: 'utf8' });
  const r = probe(['-show_entries', 'stream=codec_name,profile,sample_rate,channels,start_time,duration:format=format_name,duration']);
  if (r.status !== 0) return null;
  type Info = { streams?: Record<string, string | number | undefined>[]; format?: { format_name?: string; duration?: string } };
  const info = JSON.parse(r.stdout) as Info;
  const stream = info.streams?.[0];
  if (!stream) return null;
  const container = info.format?.format_name ?? '';
  const sampleRate = Number(stream.sample_rate);
  let seconds = Number(stream.duration ?? info.format?.duration);
  if (container === 'aac') {
    // ADTS has no index: ffprobe estimates its length from the bitrate (off by a fraction of a
    // second). Counting its packets (1024 samples each) gives the length a decoder plays.
    const counted = probe(['-count_packets', '-show_entries', 'stream=nb_read_packets']);
    const packets = Number((JSON.parse(counted.stdout) as Info).streams?.[0]?.nb_read_packets);
    if (counted.status === 0 && packets > 0 && sampleRate > 0) seconds = (packets * 1024) / sampleRate;
  }
  if (!Number.isFinite(seconds) || seconds <= 0) return null;
  return {
    file,
    codec: String(stream.codec_name ?? ''),
    aacLow: ['LC', '1'].includes(String(stream.profile)),
    sampleRate,
    channels: Number(stream.channels) || 2,
    container,
    startSeconds: Number(stream.start_time) || 0,
    seconds,
  };
}

/**
 * AAC-LC at 44.1 or 48 kHz in MP4/MOV or ADTS, starting at 0, is copied (it is already what the
 * MP4 needs: encoding it again would only lose quality), unless a bitrate or a loudness is asked
 * for. Anything else is encoded: mono stays mono, more channels become stereo, and a sample
 * rate other than 44.1 or 48 kHz becomes 48 kHz.
 */
export function planAudio(recording: Recording, settings: AudioSettings = {}): AudioPlan {
  const commonRate = recording.sampleRate === 44100 || recording.sampleRate === 48000;
  const copyable =
    recording.codec === 'aac' && recording.aacLow && commonRate && recording.channels <= 2 && COPYABLE_CONTAINERS.test(recording.container) && Math.abs(recording.startSeconds) < 0.001;
  if (copyable && settings.bitrate === undefined && settings.loudness === undefined) return { recording, copy: true };
  const channels = recording.channels === 1 ? 1 : 2;
  return {
    recording,
    copy: false,
    channels,
    sampleRate: commonRate ? recording.sampleRate : 48000,
    bitrate: settings.bitrate ?? DEFAULT_BITRATE[channels],
    loudness: settings.loudness ?? null,
  };
}

/** The sound track ready to mux: the recording itself (copied) or its encoded track in the cache. */
export interface AudioTrack {
  file: string;
  /** The talk's length: the track is cut there when muxed. */
  seconds: number;
  /** The recording itself, stream-copied; encoded in this render; or encoded earlier (cache). */
  how: 'copied' | 'encoded' | 'cached';
}

export interface AudioProgress {
  /** `loudness`: measuring the recording (first pass); `audio`: encoding it. */
  phase: 'loudness' | 'audio';
  /** Seconds of the recording done, of `total`. */
  done: number;
  total: number;
}

export interface PrepareOptions {
  signal?: AbortSignal;
  onProgress?: (p: AudioProgress) => void;
  store?: Store;
}

/**
 * The sound track for a talk of `seconds`. An encoded track is cached by the recording (path,
 * size, modification time, inode), the talk's length and the settings: a re-render of an edited
 * deck with the same recording skips it. It is written to a temporary file in the cache and
 * renamed into place when complete, with its SHA-256 beside it.
 */
export async function prepareAudio(plan: AudioPlan, seconds: number, options: PrepareOptions = {}): Promise<AudioTrack> {
  if (plan.copy) return { file: plan.recording.file, seconds, how: 'copied' };
  const store = options.store ?? new Store('audio');
  const samples = Math.round(seconds * plan.sampleRate);
  const s = fs.statSync(plan.recording.file, { bigint: true });
  const { recording: _r, ...settings } = plan;
  const key = sha256(['audio', path.resolve(plan.recording.file), s.size, s.mtimeNs, s.ino, samples, JSON.stringify(settings), ENCODER_ARGS.join(' ')].join('\n'));
  const cached = store.get(key, 'm4a');
  if (cached) return { file: cached, seconds, how: 'cached' };
  const report = (phase: AudioProgress['phase'], total: number) => (done: number) => options.onProgress?.({ phase, done: Math.min(done, total), total });
  try {
    let loudness: Loudness | null = null;
    if (plan.loudness !== null) loudness = await measureLoudness(plan.recording.file, plan.loudness, { signal: options.signal, onSeconds: report('loudness', plan.recording.seconds) });
    const file = await store.produce(key, 'm4a', (tmp) => encodeTrack(plan, samples, loudness, tmp, options.signal, report('audio', seconds)));
    report('audio', seconds)(seconds);
    store.prune(cacheLimitBytes(), new Set([file]));
    return { file, seconds, how: 'encoded' };
  } catch (err) {
    if (options.signal?.aborted) throw err;
    const why = err instanceof Error ? err.message : String(err);
    throw new TalkreelError('audio-failed', `${path.basename(plan.recording.file)}: the recording could not be encoded (${why})`);
  }
}

/** ffmpeg's own AAC-LC encoder with its fast coder (see DEFAULT_BITRATE). */
const ENCODER_ARGS = ['-c:a', 'aac', '-aac_coder', 'fast', '-profile:a', 'aac_low'];

/**
 * Encodes the recording into an M4A of exactly `samples` samples: cut, or padded with silence.
 * The encoder's priming samples go into the MP4's edit list, so the first sample plays at 0.
 */
async function encodeTrack(plan: Extract<AudioPlan, { copy: false }>, samples: number, loudness: Loudness | null, out: string, signal: AbortSignal | undefined, onSeconds: (s: number) => void): Promise<void> {
  const filters = [
    // The recording's first sample is at 0, whatever its container's clock says.
    'asetpts=PTS-STARTPTS',
    ...(loudness ? loudnessFilter(loudness) : []),
    `aresample=${plan.sampleRate}`,
    `aformat=channel_layouts=${plan.channels === 1 ? 'mono' : 'stereo'}`,
    `apad=whole_len=${samples}`,
    `atrim=end_sample=${samples}`,
  ];
  await run(
    ffmpegPath(),
    ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', '-i', plan.recording.file, '-map', '0:a:0', '-af', filters.join(','), ...ENCODER_ARGS,
      '-b:a', `${plan.bitrate}k`, '-progress', 'pipe:1', '-stats_period', '0.5', '-f', 'mp4', out],
    { signal, onStdout: progressReader(onSeconds) },
  );
}

/**
 * ffmpeg arguments that add the track as the second input's audio, copied and cut at the talk's
 * end. A copied track can only be cut between AAC frames (1024 samples): the last frame kept is
 * given a shorter duration, so that the MP4's edit list ends the sound exactly where the video
 * ends (decoders that honour edit lists play no further).
 */
export function audioMuxArgs(track: AudioTrack, input: number): { inputs: string[]; outputs: string[] } {
  const end = track.seconds.toFixed(6);
  const cut = `setts=duration='if(gt((PTS+DURATION)*TB,${end}),max(0,round(${end}/TB)-PTS),DURATION)'`;
  return { inputs: ['-i', track.file], outputs: ['-map', `${input}:a:0`, '-c:a', 'copy', '-bsf:a', cut, '-t', end] };
}
