import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Manifest } from '../../src/render/outputs/manifest.js';
import { ffmpegPath, ffprobePath } from '../../src/render/encode/ffmpeg.js';
import { readSrt, readVtt } from '../helpers/captions.js';
import { fixture } from '../helpers/cli.js';
import { CommandRunner } from '../helpers/in-process.js';
import { meanDifference, readPng } from '../helpers/media.js';
import { openChromium } from '../helpers/page.js';
import { renderCache } from '../helpers/cache.js';
import { tempDir } from '../helpers/temp.js';

// End to end: the command (run in this process) renders a deck with notes and chapters; every
// publishing file is read back.
const tmp = tempDir('publish');
const env = { TALKREEL_CACHE_DIR: renderCache(path.join(tmp, 'cache')) };
const command = new CommandRunner(env);
const out = path.join(tmp, 'publish');
const probe = (args: string[]) => {
  const r = spawnSync(ffprobePath(), ['-v', 'error', ...args, '-of', 'json'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
};

describe('publishing outputs (deck with notes and chapters)', () => {
  let manifest: Manifest;

  beforeAll(async () => {
    fs.mkdirSync(out, { recursive: true });
    const r = await command.run(['render', fixture('publish.md'), '--out', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/chapters-too-few|captions-too-fast/);
    manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
  });

  it('names every file in the manifest', () => {
    expect(manifest).toMatchObject({
      video: 'publish.mp4',
      chapters: 'chapters.txt',
      captions: { srt: 'captions.srt', vtt: 'captions.vtt' },
      poster: 'poster.jpg',
      contactSheet: 'contact-sheet.png',
      page: 'index.html',
    });
    for (const f of ['chapters.txt', 'captions.srt', 'captions.vtt', 'poster.jpg', 'contact-sheet.png', 'index.html']) {
      expect(fs.existsSync(path.join(out, f)), f).toBe(true);
    }
  });

  it('writes YouTube chapters: first at 0:00, at least 3, each 10 s or more, named by the deck', () => {
    const lines = fs.readFileSync(path.join(out, 'chapters.txt'), 'utf8').trimEnd().split('\n');
    const parsed = lines.map((l) => /^(\d+):(\d\d) (.+)$/.exec(l));
    expect(parsed.every(Boolean), lines.join('\n')).toBe(true);
    const starts = parsed.map((m) => Number(m![1]) * 60 + Number(m![2]));
    expect(starts[0]).toBe(0);
    expect(lines.length).toBeGreaterThanOrEqual(3);
    [...starts.slice(1), manifest.durationInSeconds].forEach((end, i) => expect(end - starts[i]).toBeGreaterThanOrEqual(10));
    // Slide 3 is on screen 3 s: it joins the chapter before it.
    expect(parsed.map((m) => m![3])).toEqual(['PUBLISHING A TALK', 'The outputs', 'Questions & answers']);
  });

  it('puts the same chapters into the MP4, where players read them', () => {
    const { chapters } = probe(['-show_chapters', path.join(out, 'publish.mp4')]);
    const text = fs.readFileSync(path.join(out, 'chapters.txt'), 'utf8').trimEnd().split('\n');
    expect(chapters.map((c: { tags: { title: string } }) => c.tags.title)).toEqual(text.map((l) => l.replace(/^\S+ /, '')));
    expect(Number(chapters[0].start_time)).toBe(0);
    expect(Number(chapters.at(-1).end_time)).toBeCloseTo(manifest.durationInSeconds, 2);
  });

  it('writes SRT and WebVTT captions that strict readers accept, within the video and each slide', () => {
    const srt = readSrt(fs.readFileSync(path.join(out, 'captions.srt'), 'utf8'));
    const vtt = readVtt(fs.readFileSync(path.join(out, 'captions.vtt'), 'utf8'));
    expect(vtt).toEqual(srt);
    expect(srt.length).toBeGreaterThanOrEqual(3);
    const { format } = probe(['-show_entries', 'format=duration', path.join(out, 'publish.mp4')]);
    const videoMs = Number(format.duration) * 1000;
    for (const c of srt) {
      expect(c.lines.length).toBeLessThanOrEqual(2);
      for (const l of c.lines) expect(l.length).toBeLessThanOrEqual(42);
      expect(c.end).toBeLessThanOrEqual(videoMs + 1);
      const chars = c.lines.join(' ').length;
      expect(chars / ((c.end - c.start) / 1000)).toBeLessThanOrEqual(20);
      // Inside the time on screen of one slide.
      const slide = manifest.slides.find((s) => c.start >= s.startSeconds * 1000 - 1 && c.start < (s.startSeconds + s.durationInFrames / manifest.fps) * 1000);
      expect(slide).toBeDefined();
      expect(c.end).toBeLessThanOrEqual((slide!.startSeconds + slide!.durationInFrames / manifest.fps) * 1000 + 1);
    }
    // All the notes' words are in the captions, in order.
    const words = manifest.slides.map((s) => s.notes).join(' ').split(/\s+/).filter(Boolean);
    expect(srt.flatMap((c) => c.lines.join(' ').split(' '))).toEqual(words);
  });

  it('writes a 1280x720 JPEG poster under 2 MB showing the slide the deck names (poster: 2)', () => {
    const poster = path.join(out, 'poster.jpg');
    expect(fs.statSync(poster).size).toBeLessThan(2 * 1024 * 1024);
    const { streams } = probe(['-show_entries', 'stream=codec_name,width,height', poster]);
    expect(streams[0]).toMatchObject({ codec_name: 'mjpeg', width: 1280, height: 720 });
    const small = path.join(tmp, 'poster-small.png');
    spawnSync(ffmpegPath(), ['-v', 'error', '-y', '-i', poster, '-vf', 'scale=640:360:flags=area', '-frames:v', '1', '-c:v', 'png', '-f', 'image2', small]);
    const shown = readPng(small);
    const diffs = manifest.slides.map((s) => meanDifference(shown, readPng(path.join(out, s.thumbnail!))));
    expect(diffs.indexOf(Math.min(...diffs))).toBe(1);
    expect(diffs[1]).toBeLessThan(3);
  });

  it('writes a contact sheet with every slide, labelled under it with its number on a badge, its title and start time', () => {
    const sheet = readPng(path.join(out, 'contact-sheet.png'));
    // 4 slides: 2 columns of 384x216 cells, each with a 48-pixel strip for its number; 16-pixel gaps.
    expect([sheet.width, sheet.height]).toEqual([2 * 384 + 3 * 16, 2 * (216 + 48) + 3 * 16]);
    const at = (x: number, y: number) => [...sheet.data.subarray((y * sheet.width + x) * 4, (y * sheet.width + x) * 4 + 3)];
    const thumb = path.join(tmp, 'thumb-small.png');
    for (const [k, [col, row]] of [[0, 0], [1, 0], [0, 1], [1, 1]].entries()) {
      const x = 16 + col * 400;
      const y = 16 + row * 280;
      // The badge, in the strip under the picture, and the title's and time's text beside it, in Inter (anti-aliased).
      expect(at(x + 2, y + 216 + 24)).toEqual([0xff, 0xd1, 0x4d]);
      let ink = 0;
      for (let yy = y + 216; yy < y + 216 + 48; yy++) for (let xx = x + 60; xx < x + 384; xx++) if (at(xx, yy)[0] > 0x80) ink++;
      expect(ink).toBeGreaterThan(100);
      // The whole cell is the slide's picture, scaled: nothing covers it.
      const cell = { width: 384, height: 216, data: Buffer.alloc(384 * 216 * 4) };
      for (let yy = 0; yy < 216; yy++) sheet.data.copy(cell.data, yy * 384 * 4, ((y + yy) * sheet.width + x) * 4, ((y + yy) * sheet.width + x + 384) * 4);
      spawnSync(ffmpegPath(), ['-v', 'error', '-y', '-i', path.join(out, manifest.slides[k].thumbnail!), '-vf', 'scale=384:216:flags=area', '-frames:v', '1', '-c:v', 'png', '-f', 'image2', thumb]);
      expect(meanDifference(cell, readPng(thumb))).toBeLessThan(2);
    }
  });

  it('encodes as YouTube recommends: High profile, 2 B-frames, closed GOP of half a second, bitrate under the ceiling', () => {
    const video = path.join(out, 'publish.mp4');
    const { streams } = probe(['-select_streams', 'v:0', '-show_entries', 'stream=profile,has_b_frames,field_order,pix_fmt', video]);
    expect(['High', '100']).toContain(String(streams[0].profile));
    expect(streams[0].has_b_frames).toBe(2);
    expect(streams[0].pix_fmt).toBe('yuv420p');
    expect(['progressive', undefined]).toContain(streams[0].field_order);
    const { frames } = probe(['-select_streams', 'v:0', '-show_entries', 'frame=key_frame,pict_type', video]);
    const keys = frames.flatMap((f: { key_frame: number }, i: number) => (f.key_frame ? [i] : []));
    // A keyframe every 15 frames (fps / 2), counted in presentation order.
    keys.slice(1).forEach((k: number, i: number) => expect(k - keys[i]).toBeLessThanOrEqual(15));
    expect(frames.filter((f: { pict_type: string }) => f.pict_type === 'B').length).toBeGreaterThan(0);
    // 640x360 at 30 fps: YouTube's 360p rate, 1 Mbit/s. No one-second window much above it.
    const { packets } = probe(['-select_streams', 'v:0', '-show_entries', 'packet=size', video]);
    const sizes = packets.map((p: { size: string }) => Number(p.size) * 8);
    let peak = 0;
    for (let i = 0; i + 30 <= sizes.length; i++) peak = Math.max(peak, sizes.slice(i, i + 30).reduce((a: number, b: number) => a + b, 0));
    expect(peak).toBeLessThan(1.5 * 1_000_000);
  });

  it('--crf changes the quality (and the cache key): a higher CRF makes a smaller file of the same frames', async () => {
    const lower = path.join(tmp, 'crf');
    const r = await command.run(['render', fixture('publish.md'), '--out', lower, '--crf', '38', '--no-thumbnails', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).stats.encodedSegments).toBeGreaterThan(0);
    expect(fs.statSync(path.join(lower, 'publish.mp4')).size).toBeLessThan(0.8 * fs.statSync(path.join(out, 'publish.mp4')).size);
    const bad = await command.run(['render', fixture('publish.md'), '--out', lower, '--crf', '60']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--crf must be a whole number from 0 to 51/);
  });

  describe('index.html in headless Chromium', () => {
    let browser: Browser;
    let page: Page;
    const requests: string[] = [];

    beforeAll(async () => {
      browser = await openChromium();
      page = await browser.newPage();
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(pathToFileURL(path.join(out, 'index.html')).href);
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('loads every picture and asks nothing of the network', async () => {
      await page.waitForFunction(() => [...document.images].every((i) => i.complete));
      const widths = await page.evaluate(() => [...document.images].map((i) => i.naturalWidth));
      expect(widths).toEqual([640, 640, 640, 640]);
      expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
      const links = await page.$$eval('a[download]', (as) => as.map((a) => a.getAttribute('href')));
      expect(links).toEqual(['publish.mp4', ...manifest.slides.map((s) => s.thumbnail)]);
    });

    it('plays the video: its time advances', async () => {
      await page.waitForFunction(() => (document.getElementById('talk') as HTMLVideoElement).readyState >= 1);
      expect(await page.evaluate(() => (document.getElementById('talk') as HTMLVideoElement).duration)).toBeCloseTo(manifest.durationInSeconds, 1);
      await page.evaluate(() => (document.getElementById('talk') as HTMLVideoElement).play());
      await page.waitForFunction(() => (document.getElementById('talk') as HTMLVideoElement).currentTime > 0.5);
      expect(await page.evaluate(() => (document.getElementById('talk') as HTMLVideoElement).paused)).toBe(false);
    });

    it('seeks to a chapter when its time is clicked, and shows the captions', async () => {
      await page.click('.chapters button >> text=0:24');
      const t = await page.evaluate(() => (document.getElementById('talk') as HTMLVideoElement).currentTime);
      expect(t).toBeGreaterThanOrEqual(24);
      expect(t).toBeLessThan(25);
      const cues = await page.evaluate(() => (document.getElementById('talk') as HTMLVideoElement).textTracks[0].cues?.length ?? 0);
      expect(cues).toBe(readSrt(fs.readFileSync(path.join(out, 'captions.srt'), 'utf8')).length);
    });
  });
});

describe('publishing outputs (deck without notes)', () => {
  const bare = path.join(tmp, 'bare');

  it('writes no captions and no chapters, says so, and removes those left by an earlier render', async () => {
    const deck = path.join(tmp, 'bare.md');
    fs.writeFileSync(deck, '---\nresolution: 640x360\nduration: 2\n---\n\n# ONE\n\n---\n\n# TWO\n');
    fs.mkdirSync(bare, { recursive: true });
    for (const f of ['chapters.txt', 'captions.srt', 'captions.vtt']) fs.writeFileSync(path.join(bare, f), 'old');
    const r = await command.run(['render', deck, '--out', bare]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/bare\.md:\d+:1 warning chapters-too-few/);
    const manifest: Manifest = JSON.parse(fs.readFileSync(path.join(bare, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ video: 'bare.mp4', chapters: null, captions: null, poster: 'poster.jpg', page: 'index.html' });
    for (const f of ['chapters.txt', 'captions.srt', 'captions.vtt']) expect(fs.existsSync(path.join(bare, f)), f).toBe(false);
    const html = fs.readFileSync(path.join(bare, 'index.html'), 'utf8');
    expect(html).not.toContain('<track');
    expect(html).not.toContain('Chapters');
    expect(html).toContain('thumbnails/01-one.png');
    const { chapters } = probe(['-show_chapters', path.join(bare, 'bare.mp4')]);
    expect(chapters).toEqual([]);
  });

  it('a thumbnails-only render writes no publishing files (they go with the video)', async () => {
    const out = path.join(tmp, 'thumbs-only');
    const r = await command.run(['render', fixture('publish.md'), '--out', out, '--no-video', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual(['manifest.json', 'thumbnails']);
    const manifest: Manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ video: null, chapters: null, captions: null, poster: null, contactSheet: null, page: null });
  });
});
