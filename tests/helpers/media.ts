import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { PNG } from 'pngjs';
import { ffmpegPath, ffprobePath } from '../../src/render/encode/ffmpeg.js';

/** ffprobe of the first video stream, with frames counted by decoding. */
export function probeVideo(file: string): Record<string, string | number> {
  const r = spawnSync(ffprobePath(), ['-v', 'error', '-count_frames', '-select_streams', 'v:0', '-show_entries',
    'stream=codec_name,profile,pix_fmt,width,height,nb_read_frames,r_frame_rate,color_range,color_space,color_transfer,color_primaries,has_b_frames',
    '-of', 'json', file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout).streams[0];
}

/** Keyframe flags of every packet, in decode order. */
export function keyframes(file: string): boolean[] {
  const r = spawnSync(ffprobePath(), ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'packet=flags', '-of', 'csv=p=0', file], { encoding: 'utf8' });
  return r.stdout.trim().split('\n').map((l) => l.startsWith('K'));
}

export interface Picture {
  width: number;
  height: number;
  data: Buffer;
}

export const readPng = (file: string): Picture => PNG.sync.read(fs.readFileSync(file));

/** Width and height of the first video stream. */
function videoSize(file: string): { width: number; height: number } {
  const r = spawnSync(ffprobePath(), ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height', '-of', 'json', file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout).streams[0];
}

/** Bytes per pixel of the raw formats the tests read. */
const BYTES_PER_PIXEL = { rgba: 4, yuv420p: 1.5 } as const;

/**
 * The decoded frames of a video as raw pixels in `format`, in presentation order: all of them, or
 * `count` from frame `first` (0-based). One ffmpeg run; its minimal build has no rawvideo muxer,
 * so the frames come as raw pictures through image2pipe.
 */
export function rawFrames(file: string, format: keyof typeof BYTES_PER_PIXEL, range?: { first: number; count: number }): { width: number; height: number; frames: Buffer[] } {
  const { width, height } = videoSize(file);
  const size = width * height * BYTES_PER_PIXEL[format];
  const trim = range ? ['-vf', `trim=start_frame=${range.first}:end_frame=${range.first + range.count}`, '-fps_mode', 'passthrough'] : [];
  const r = spawnSync(ffmpegPath(), ['-v', 'error', '-i', file, ...trim, '-f', 'image2pipe', '-c:v', 'rawvideo', '-pix_fmt', format, 'pipe:1'], { maxBuffer: 2 ** 31 });
  if (r.status !== 0 || (range && r.stdout.length < size * range.count)) throw new Error(`cannot decode ${file}: ${r.stderr}`);
  const frames: Buffer[] = [];
  for (let o = 0; o + size <= r.stdout.length; o += size) frames.push(r.stdout.subarray(o, o + size));
  return { width, height, frames };
}

/**
 * Decodes frames `ns` (0-based, presentation order) of a video into RGBA pixels, in one ffmpeg run
 * over the frames from the first to the last of them: a test that compares many frames pays one
 * decode, not one per frame.
 */
export function framesAt(file: string, ns: number[]): Map<number, Picture> {
  const wanted = [...new Set(ns)].sort((a, b) => a - b);
  const first = wanted[0];
  const { width, height, frames } = rawFrames(file, 'rgba', { first, count: (wanted.at(-1) as number) - first + 1 });
  return new Map(wanted.map((n) => [n, { width, height, data: Buffer.from(frames[n - first]) }]));
}

/** Decodes frame `n` (0-based, presentation order) of a video into RGBA pixels. */
export const frameAt = (file: string, n: number): Picture => framesAt(file, [n]).get(n) as Picture;

/** Mean absolute difference per colour channel (0-255) between two pictures of one size. */
export function meanDifference(a: Picture, b: Picture): number {
  if (a.width !== b.width || a.height !== b.height) throw new Error('pictures differ in size');
  let sum = 0;
  let n = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    for (let c = 0; c < 3; c++) sum += Math.abs(a.data[i + c] - b.data[i + c]);
    n += 3;
  }
  return sum / n;
}

/** Share of pixels that are much brighter than the dark background: text and artwork. */
export function inkShare(p: Picture): number {
  let ink = 0;
  for (let i = 0; i < p.data.length; i += 4) if (p.data[i] + p.data[i + 1] + p.data[i + 2] > 300) ink++;
  return ink / (p.width * p.height);
}

/** Offsets of the top-level MP4 boxes, to check that `moov` comes before `mdat` (faststart). */
export function topLevelBoxes(file: string): string[] {
  const buf = fs.readFileSync(file);
  const boxes: string[] = [];
  for (let off = 0; off + 8 <= buf.length; ) {
    let size = buf.readUInt32BE(off);
    const type = buf.toString('latin1', off + 4, off + 8);
    if (size === 1) size = Number(buf.readBigUInt64BE(off + 8));
    boxes.push(type);
    if (size < 8) break;
    off += size;
  }
  return boxes;
}
