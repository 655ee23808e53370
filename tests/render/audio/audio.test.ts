import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../../src/render/outputs/manifest.js';
import { ffmpegPath, ffprobePath } from '../../../src/render/encode/ffmpeg.js';
import { fixture } from '../../helpers/cli.js';
import { CommandRunner } from '../../helpers/in-process.js';
import { frameAt, meanDifference, probeVideo, readPng } from '../../helpers/media.js';
import { renderCache } from '../../helpers/cache.js';
import { tempDir } from '../../helpers/temp.js';

// The speaker's recording: a generated tone stands in for it (mono, 44.1 kHz, WAV).
const tmp = tempDir('audio');
const env = { TALKREEL_CACHE_DIR: renderCache(path.join(tmp, 'cache')) };
const command = new CommandRunner(env);
const tone = (file: string, seconds: number) => {
  const bin = ffmpegPath();
  const r = spawnSync(bin, ['-v', 'error', '-y', '-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}:sample_rate=44100`, '-c:a', 'pcm_s16le', '-f', 'wav', file], { cwd: path.dirname(bin), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
};
const probe = (file: string) => {
  const r = spawnSync(ffprobePath(), ['-v', 'error', '-show_entries', 'stream=codec_type,codec_name,profile,sample_rate,channels,duration:format=duration', '-of', 'json', file], { encoding: 'utf8' });
  return JSON.parse(r.stdout) as { streams: Record<string, string | number>[]; format: { duration: string } };
};
const wav = path.join(tmp, 'talk.wav');

describe('--audio with --timings', () => {
  const out = path.join(tmp, 'timed');
  let manifest: Manifest;

  beforeAll(async () => {
    tone(wav, 10.5);
    const timings = path.join(tmp, 'times.txt');
    fs.writeFileSync(timings, '0:00\n2\n0:05.5\n8\n');
    const r = await command.run(['render', fixture('small.md'), '--out', out, '--audio', wav, '--timings', timings, '--json']);
    expect(r.code, r.stderr).toBe(0);
    manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
  });

  it('muxes the recording as AAC-LC, keeping its sample rate and its one channel', () => {
    const { streams } = probe(path.join(out, 'small.mp4'));
    const audio = streams.find((s) => s.codec_type === 'audio')!;
    expect(audio).toMatchObject({ codec_name: 'aac', sample_rate: '44100', channels: 1 });
    // This ffprobe build prints the profile's number: 1 is AAC-LC (Low Complexity).
    expect(['LC', '1']).toContain(String(audio.profile));
    expect(manifest.audio).toBe(path.relative(out, wav));
  });

  it('lasts exactly as long as the recording (to the frame), and starts each slide at its recorded time', () => {
    const { streams } = probe(path.join(out, 'small.mp4'));
    const video = streams.find((s) => s.codec_type === 'video')!;
    expect(manifest.durationInFrames).toBe(Math.round(10.5 * 30));
    expect(Number(probeVideo(path.join(out, 'small.mp4')).nb_read_frames)).toBe(manifest.durationInFrames);
    expect(Math.abs(Number(video.duration) - 10.5)).toBeLessThanOrEqual(1 / 30);
    const audio = streams.find((s) => s.codec_type === 'audio')!;
    expect(Math.abs(Number(audio.duration) - 10.5)).toBeLessThan(0.03);
    expect(manifest.slides.map((s) => s.startSeconds)).toEqual([0, 2, 5.5, 8]);
    expect(manifest.slides.at(-1)!.startFrame + manifest.slides.at(-1)!.durationInFrames).toBe(manifest.durationInFrames);
  });

  it('shows each slide in the video at its recorded time', () => {
    const video = path.join(out, 'small.mp4');
    // The last frame before each next slide starts (slide 1 ends at 2 s = frame 60), and the end.
    for (const [frame, slide] of [[55, 0], [160, 1], [235, 2], [314, 3]] as const) {
      const diff = meanDifference(frameAt(video, frame), readPng(path.join(out, manifest.slides[slide].thumbnail!)));
      expect(diff, `frame ${frame}`).toBeLessThan(3);
    }
  });
});

describe('recorded timings that cannot be used', () => {
  it.each([
    ['not increasing', '0\n4\n3\n8\n', /times\.txt:3:1 error timing-order/],
    ['past the end of the recording', '0\n2\n5\n12\n', /times\.txt:4:1 error timing-past-end/],
    ['not a time', '0\n2\nlater\n8\n', /times\.txt:3:1 error timing-invalid/],
    ['one too few', '0\n2\n5\n', /times\.txt:3:1 error timing-count/],
  ])('%s: an error naming the line, exit 1, nothing written', async (_name, text, pattern) => {
    tone(wav, 10.5);
    const out = path.join(tmp, 'bad');
    const timings = path.join(tmp, 'times.txt');
    fs.writeFileSync(timings, text);
    const r = await command.run(['render', fixture('small.md'), '--out', out, '--audio', wav, '--timings', timings]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(path.join(out, 'small.mp4'))).toBe(false);
  });

  it('at: options in the deck, checked against the recording the deck names', async () => {
    tone(path.join(tmp, 'deck-talk.wav'), 6);
    const deck = path.join(tmp, 'timed.md');
    fs.writeFileSync(deck, '---\nresolution: 640x360\naudio: deck-talk.wav\n---\n\n# A\n\n---\nat: 0:03\n---\n\n# B\n\n---\nat: 0:02\n---\n\n# C\n');
    const r = await command.run(['render', deck, '--out', path.join(tmp, 'timed-out')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/timed\.md:15:1 error timing-order/);
    const missing = await command.run(['render', fixture('small.md'), '--out', path.join(tmp, 'x'), '--audio', path.join(tmp, 'nope.wav')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/--audio .*nope\.wav: no such audio file/);
  });
});

describe('audio: in the front matter, without timings', () => {
  it('holds the last slide until the recording ends', async () => {
    tone(path.join(tmp, 'long.wav'), 9);
    const deck = path.join(tmp, 'holds.md');
    fs.writeFileSync(deck, fs.readFileSync(fixture('small.md'), 'utf8').replace('duration: 2\n', 'duration: 2\naudio: long.wav\n'));
    const out = path.join(tmp, 'holds');
    const r = await command.run(['render', deck, '--out', out, '--no-thumbnails', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const manifest: Manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(manifest.durationInFrames).toBe(270);
    // The first three slides keep their 2 s; the last holds to the end.
    expect(manifest.slides.map((s) => s.startFrame)).toEqual([0, 45, 90, 135]);
    expect(manifest.slides[3].durationInFrames).toBe(135);
    const { streams } = probe(path.join(out, 'holds.mp4'));
    expect(streams.map((s) => s.codec_type).sort()).toEqual(['audio', 'video']);
  });
});
