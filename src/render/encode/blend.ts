// The cross-fades' pixels: frames of a fade computed from its two end pictures (see encode-batch.ts).

/**
 * `(1 - alpha) * x + alpha * y`, byte by byte, in fixed point (alpha in steps of 1/256). Four
 * bytes at a time, as two 16-bit lanes of each 32-bit word: a lane's sum stays under 65,536
 * (255 * 256 + 128), so lanes never carry into each other and every byte comes out exactly as
 * `(x * (256 - w) + y * w + 128) >> 8`. A 1080p frame takes a quarter of the byte loop's time.
 * Written into `into` when given. With `ranges` (see differingRanges), only those bytes are
 * blended: `into` must hold x's bytes elsewhere, which are y's too, and the formula gives back
 * equal bytes unchanged.
 */
export function blendPlanes(x: Uint8Array, y: Uint8Array, alpha: number, into?: Buffer, ranges?: readonly (readonly [number, number])[]): Buffer {
  const w = Math.round(Math.min(1, Math.max(0, alpha)) * 256);
  const v = 256 - w;
  const d = into ?? Buffer.allocUnsafeSlow(x.length);
  for (const [start, end] of ranges ?? [[0, x.length]]) blendRange(x.subarray(start, end), y.subarray(start, end), d.subarray(start, end), v, w);
  return d;
}

function blendRange(x: Uint8Array, y: Uint8Array, d: Uint8Array, v: number, w: number): void {
  const aligned = x.byteOffset % 4 === 0 && y.byteOffset % 4 === 0 && d.byteOffset % 4 === 0;
  const words = aligned ? x.length >>> 2 : 0;
  if (words > 0) {
    const view = (b: Uint8Array) => new Int32Array(b.buffer, b.byteOffset, words);
    blendWords(view(x), view(y), view(d), v, w);
  }
  for (let i = words * 4; i < d.length; i++) d[i] = (x[i] * v + y[i] * w + 128) >> 8;
}

/**
 * The byte ranges, in blocks of `block` bytes (a multiple of 4), where two pictures differ. A
 * build fades in one list item: most of the frame is the same in both pictures, and needs no
 * blending.
 */
export function differingRanges(x: Uint8Array, y: Uint8Array, block = 16 * 1024): [number, number][] {
  const ranges: [number, number][] = [];
  for (let start = 0; start < x.length; start += block) {
    const end = Math.min(x.length, start + block);
    if (Buffer.compare(x.subarray(start, end), y.subarray(start, end)) === 0) continue;
    const last = ranges.at(-1);
    if (last && last[1] === start) last[1] = end;
    else ranges.push([start, end]);
  }
  return ranges;
}

/**
 * The word loop on its own: V8 optimises it while it runs, and the code stays valid when the loop
 * ends (in one function with the byte loop below, it is thrown away at that loop every call).
 * Int32 views and Math.imul keep every value a 32-bit integer, with the same bits as the exact
 * sums, which stay under 2^32.
 */
function blendWords(x4: Int32Array, y4: Int32Array, d4: Int32Array, v: number, w: number): void {
  for (let i = 0; i < d4.length; i++) {
    const a = x4[i];
    const b = y4[i];
    const low = ((Math.imul(a & 0xff00ff, v) + Math.imul(b & 0xff00ff, w) + 0x800080) >>> 8) & 0xff00ff;
    const high = (Math.imul((a >>> 8) & 0xff00ff, v) + Math.imul((b >>> 8) & 0xff00ff, w) + 0x800080) & 0xff00ff00;
    d4[i] = low | high;
  }
}
