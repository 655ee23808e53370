import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, talkreel } from '../helpers/cli.js';
import { rawFrames } from '../helpers/media.js';
import { renderCache } from '../helpers/cache.js';
import { tempDir } from '../helpers/temp.js';

/**
 * Determinism and browser crashes. Each render gets a cache of its own for pictures and segments
 * (so every frame is captured and encoded afresh); the unpacked browser and the bundle, which
 * hold no render output, are shared through symlinks.
 */
const tmp = tempDir('rel');
const RESOLUTION = '464x262';

const freshCache = (name: string) => renderCache(path.join(tmp, name));

const sha = (data: Buffer) => crypto.createHash('sha256').update(data).digest('hex');

/** SHA-256 of every decoded frame (yuv420p), in presentation order: framemd5 by hand. */
const frameHashes = (video: string): string[] => rawFrames(video, 'yuv420p').frames.map(sha);

const thumbnails = (out: string) =>
  Object.fromEntries(fs.readdirSync(path.join(out, 'thumbnails')).sort().map((n) => [n, sha(fs.readFileSync(path.join(out, 'thumbnails', n)))]));

const render = (out: string, cache: string) =>
  talkreel(['render', fixture('small.md'), '--out', out, '--resolution', RESOLUTION, '--json'], { TALKREEL_CACHE_DIR: cache });


describe('two renders of the same deck, each with an empty cache', () => {
  const first = path.join(tmp, 'first');
  const second = path.join(tmp, 'second');

  beforeAll(async () => {
    for (const [out, cache] of [[first, freshCache('cache-1')], [second, freshCache('cache-2')]]) {
      const r = await render(out, cache);
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).stats.cachedFrames).toBe(0);
    }
  });

  it('give byte-identical PNGs', () => {
    const a = thumbnails(first);
    expect(Object.keys(a)).toHaveLength(4);
    expect(thumbnails(second)).toEqual(a);
  });

  it('give identical decoded video frames', () => {
    const a = frameHashes(path.join(first, 'small.mp4'));
    expect(a.length).toBe(JSON.parse(fs.readFileSync(path.join(first, 'manifest.json'), 'utf8')).durationInFrames);
    expect(new Set(a).size).toBeGreaterThan(10); // the talk moves: the comparison means something
    expect(frameHashes(path.join(second, 'small.mp4'))).toEqual(a);
  });

  it('give the same manifest', () => {
    const read = (out: string) => fs.readFileSync(path.join(out, 'manifest.json'), 'utf8');
    expect(read(second)).toBe(read(first));
  });
});
