import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { Store } from '../../../src/render/cache/cache.js';
import { joinChunks } from '../../../src/render/encode/chunks.js';
import { encodeSegments } from '../../../src/render/encode/encode-batch.js';
import { concatSegments } from '../../../src/render/encode/mux.js';
import { videoFormat } from '../../../src/render/encode/x264.js';
import { ffmpegPath } from '../../../src/render/encode/ffmpeg.js';
import { keyframes, probeVideo } from '../../helpers/media.js';
import { tempDir } from '../../helpers/temp.js';

const dir = tempDir('chunks');

function flat(name: string, width: number, height: number, rgb: [number, number, number]): string {
  const png = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) png.data.set([...rgb, 255], i * 4);
  const file = path.join(dir, `${name}.png`);
  fs.writeFileSync(file, PNG.sync.write(png));
  return file;
}

async function segments(width: number, height: number, names: string[]): Promise<{ key: string; file: string }[]> {
  const [red, blue] = [flat(`red-${width}`, width, height, [200, 30, 30]), flat(`blue-${width}`, width, height, [20, 40, 220])];
  const pieces = await encodeSegments(
    [
      { kind: 'blend', a: red, b: blue, alphas: [0.2, 0.4, 0.6, 0.8] },
      { kind: 'hold', png: blue, frames: 15 },
      { kind: 'hold', png: blue, frames: 6 },
    ],
    videoFormat(width, height, 30),
  );
  return pieces.map((piece, i) => {
    const file = path.join(dir, `${names[i]}.mp4`);
    fs.writeFileSync(file, piece);
    return { key: names[i], file };
  });
}

const decoded = (file: string) => spawnSync(ffmpegPath(), ['-v', 'error', '-i', file, '-f', 'image2pipe', '-c:v', 'rawvideo', '-pix_fmt', 'yuv420p', 'pipe:1'], { maxBuffer: 1 << 28 }).stdout;

describe('joinChunks', () => {
  it("joins a slide's segments, a hold's GOP repeated, into exactly their frames; the talk joins the chunks", async () => {
    const [fade, gop, rest] = await segments(320, 180, ['fade', 'gop', 'rest']);
    const store = new Store('segments', path.join(dir, 'cache'));
    const slide = [fade, gop, gop, gop, rest];
    const [chunk, single] = await joinChunks([slide, [gop]], store, 30);
    expect(single).toBe(gop.file);
    expect(probeVideo(chunk).nb_read_frames).toBe(String(4 + 15 * 3 + 6));
    expect(decoded(chunk).equals(Buffer.concat(slide.map((s) => decoded(s.file))))).toBe(true);
    expect(keyframes(chunk).filter(Boolean)).toHaveLength(5);
    // The same segments again: the chunk comes from the cache.
    expect(await joinChunks([slide], store, 30)).toEqual([chunk]);
    // Chunks join by stream copy with each other and with segments, as the talk's video does.
    const talk = path.join(dir, 'talk.mp4');
    await concatSegments([chunk, gop.file, chunk], talk, {});
    expect(decoded(talk).equals(Buffer.concat([decoded(chunk), decoded(gop.file), decoded(chunk)]))).toBe(true);
  });

  it('refuses segments encoded with different settings', async () => {
    const [small] = await segments(320, 180, ['small-fade']);
    const [large] = await segments(640, 360, ['large-fade']);
    const store = new Store('segments', path.join(dir, 'cache-mixed'));
    await expect(joinChunks([[small, large]], store, 30)).rejects.toThrow(/different settings/);
  });
});
