import fs from 'node:fs';
import type { EncodedPacket } from 'mediabunny';
import { blendPlanes, differingRanges } from './blend.js';
import { COLOUR, encoderArgs, type VideoFormat } from './x264.js';
import { rawPictures } from './yuv.js';
import { ffmpegPath, quiet, run } from './ffmpeg.js';
import { withScratchFiles } from './scratch.js';
import { frameOf, readVideoPackets, writeVideoPackets } from './stream-copy.js';

/** A segment made from captured pictures (PNG files): one held, or a cross-fade between two. */
export type PictureSegment =
  | { kind: 'hold'; png: string; frames: number }
  /** Frame k is `(1 - alphas[k]) * a + alphas[k] * b`. */
  | { kind: 'blend'; a: string; b: string; alphas: number[] };

const framesOf = (s: PictureSegment) => (s.kind === 'hold' ? s.frames : s.alphas.length);

/**
 * Batches hold about this many frames (6.7 s at 30 fps). Frames stream to the encoder, so a long
 * batch costs no memory; each batch costs an x264 start (about 0.2 s of CPU at 1080p), and once
 * the capture is over the batches still to encode run side by side. Measured on the talk at
 * 1080p, cold: 22-23 s with batches of 200 frames, 26-27 s with batches of 60 (three alternated
 * rounds); 400 and 2,000 were no faster than 200.
 */
export const BATCH_FRAMES = 200;

/**
 * Consecutive items in batches for encodeSegments, as many as batches of `target` frames would
 * make, of about equal length: once the capture is over they run side by side, and the render
 * waits for the longest (520 frames as three of about 173, not 200, 200 and 120).
 */
export function batchesOf<T>(items: T[], frames: (item: T) => number, target = BATCH_FRAMES): T[][] {
  const sizes = items.map(frames);
  const total = sizes.reduce((a, b) => a + b, 0);
  const count = Math.max(1, Math.round(total / target));
  const length = total / count;
  const batches: T[][] = [];
  let current: T[] = [];
  let before = 0;
  items.forEach((item, i) => {
    const n = sizes[i];
    // Each item goes to the batch its middle falls in.
    if (current.length > 0 && Math.floor((before + n / 2) / length) > batches.length) {
      batches.push(current);
      current = [];
    }
    current.push(item);
    before += n;
  });
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * A segment whose pictures may not be captured yet: its length is known from the plan, its
 * pictures once `ready` resolves. A batch starts encoding with its first segment, and waits for
 * the pictures of each later one only when x264 reaches it.
 */
export interface LaterSegment {
  frames: number;
  ready: Promise<PictureSegment>;
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
 * Frames go to ffmpeg as they are made, through its standard input: a batch's first fade is
 * encoded while the browser still captures the pictures of its last one. Pictures are converted
 * to 4:2:0 once (by the same filter as every other segment); a fade is blended there: the
 * conversion is linear, so blending the planes equals converting the blend (the browser
 * composites opacity the same way, in 8-bit values).
 */
export async function encodeSegments(segments: (PictureSegment | LaterSegment)[], v: VideoFormat, signal?: AbortSignal): Promise<Uint8Array[]> {
  if (segments.length === 0) return [];
  const entries = segments.map((s): LaterSegment => ('ready' in s ? s : { frames: framesOf(s), ready: Promise.resolve(s) }));
  const lengths = entries.map((e) => e.frames);
  const starts: number[] = [];
  let total = 0;
  for (const n of lengths) {
    starts.push(total);
    total += n;
  }
  // Segments whose pictures are in: converted together, one ffmpeg run for several pictures.
  const known: (PictureSegment | null)[] = entries.map(() => null);
  entries.forEach((e, i) => e.ready.then((r) => (known[i] = r), () => {}));
  const convert = async (i: number) => {
    const s = await entries[i].ready;
    if (framesOf(s) !== lengths[i]) throw new Error(`segment ${i + 1} of a batch is ${framesOf(s)} frames, not ${lengths[i]}`);
    const due = known.slice(i).flatMap((k) => (k ? picturesOf(k) : []));
    for (const converting of rawPictures([...picturesOf(s), ...due], signal)) converting.catch(() => {}); // awaited below, or by a later segment
    return { s, pictures: await Promise.all(rawPictures(picturesOf(s), signal)) };
  };
  // The first segment's pictures give the frame size ffmpeg is told.
  const first = await convert(0);
  const size = first.pictures[0];

  // Each frame is written out before the next is made: one buffer serves every blended frame
  // (`run` writes a chunk completely before it asks for the next). A fresh 3-MB buffer per frame
  // cost more in page faults than the blending itself. A fade takes its first picture once; then
  // each frame blends only the bytes where the two differ.
  const frame = Buffer.allocUnsafeSlow(size.data.length);
  async function* frames() {
    for (let i = 0; i < segments.length; i++) {
      const { s, pictures } = i === 0 ? first : await convert(i);
      for (const p of pictures) if (p.width !== size.width || p.height !== size.height) throw new Error('the pictures of one video differ in size');
      if (s.kind === 'hold') for (let k = 0; k < s.frames; k++) yield pictures[0].data;
      else {
        const [a, b] = pictures.map((p) => p.data);
        const ranges = differingRanges(a, b);
        frame.set(a);
        for (const alpha of s.alphas) yield blendPlanes(a, b, alpha, frame, ranges);
      }
    }
  }
  const keyframes = `expr:${starts.map((n) => `eq(n,${n})`).join('+')}`;
  const mp4 = await withScratchFiles(1, async ([out]) => {
    await run(ffmpegPath(), [...quiet, '-f', 'image2pipe', '-frame_size', String(size.data.length), '-c:v', 'rawvideo',
      '-pixel_format', 'yuv420p', '-video_size', `${size.width}x${size.height}`, '-framerate', String(v.fps),
      // Say what the planes are, or ffmpeg takes them for full range and squeezes them again.
      ...COLOUR, '-i', 'pipe:0', '-frames:v', String(total), '-force_key_frames', keyframes, ...encoderArgs(v, 'yuv'), out], { input: frames(), signal });
    return fs.readFileSync(out);
  });
  return cutAtKeyframes(mp4, starts, total, v.fps);
}

const picturesOf = (s: PictureSegment) => (s.kind === 'hold' ? [s.png] : [s.a, s.b]);

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
