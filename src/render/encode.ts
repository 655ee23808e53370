import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { ffmpegPath, run } from './ffmpeg.js';

/**
 * H.264 settings shared by every segment. Segments are joined by stream copy, which is only
 * valid when all of them were encoded alike: each starts with a keyframe, GOPs are closed, and
 * every encode uses exactly these arguments. High profile, 4:2:0, limited range, tagged BT.709.
 */
export const ENCODER = { preset: 'veryfast', crf: 18, bframes: 2, gopSeconds: 0.5 } as const;

export const gopFrames = (fps: number) => Math.max(1, Math.round(fps * ENCODER.gopSeconds));

export function encoderArgs(fps: number, input: 'rgb' | 'jpeg' = 'rgb'): string[] {
  const g = String(gopFrames(fps));
  return [
    '-c:v', 'libx264', '-preset', ENCODER.preset, '-crf', String(ENCODER.crf), '-profile:v', 'high',
    '-bf', String(ENCODER.bframes), '-g', g, '-keyint_min', g, '-sc_threshold', '0', '-flags', '+cgop',
    // Screenshots are RGB (PNG) or full-range BT.601 YCbCr (JPEG, as JFIF defines it): both end
    // up limited-range BT.709.
    '-vf', `scale=${input === 'jpeg' ? 'in_color_matrix=bt601:in_range=full:' : ''}out_color_matrix=bt709:out_range=tv,format=yuv420p`,
    '-colorspace', 'bt709', '-color_primaries', 'bt709', '-color_trc', 'bt709', '-color_range', 'tv',
    // Frames from the scale filter carry no primaries or transfer; write them into the stream itself.
    '-x264-params', 'colorprim=bt709:transfer=bt709:colormatrix=bt709',
    '-an', '-f', 'mp4',
  ];
}

const quiet = ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y'];

/** Encodes distinct JPEG frames, in order, into one segment. */
export async function encodeFrames(jpegs: Buffer[], fps: number, out: string, signal?: AbortSignal): Promise<void> {
  await run(ffmpegPath(), [...quiet, '-f', 'image2pipe', '-c:v', 'mjpeg', '-framerate', String(fps), '-i', 'pipe:0',
    '-frames:v', String(jpegs.length), ...encoderArgs(fps, 'jpeg'), out], { input: jpegs, signal });
}

/** Encodes one picture held for `frames` frames into one segment. */
export async function encodeStill(png: string, frames: number, fps: number, out: string, signal?: AbortSignal): Promise<void> {
  await run(ffmpegPath(), [...quiet, '-loop', '1', '-framerate', String(fps), '-i', png,
    '-frames:v', String(frames), ...encoderArgs(fps), out], { signal });
}

/**
 * Encodes a cross-fade: frame k is `(1 - alphas[k]) * a + alphas[k] * b`, computed here from the
 * two captured PNG pictures (the browser composites opacity the same way, in 8-bit sRGB) and
 * handed to ffmpeg as uncompressed PNGs.
 */
export async function encodeBlend(a: string, b: string, alphas: number[], fps: number, out: string, signal?: AbortSignal): Promise<void> {
  const from = PNG.sync.read(fs.readFileSync(a));
  const to = PNG.sync.read(fs.readFileSync(b));
  if (from.width !== to.width || from.height !== to.height) throw new Error('blend pictures differ in size');
  function* frames() {
    for (const alpha of alphas) {
      const png = new PNG({ width: from.width, height: from.height });
      const x = from.data;
      const y = to.data;
      const d = png.data;
      for (let i = 0; i < d.length; i++) d[i] = x[i] + (y[i] - x[i]) * alpha + 0.5;
      yield PNG.sync.write(png, { deflateLevel: 0, filterType: 0 });
    }
  }
  await run(ffmpegPath(), [...quiet, '-f', 'image2pipe', '-c:v', 'png', '-framerate', String(fps), '-i', 'pipe:0',
    '-frames:v', String(alphas.length), ...encoderArgs(fps), out], { input: frames(), signal });
}

/** Joins segments (a segment may be listed many times) by stream copy into a fast-start MP4. */
export async function concatSegments(segments: string[], out: string, metadata: Record<string, string>, signal?: AbortSignal): Promise<void> {
  const list = `${out}.txt`;
  fs.writeFileSync(list, segments.map((s) => `file '${s.replace(/'/g, "'\\''")}'`).join('\n') + '\n');
  const meta = Object.entries(metadata).flatMap(([k, v]) => ['-metadata', `${k}=${v}`]);
  try {
    await run(ffmpegPath(), [...quiet, '-f', 'concat', '-safe', '0', '-i', list, '-map', '0:v', '-c', 'copy', ...meta,
      '-movflags', '+faststart', '-f', 'mp4', out], { signal });
  } finally {
    fs.rmSync(list, { force: true });
  }
}

export const tempName = (dir: string, name: string) => path.join(dir, `${name}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
