import { describe, expect, it } from 'vitest';
import { blendPlanes, differingRanges } from '../../../src/render/encode/blend.js';

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

  it('blends only where the pictures differ, and gives the same frame as blending every byte', () => {
    // A 1080p-sized plane where one band (a list item fading in) and the last byte differ.
    const x = Uint8Array.from({ length: 1920 * 1080 }, (_, i) => (i * 7) % 251);
    const y = Uint8Array.from(x);
    for (let i = 500_000; i < 540_000; i++) y[i] = 255 - x[i];
    y[y.length - 1] = 0;
    const ranges = differingRanges(x, y, 4096);
    expect(ranges).toEqual([
      [Math.floor(500_000 / 4096) * 4096, Math.ceil(540_000 / 4096) * 4096],
      [Math.floor((y.length - 1) / 4096) * 4096, y.length],
    ]);
    expect(differingRanges(x, Uint8Array.from(x))).toEqual([]);
    const into = Buffer.from(x);
    for (const alpha of [1 / 15, 0.5, 14 / 15]) {
      expect(blendPlanes(x, y, alpha, into, ranges).equals(blendPlanes(x, y, alpha))).toBe(true);
    }
  });
});
