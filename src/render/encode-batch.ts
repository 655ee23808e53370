import fs from 'node:fs';
import type { EncodedPacket } from 'mediabunny';
import { blendPlanes, COLOUR, differingRanges, encoderArgs, quiet, rawPictures, type RawPicture, type VideoFormat } from './encode.js';
import { ffmpegPath, run } from './ffmpeg.js';
import { withScratchFile, withScratchFiles } from './scratch.js';
import { frameOf, readVideoPackets, writeVideoPackets } from './stream-copy.js';

/** A segment made from captured pictures (PNG files): one held, or a cross-fade between two. */
export type PictureSegment =
  | { kind: 'hold'; png: string; frames: number }
  /** Frame k is `(1 - alphas[k]) * a + alphas[k] * b`. */
  | { kind: 'blend'; a: string; b: string; alphas: number[] };

const framesOf = (s: PictureSegment) => (s.kind === 'hold' ? s.frames : s.alphas.length);

/** Batches hold about this many frames (2 s at 30 fps), and never more than MAX_BATCH_BYTES. */
const BATCH_FRAMES = 60;
/** Raw frames one encoder run takes at most (384 MB: 123 frames at 1080p, 30 at 2160p). */
const MAX_BATCH_BYTES = 384 * 2 ** 20;

/**
 * Consecutive items in batches for encodeSegments: large enough that starting x264 costs little
 * against the encoding, small enough that the first batch starts early in a capture. As many as
 * batches of BATCH_FRAMES would make, of about equal length: once the capture is over they run
 * side by side, and the render waits for the longest (120 frames as 60 and 60, not 60, 55 and 5).
 */
export function batchesOf<T>(items: T[], frames: (item: T) => number, frameBytes: number): T[][] {
  const sizes = items.map(frames);
  const total = sizes.reduce((a, b) => a + b, 0);
  const count = Math.max(1, Math.round(total / BATCH_FRAMES), Math.ceil((total * frameBytes) / MAX_BATCH_BYTES));
  const target = total / count;
  const batches: T[][] = [];
  let current: T[] = [];
  let inCurrent = 0;
  let before = 0;
  items.forEach((item, i) => {
    const n = sizes[i];
    // Each item goes to the batch its middle falls in, or to a new one when it would not fit.
    const due = Math.floor((before + n / 2) / target) > batches.length;
    if (current.length > 0 && (due || (inCurrent + n) * frameBytes > MAX_BATCH_BYTES)) {
      batches.push(current);
      current = [];
      inCurrent = 0;
    }
    current.push(item);
    inCurrent += n;
    before += n;
  });
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * Encodes segments in one x264 run, one after the other, with a keyframe forced at the start of
 * each; then cuts the stream at those keyframes into one MP4 per segment, by stream copy. Each
 * piece is built as encoding its segment alone would build it (closed GOPs, a keyframe every
 * half-second from its start, the same stream headers), so pieces join with any other segment.
 * Its bytes differ a little from such an encode (x264's rate control remembers the frames before
 * a keyframe), and depend only on the batch. Starting x264 costs about 0.2 s of CPU at 1080p,
 * more than encoding a 15-frame fade, so a render pays it per batch instead of per segment.
 *
 * Pictures are converted to 4:2:0 once (by the same filter as every other segment); a fade is
 * blended there: the conversion is linear, so blending the planes equals converting the blend
 * (the browser composites opacity the same way, in 8-bit values). Raw frames go to ffmpeg in a
 * scratch file: a 1080p frame is 3 MB, and pushing it through a 64-KB pipe cost Node about three
 * times the CPU of writing it once.
 */
export async function encodeSegments(segments: PictureSegment[], v: VideoFormat, signal?: AbortSignal): Promise<Uint8Array[]> {
  if (segments.length === 0) return [];
  const pngs = [...new Set(segments.flatMap((s) => (s.kind === 'hold' ? [s.png] : [s.a, s.b])))];
  const converted = new Map((await Promise.all(rawPictures(pngs, signal))).map((picture, i) => [pngs[i], picture]));
  const size = converted.get(pngs[0]) as RawPicture;
  for (const p of converted.values()) if (p.width !== size.width || p.height !== size.height) throw new Error('the pictures of one video differ in size');

  const starts: number[] = [];
  let total = 0;
  for (const s of segments) {
    starts.push(total);
    total += framesOf(s);
  }
  // Each frame is written out before the next is made: one buffer serves every blended frame.
  // (A fresh 3-MB buffer per frame cost more in page faults than the blending itself.) It takes
  // a fade's first picture once; then each frame blends only the bytes where the two differ.
  const frame = Buffer.allocUnsafeSlow(size.data.length);
  function* frames() {
    for (const s of segments) {
      if (s.kind === 'hold') for (let k = 0; k < s.frames; k++) yield (converted.get(s.png) as RawPicture).data;
      else {
        const [a, b] = [s.a, s.b].map((png) => (converted.get(png) as RawPicture).data);
        const ranges = differingRanges(a, b);
        frame.set(a);
        for (const alpha of s.alphas) yield blendPlanes(a, b, alpha, frame, ranges);
      }
    }
  }
  const keyframes = `expr:${starts.map((n) => `eq(n,${n})`).join('+')}`;
  const mp4 = await withScratchFile(frames(), (raw) =>
    withScratchFiles(1, async ([out]) => {
      await run(ffmpegPath(), [...quiet, '-f', 'image2pipe', '-frame_size', String(size.data.length), '-c:v', 'rawvideo',
        '-pixel_format', 'yuv420p', '-video_size', `${size.width}x${size.height}`, '-framerate', String(v.fps),
        // Say what the planes are, or ffmpeg takes them for full range and squeezes them again.
        ...COLOUR, '-i', raw, '-frames:v', String(total), '-force_key_frames', keyframes, ...encoderArgs(v, 'yuv'), out], { signal });
      return fs.readFileSync(out);
    }),
  );
  return cutAtKeyframes(mp4, starts, total, v.fps);
}

/** Splits an MP4 into pieces starting at the given frames (each must start with a keyframe). */
async function cutAtKeyframes(mp4: Buffer, starts: number[], total: number, fps: number): Promise<Uint8Array[]> {
  const { config, timeScale, packets } = await readVideoPackets(mp4);
  if (packets.length !== total) throw new Error(`the encoder wrote ${packets.length} frames of ${total}`);
  const pieces: EncodedPacket[][] = starts.map(() => []);
  for (const packet of packets) {
    const n = frameOf(packet, fps);
    let i = starts.length - 1;
    while (i > 0 && n < starts[i]) i--;
    pieces[i].push(packet.clone({ timestamp: (n - starts[i]) / fps }));
  }
  return Promise.all(
    pieces.map((piece, i) => {
      const frames = (starts[i + 1] ?? total) - starts[i];
      if (piece.length !== frames || piece[0].type !== 'key') throw new Error(`segment ${i + 1} of an encode is not ${frames} frames from a keyframe`);
      return writeVideoPackets(piece, config, timeScale);
    }),
  );
}
