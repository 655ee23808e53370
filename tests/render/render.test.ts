import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/render/outputs/manifest.js';
import { fixture } from '../helpers/cli.js';
import { CommandRunner } from '../helpers/in-process.js';
import { frameAt, inkShare, keyframes, meanDifference, probeVideo, readPng, topLevelBoxes } from '../helpers/media.js';
import { renderCache } from '../helpers/cache.js';
import { tempDir } from '../helpers/temp.js';

// End to end: the command (run in this process), the real bundled Chromium, the real ffmpeg. No mocks.
const tmp = tempDir('e2e');
// A cache of this run's own, so that what is measured here is captured here.
const env = { TALKREEL_CACHE_DIR: renderCache(path.join(tmp, 'cache')) };
const command = new CommandRunner(env);

describe('talkreel render (small fixture deck)', () => {
  const out = path.join(tmp, 'small');
  let manifest: Manifest;
  let stdout = '';

  beforeAll(async () => {
    const r = await command.run(['render', fixture('small.md'), '--out', out, '--json']);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.code, r.stderr).toBe(0);
    stdout = r.stdout;
    manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
  });

  it('prints one JSON summary', () => {
    const summary = JSON.parse(stdout);
    expect(summary.ok).toBe(true);
    expect(summary.slides).toBe(4);
    expect(summary.durationInFrames).toBe(manifest.durationInFrames);
  });

  it('writes an H.264 High, yuv420p, BT.709, limited-range MP4 with exactly the timeline\'s frames', () => {
    const video = path.join(out, 'small.mp4');
    const s = probeVideo(video);
    expect(s.codec_name).toBe('h264');
    // This ffprobe build prints the profile's number: 100 is High.
    expect(['High', '100']).toContain(String(s.profile));
    expect(s.pix_fmt).toBe('yuv420p');
    expect(s.color_range).toBe('tv');
    expect(s.color_space).toBe('bt709');
    expect(s.color_primaries).toBe('bt709');
    expect(s.color_transfer).toBe('bt709');
    expect([s.width, s.height]).toEqual([640, 360]);
    expect(s.r_frame_rate).toBe('30/1');
    expect(Number(s.nb_read_frames)).toBe(manifest.durationInFrames);
    // 4 slides of 2 s at 30 fps, three 15-frame transitions.
    expect(manifest.durationInFrames).toBe(4 * 60 - 3 * 15);
  });

  it('is fast-start (moov before mdat) and has a keyframe at least every half second', () => {
    const video = path.join(out, 'small.mp4');
    const boxes = topLevelBoxes(video);
    expect(boxes.indexOf('moov')).toBeGreaterThan(-1);
    expect(boxes.indexOf('moov')).toBeLessThan(boxes.indexOf('mdat'));
    const flags = keyframes(video);
    expect(flags[0]).toBe(true);
    let gap = 0;
    for (const k of flags) {
      gap = k ? 0 : gap + 1;
      expect(gap).toBeLessThan(15);
    }
  });

  it('writes one full-size, non-blank PNG per slide, named NN-slug.png', () => {
    const names = fs.readdirSync(path.join(out, 'thumbnails')).sort();
    expect(names).toEqual(['01-small-talk.png', '02-three-points.png', '03-simple-things-should-be-simple.png', '04-thank-you.png']);
    for (const name of names) {
      const png = readPng(path.join(out, 'thumbnails', name));
      expect([png.width, png.height]).toEqual([640, 360]);
      expect(inkShare(png)).toBeGreaterThan(0.005);
    }
  });

  it('writes a manifest whose slides tile the timeline', () => {
    expect(manifest).toMatchObject({ title: 'Small talk', fps: 30, width: 640, height: 360, video: 'small.mp4' });
    expect(manifest.slides.map((s) => s.index)).toEqual([1, 2, 3, 4]);
    expect(manifest.slides[0].startFrame).toBe(0);
    manifest.slides.forEach((s, i) => {
      const next = manifest.slides[i + 1];
      expect(s.startFrame + s.durationInFrames).toBe(next ? next.startFrame : manifest.durationInFrames);
      expect(fs.existsSync(path.join(out, s.thumbnail ?? ''))).toBe(true);
    });
    expect(manifest.slides[0].notes).toBe('Welcome to a small talk.');
    expect(manifest.durationInSeconds).toBeCloseTo(manifest.durationInFrames / 30, 3);
  });

  it('shows the thumbnail picture in the video while the slide holds', () => {
    const video = path.join(out, 'small.mp4');
    for (const s of manifest.slides) {
      const hold = s.startFrame + s.durationInFrames - 1;
      const still = readPng(path.join(out, s.thumbnail ?? ''));
      expect(meanDifference(frameAt(video, hold), still)).toBeLessThan(3);
    }
  });

  it('leaves no staging folders behind', () => {
    expect(fs.readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([]);
  });
});

describe('talkreel render: options and errors', () => {
  it('--slides renders only the chosen slides, keeping their numbers', async () => {
    const out = path.join(tmp, 'some');
    const r = await command.run(['render', fixture('small.md'), '--out', out, '--slides', '2-3', '--no-video']);
    expect(r.code, r.stderr).toBe(0);
    expect(fs.readdirSync(path.join(out, 'thumbnails')).sort()).toEqual(['02-three-points.png', '03-simple-things-should-be-simple.png']);
    expect(fs.existsSync(path.join(out, 'small.mp4'))).toBe(false);
    const m: Manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(m.video).toBeNull();
    expect(m.slides.map((s) => s.index)).toEqual([2, 3]);
  });

  it('a bad deck: every error with file:line:col, exit 1, no stack trace, --out untouched', async () => {
    const out = path.join(tmp, 'bad');
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, 'bad.mp4'), 'earlier render');
    const r = await command.run(['render', fixture('bad.md'), '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.md:3:6 error invalid-option/);
    expect(r.stderr).toMatch(/bad\.md:9:9 error invalid-option .*layout/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(fs.readdirSync(out)).toEqual(['bad.mp4']);
    expect(fs.readFileSync(path.join(out, 'bad.mp4'), 'utf8')).toBe('earlier render');
  });

  it('talkreel check prints the same diagnostics and exits 1', async () => {
    const r = await command.run(['check', fixture('bad.md')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.md:3:6 error invalid-option front matter: `fps` must be/);
    expect(r.stderr).toMatch(/\^/);
  });

  it.each([
    [['render', fixture('small.md'), '--resolution', '999p'], /--resolution/],
    [['render', fixture('small.md'), '--slides', '9'], /slide 9 does not exist/],
    [['render', fixture('small.md'), '--fps', 'fast'], /--fps/],
    [['render', '--no-such-option'], /unknown option/],
  ])('usage error %j exits 2', async (args, message) => {
    const r = await command.run(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a deck that does not exist exits 1 with its name', async () => {
    const r = await command.run(['render', 'no/such/deck.md']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no\/such\/deck\.md: no such deck file/);
  });
});
