import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { blendPlanes, encodeBlend, encodeStill, gopFrames, videoFormat } from '../../src/render/encode.js';

const format = videoFormat(320, 180, 30);
import { frameAt, keyframes, meanDifference, probeVideo, type Picture } from '../helpers/media.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'talkreel-encode-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

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

describe('blendPlanes', () => {
  it('gives the first picture at 0, the second at 1 and the rounded mean half way', () => {
    const x = Uint8Array.from([0, 16, 100, 235, 255]);
    const y = Uint8Array.from([255, 235, 101, 16, 0]);
    expect([...blendPlanes(x, y, 0)]).toEqual([...x]);
    expect([...blendPlanes(x, y, 1)]).toEqual([...y]);
    expect([...blendPlanes(x, y, 0.5)]).toEqual([128, 126, 101, 126, 128]);
  });

  // Four bytes at a time must give exactly what one byte at a time gives, for any length, any
  // offset of the planes in their memory, and values at both ends of the range.
  const byteByByte = (x: Uint8Array, y: Uint8Array, alpha: number) => {
    const w = Math.round(alpha * 256);
    return Uint8Array.from(x, (p, i) => (p * (256 - w) + y[i] * w + 128) >> 8);
  };
  it.each([1, 3, 4, 9, 4099])('blends %i bytes exactly as the byte formula does', (length) => {
    const random = () => Uint8Array.from({ length }, (_, i) => [0, 255][i % 7] ?? Math.floor(Math.random() * 256));
    const x = random();
    const y = random();
    // The same bytes one past a word boundary: the planes of a picture need not start on one.
    const shifted = new Uint8Array(length + 1).fill(7);
    shifted.set(x, 1);
    for (const alpha of [0, 1 / 256, 0.3, 0.5, 0.77, 255 / 256, 1]) {
      expect(Buffer.from(blendPlanes(x, y, alpha)).equals(Buffer.from(byteByByte(x, y, alpha)))).toBe(true);
      expect(Buffer.from(blendPlanes(shifted.subarray(1), y, alpha)).equals(Buffer.from(byteByByte(x, y, alpha)))).toBe(true);
    }
  });
});

describe('encodeStill', () => {
  it.each([1, 7, 15, 16, 45])('holds a picture for exactly %i frames, the same picture from first to last', async (frames) => {
    const out = path.join(dir, `still-${frames}.mp4`);
    await encodeStill(a.file, frames, format, out);
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
});

describe('encodeBlend', () => {
  it('cross-fades from one picture to the other: each frame is the blend at its alpha', async () => {
    const alphas = [0, 0.25, 0.5, 0.75, 0.95];
    const out = path.join(dir, 'blend.mp4');
    await encodeBlend(a.file, b.file, alphas, format, out);
    expect(probeVideo(out).nb_read_frames).toBe(String(alphas.length));
    for (const [k, alpha] of alphas.entries()) {
      const expected = Buffer.from(a.pixels.data.map((v, i) => Math.round(v + (b.pixels.data[i] - v) * alpha)));
      const got = frameAt(out, k);
      expect(meanDifference(got, { ...a.pixels, data: expected }), `alpha ${alpha}`).toBeLessThan(2);
      if (k > 0) expect(meanDifference(got, frameAt(out, k - 1))).toBeGreaterThan(1);
    }
  });

  it('refuses two pictures of different sizes', async () => {
    const small = path.join(dir, 'small.png');
    const png = new PNG({ width: 160, height: 90 });
    png.data.fill(255);
    fs.writeFileSync(small, PNG.sync.write(png));
    await expect(encodeBlend(a.file, small, [0.5], format, path.join(dir, 'bad.mp4'))).rejects.toThrow(/differ in size/);
  });
});
