import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/render/outputs/manifest.js';
import { CommandRunner } from '../helpers/in-process.js';
import { frameAt, type Picture } from '../helpers/media.js';
import { renderCache } from '../helpers/cache.js';
import { tempDir } from '../helpers/temp.js';

/**
 * A Slidev `<v-clicks>` list of three items plays its clicks in the video: read back from the MP4
 * at the frames the manifest gives for each build, the slide shows no item before the first,
 * then one, two and three.
 */
const tmp = tempDir('clicks');
const env = { TALKREEL_CACHE_DIR: renderCache(path.join(tmp, 'cache')) };
const command = new CommandRunner(env);
const deck = path.join(tmp, 'slides.md');

/** List markers: runs of the accent colour (#ffd43b) taller than the accent bar, down the marker column. */
function markers(p: Picture, x: number): number {
  let runs = 0;
  let run = 0;
  for (let y = 0; y < p.height; y++) {
    const i = (y * p.width + x) * 4;
    const accent = p.data[i] > 180 && p.data[i + 1] > 150 && p.data[i + 2] < 140;
    if (accent) run++;
    if (!accent || y === p.height - 1) {
      if (run >= 4) runs++;
      run = 0;
    }
  }
  return runs;
}

describe('the deck\'s own clicks in the video', () => {
  let manifest: Manifest;
  const video = path.join(tmp, 'out', 'slides.mp4');

  beforeAll(async () => {
    fs.writeFileSync(deck, '---\ntheme: default\ntitle: Clicks\n---\n\n# Clicks\n\n---\n\n# Steps\n\n<v-clicks>\n\n- one\n- two\n- three\n\n</v-clicks>\n\n---\n\n# End\n');
    const r = await command.run(['render', deck, '--out', path.join(tmp, 'out'), '--resolution', '640x360', '--no-thumbnails', '--json']);
    expect(r.code, r.stderr).toBe(0);
    manifest = JSON.parse(fs.readFileSync(path.join(tmp, 'out', 'manifest.json'), 'utf8'));
  }, 300_000);

  it('gives the slide three builds, one per item, in the manifest', () => {
    expect(manifest.slides[1].builds).toHaveLength(3);
    expect(manifest.slides[0].builds).toEqual([]);
  });

  it('shows 0, 1, 2 and 3 items around the builds the manifest times', () => {
    const b = manifest.slides[1].builds;
    const x = Math.round(640 * 0.07) + 3; // the content area's left edge, inside the square markers
    const at = [b[0].startFrame - 1, b[0].endFrame, b[1].endFrame, b[2].endFrame + 1];
    expect(at.map((f) => markers(frameAt(video, f), x))).toEqual([0, 1, 2, 3]);
  });
});
