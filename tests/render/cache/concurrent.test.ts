import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, talkreel } from '../../helpers/cli.js';
import { renderCache } from '../../helpers/cache.js';
import { tempDir } from '../../helpers/temp.js';

/**
 * Several renders of one deck started at the same moment on one cache folder, as `talkreel watch`
 * in one terminal and `talkreel render` in another are by default: each round starts RENDERS
 * renders on an empty cache (the last without the video, as `watch` renders), so that they
 * capture, write and read the same pictures and segments at the same time. Every output must be
 * byte-identical to that of a render alone. (`scripts/race-renders.mjs` runs more rounds.)
 */
const tmp = tempDir('concurrent');
// A few slides with builds and a transition: enough pictures and segments to race on, quick to render.
const DECK = fixture('small.md');
const RESOLUTION = '320x180';
const RENDERS = 4;
const ROUNDS = 2;

/** An empty cache for pictures and segments; the unpacked browser and the bundle are shared. */
const emptyCache = (name: string) => renderCache(path.join(tmp, name));

/** Every file under `dir`, by relative path, with its bytes. */
function files(dir: string): Map<string, Buffer> {
  const found = fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Map(found.map((e) => [path.relative(dir, path.join(e.parentPath, e.name)), fs.readFileSync(path.join(e.parentPath, e.name))]));
}

const render = (out: string, cache: string, video: boolean) =>
  talkreel(['render', DECK, '--out', out, '--resolution', RESOLUTION, '--json', ...(video ? [] : ['--no-video'])], { TALKREEL_CACHE_DIR: cache });

describe('several renders at once on one cache folder', () => {
  it(`${RENDERS} renders started together, ${ROUNDS} times: all succeed, with outputs byte-identical to a render alone`, async () => {
    const alone = path.join(tmp, 'alone');
    const solo = await render(alone, emptyCache('alone-cache'), true);
    expect(solo.code, solo.stderr).toBe(0);
    const reference = files(alone);
    const thumbnailsOnly = new Map([...reference].filter(([name]) => name.startsWith('thumbnails/') || name === 'manifest.json'));
    expect(thumbnailsOnly.size).toBeGreaterThan(3);

    const problems: string[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const cache = emptyCache(`cache-${round}`);
      const outs = Array.from({ length: RENDERS }, (_, i) => path.join(tmp, `round-${round}-${i}`));
      const video = (i: number) => i < RENDERS - 1;
      const results = await Promise.all(outs.map((out, i) => render(out, cache, video(i))));
      results.forEach((r, i) => {
        if (r.code !== 0) return problems.push(`round ${round}, render ${i}: exit ${r.code}:\n${r.stderr.trim().split('\n').slice(-12).join('\n')}`);
        const got = files(outs[i]);
        const expected = video(i) ? reference : thumbnailsOnly;
        for (const [name, bytes] of expected) {
          // A render without the video has a manifest of its own (no video, no publishing files).
          if (!video(i) && name === 'manifest.json') continue;
          if (!got.get(name)?.equals(bytes)) problems.push(`round ${round}, render ${i}: ${name} differs from the render alone`);
        }
        const extra = [...got.keys()].filter((name) => !expected.has(name));
        if (extra.length > 0) problems.push(`round ${round}, render ${i}: also wrote ${extra.join(', ')}`);
      });
      for (const out of outs) fs.rmSync(out, { recursive: true, force: true });
      fs.rmSync(cache, { recursive: true, force: true });
    }
    expect(problems).toEqual([]);
  });
});
