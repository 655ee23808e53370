import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it, vi } from 'vitest';
import { concatSegments } from '../../../src/render/encode/mux.js';
import { gopFrames, videoFormat } from '../../../src/render/encode/x264.js';
import { batchesOf, encodeSegments, type LaterSegment, type PictureSegment } from '../../../src/render/encode/encode-batch.js';
import { ffmpegPath } from '../../../src/render/encode/ffmpeg.js';
import { frameAt, keyframes, meanDifference, probeVideo, type Picture } from '../../helpers/media.js';
import { cmdline, descendants, isRunning } from '../../helpers/proc.js';
import { tempDir } from '../../helpers/temp.js';

const format = videoFormat(320, 180, 30);
const dir = tempDir('encode');

/** A 320x180 picture: a colour gradient with a bright box at `boxX`, written as PNG. */
function picture(name: string, boxX: number): { file: string; pixels: Picture } {
  const png = new PNG({ width: 320, height: 180 });
  for (let y = 0; y < 180; y++) {
    for (let x = 0; x < 320; x++) {
      const i = (y * 320 + x) * 4;
      const inBox = x >= boxX && x < boxX + 80 && y >= 50 && y < 130;
      png.data[i] = inBox ? 250 : Math.round((x / 320) * 200);
      png.data[i + 1] = inBox ? 220 : Math.round((y / 180) * 160);
      png.data[i + 2] = inBox ? 40 : 90;
      png.data[i + 3] = 255;
    }
  }
  const file = path.join(dir, `${name}.png`);
  fs.writeFileSync(file, PNG.sync.write(png));
  return { file, pixels: { width: 320, height: 180, data: png.data } };
}

const a = picture('a', 20);
const b = picture('b', 200);
const c = picture('c', 110);

let written = 0;
async function encodeToFiles(segments: PictureSegment[]): Promise<string[]> {
  const pieces = await encodeSegments(segments, format);
  return pieces.map((piece) => {
    const file = path.join(dir, `piece-${++written}.mp4`);
    fs.writeFileSync(file, piece);
    return file;
  });
}

/** Every frame of a video, decoded to raw 4:2:0. */
function decoded(file: string): Buffer {
  const r = spawnSync(ffmpegPath(), ['-v', 'error', '-i', file, '-f', 'image2pipe', '-c:v', 'rawvideo', '-pix_fmt', 'yuv420p', 'pipe:1'], { maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(String(r.stderr));
  return r.stdout;
}

describe('encodeSegments: one segment', () => {
  it.each([1, 7, 15, 16, 45])('holds a picture for exactly %i frames, the same picture from first to last', async (frames) => {
    const [out] = await encodeToFiles([{ kind: 'hold', png: a.file, frames }]);
    const info = probeVideo(out);
    expect(info.nb_read_frames).toBe(String(frames));
    expect(info.r_frame_rate).toBe('30/1');
    // Only compression separates each frame from the picture (x264 may refine a still picture).
    expect(meanDifference(frameAt(out, 0), a.pixels)).toBeLessThan(1.5);
    expect(meanDifference(frameAt(out, frames - 1), a.pixels)).toBeLessThan(1.5);
    // Closed GOPs of half a second: a keyframe at the start of every GOP, none in between.
    const flags = keyframes(out);
    expect(flags.filter(Boolean)).toHaveLength(Math.ceil(frames / gopFrames(30)));
    expect(flags[0]).toBe(true);
  });

  it('cross-fades from one picture to the other: each frame is the blend at its alpha', async () => {
    const alphas = [0, 0.25, 0.5, 0.75, 0.95];
    const [out] = await encodeToFiles([{ kind: 'blend', a: a.file, b: b.file, alphas }]);
    expect(probeVideo(out).nb_read_frames).toBe(String(alphas.length));
    for (const [k, alpha] of alphas.entries()) {
      const expected = Buffer.from(a.pixels.data.map((v, i) => Math.round(v + (b.pixels.data[i] - v) * alpha)));
      const got = frameAt(out, k);
      expect(meanDifference(got, { ...a.pixels, data: expected }), `alpha ${alpha}`).toBeLessThan(2);
      if (k > 0) expect(meanDifference(got, frameAt(out, k - 1))).toBeGreaterThan(1);
    }
  });

  it('refuses pictures of different sizes', async () => {
    const small = path.join(dir, 'small.png');
    const png = new PNG({ width: 160, height: 90 });
    png.data.fill(255);
    fs.writeFileSync(small, PNG.sync.write(png));
    await expect(encodeSegments([{ kind: 'blend', a: a.file, b: small, alphas: [0.5] }], format)).rejects.toThrow(/differ in size/);
  });
});

describe('encodeSegments: several segments in one encoder run', () => {
  const alphas = (n: number) => Array.from({ length: n }, (_, k) => (k + 1) / (n + 1));
  const batch: PictureSegment[] = [
    { kind: 'blend', a: a.file, b: b.file, alphas: alphas(18) },
    { kind: 'hold', png: b.file, frames: 15 },
    { kind: 'hold', png: b.file, frames: 7 },
    { kind: 'blend', a: b.file, b: c.file, alphas: alphas(4) },
    { kind: 'hold', png: c.file, frames: 1 },
  ];

  it('gives each segment as its own video: its frames, from a keyframe, in half-second GOPs', async () => {
    const files = await encodeToFiles(batch);
    expect(files).toHaveLength(batch.length);
    for (const [i, file] of files.entries()) {
      const s = batch[i];
      const frames = s.kind === 'hold' ? s.frames : s.alphas.length;
      expect(probeVideo(file).nb_read_frames, `segment ${i + 1}`).toBe(String(frames));
      const flags = keyframes(file);
      expect(flags[0]).toBe(true);
      expect(flags.filter(Boolean)).toHaveLength(Math.ceil(frames / gopFrames(30)));
    }
    // The pictures are where they belong: the held pictures, and the middle of the first fade.
    expect(meanDifference(frameAt(files[1], 14), b.pixels)).toBeLessThan(1.5);
    expect(meanDifference(frameAt(files[4], 0), c.pixels)).toBeLessThan(1.5);
    const alpha = 9 / 19;
    const middle = Buffer.from(a.pixels.data.map((v, i) => Math.round(v + (b.pixels.data[i] - v) * alpha)));
    expect(meanDifference(frameAt(files[0], 8), { ...a.pixels, data: middle })).toBeLessThan(2);
  });

  it('gives pieces that join by stream copy, in any order and repeated, into exactly their frames', async () => {
    const files = await encodeToFiles(batch);
    const [alone] = await encodeToFiles([{ kind: 'hold', png: c.file, frames: 16 }]);
    const order = [files[0], files[1], files[1], files[2], alone, files[3], files[4], files[1]];
    const joined = path.join(dir, 'joined.mp4');
    await concatSegments(order, joined, {});
    expect(probeVideo(joined).nb_read_frames).toBe(String(18 + 15 + 15 + 7 + 16 + 4 + 1 + 15));
    expect(decoded(joined).equals(Buffer.concat(order.map(decoded)))).toBe(true);
  });
});

describe('batchesOf', () => {
  const frames = (n: number) => n;
  const sum = (batch: number[]) => batch.reduce((a, b) => a + b, 0);
  it('groups consecutive items into as many batches as the target length makes, all of about the same length', () => {
    // 132 frames, 60 at a time: two batches of 65 and 67, not 60, 65 and 7.
    expect(batchesOf([15, 15, 20, 10, 5, 30, 30, 7], frames, 60)).toEqual([[15, 15, 20, 10, 5], [30, 30, 7]]);
    expect(batchesOf([15, 15, 15, 15, 15, 12, 15, 15, 15], frames, 60)).toEqual([[15, 15, 15, 15], [15, 12, 15, 15, 15]]);
    expect(batchesOf([20, 20, 20], frames, 60)).toEqual([[20, 20, 20]]);
    expect(batchesOf([90, 1], frames, 60)).toEqual([[90], [1]]);
    expect(batchesOf([], frames, 60)).toEqual([]);
    const many = batchesOf(Array<number>(40).fill(15), frames, 60);
    expect(many.map((b) => b.length)).toEqual(Array<number>(10).fill(4));
  });

  it('makes batches of about 200 frames by default: a one-slide edit is one batch', () => {
    expect(batchesOf(Array<number>(8).fill(15), frames)).toEqual([Array<number>(8).fill(15)]);
    // 984 frames: five batches of about 197 frames, every item in order.
    const cold = batchesOf(Array.from({ length: 66 }, (_, i) => 12 + (i % 7)), frames);
    expect(cold).toHaveLength(5);
    for (const batch of cold) expect(sum(batch)).toBeGreaterThanOrEqual(180);
    for (const batch of cold) expect(sum(batch)).toBeLessThanOrEqual(220);
    expect(cold.flat()).toEqual(Array.from({ length: 66 }, (_, i) => 12 + (i % 7)));
  });
});

/** ffmpeg processes this test process started that still run. */
const ffmpegChildren = () => descendants(process.pid).filter((pid) => isRunning(pid) && cmdline(pid).includes('ffmpeg'));

describe('encodeSegments: pictures that come in while the batch encodes', () => {
  const batch: PictureSegment[] = [
    { kind: 'blend', a: a.file, b: b.file, alphas: [0.2, 0.4, 0.6, 0.8] },
    { kind: 'hold', png: b.file, frames: 16 },
    { kind: 'blend', a: b.file, b: c.file, alphas: [0.5, 1] },
  ];
  const later = (s: PictureSegment, ms: number): LaterSegment => ({
    frames: s.kind === 'hold' ? s.frames : s.alphas.length,
    ready: new Promise((resolve) => setTimeout(() => resolve(s), ms)),
  });

  it('starts with the first segment and waits for each later one: the same bytes as with every picture there', async () => {
    const known = await encodeSegments(batch, format);
    let asked = 0;
    const third: LaterSegment = { frames: 2, ready: new Promise((resolve) => setTimeout(() => { asked++; resolve(batch[2]); }, 300)) };
    const streamed = await encodeSegments([batch[0], later(batch[1], 100), third], format);
    expect(asked).toBe(1);
    expect(streamed.map((p) => Buffer.from(p).toString('base64'))).toEqual(known.map((p) => Buffer.from(p).toString('base64')));
  });

  it("fails when a segment's pictures never come, and leaves no encoder running", async () => {
    const before = ffmpegChildren();
    const never: LaterSegment = { frames: 16, ready: new Promise((_, reject) => setTimeout(() => reject(new Error('the capture stopped')), 200)) };
    await expect(encodeSegments([batch[0], never], format)).rejects.toThrow('the capture stopped');
    await new Promise((r) => setTimeout(r, 100));
    expect(ffmpegChildren().filter((pid) => !before.includes(pid))).toEqual([]);
  });

  it('fails when a segment is not as long as planned', async () => {
    await expect(encodeSegments([batch[0], later(batch[1], 0)].concat([{ frames: 5, ready: Promise.resolve(batch[2]) }]), format)).rejects.toThrow(/segment 3 of a batch is 2 frames, not 5/);
  });
});

describe('encodeSegments: the same batch gives the same bytes', () => {
  it('encodes a batch twice into identical pieces, whatever the time', async () => {
    const batch: PictureSegment[] = [
      { kind: 'blend', a: a.file, b: b.file, alphas: [0.1, 0.3, 0.5, 0.7, 0.9] },
      { kind: 'hold', png: b.file, frames: 16 },
    ];
    const first = await encodeSegments(batch, format);
    // A day later by the clock: no wall-clock time goes into the files.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 86_400_000 });
    let second: Uint8Array[];
    try {
      second = await encodeSegments(batch, format);
    } finally {
      vi.useRealTimers();
    }
    expect(first.map((p) => Buffer.from(p).toString('base64'))).toEqual(second.map((p) => Buffer.from(p).toString('base64')));
  });
});
