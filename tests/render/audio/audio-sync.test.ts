import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../../src/render/outputs/manifest.js';
import { measureLoudness } from '../../../src/render/audio/loudness.js';
import { countPackets, decodeAudio, ffmpeg, findClick, probeAudio, writeClickTrack, type Pcm } from '../../helpers/audio.js';
import { fixture } from '../../helpers/cli.js';
import { CommandRunner } from '../../helpers/in-process.js';
import { probeVideo } from '../../helpers/media.js';
import { renderCache } from '../../helpers/cache.js';
import { tempDir } from '../../helpers/temp.js';

// Recordings of 12 s with clicks at the start, in the middle and near the end; the small deck's
// last slide holds until the recording ends. Every render shares one cache: the video's segments
// are encoded once.
const tmp = tempDir('audio-sync');
const env = { TALKREEL_CACHE_DIR: renderCache(path.join(tmp, 'cache')) };
const command = new CommandRunner(env);
const SECONDS = 12;
const CLICKS = [0, 6, 11.5];
const src = (name: string) => path.join(tmp, name);

interface Rendered {
  manifest: Manifest;
  video: string;
  /** `copied`, `encoded` or `cached`, as the render reports it. */
  how: string;
  pcm: Pcm;
  talkSeconds: number;
}

async function render(name: string, recording: string, ...extra: string[]): Promise<Rendered> {
  const out = path.join(tmp, name);
  const r = await command.run(['render', fixture('small.md'), '--out', out, '--audio', recording, '--no-thumbnails', '--json', ...extra]);
  expect(r.code, r.stderr).toBe(0);
  const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
  const video = path.join(out, 'small.mp4');
  return { manifest, video, how: JSON.parse(r.stdout).audio, pcm: decodeAudio(video, path.join(tmp, `${name}-pcm`)), talkSeconds: manifest.durationInFrames / manifest.fps };
}

/** Each click of `pcm` (every channel) within 1 ms of where it is in `reference` seconds. */
function expectClicksAt(pcm: Pcm, reference: number[]) {
  for (const channel of pcm.channels) {
    for (const at of reference) expect(Math.abs(findClick(channel, pcm.rate, at) - at), `click at ${at} s`).toBeLessThanOrEqual(0.001);
  }
}

const bytes = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

const renders: Record<string, Rendered> = {};
let adtsClicks: number[] = [];
let adtsPcm: Pcm;
let m4aPcm: Pcm;

beforeAll(async () => {
  writeClickTrack(src('stereo.wav'), { seconds: SECONDS, rate: 48000, channels: 2, clicks: CLICKS });
  writeClickTrack(src('mono.wav'), { seconds: SECONDS, rate: 44100, channels: 1, clicks: CLICKS });
  // 10 ms longer than the talk it makes (12 s at 30 fps): the copy is cut inside its last AAC frame.
  writeClickTrack(src('long.wav'), { seconds: SECONDS + 0.01, rate: 48000, channels: 2, clicks: CLICKS });
  ffmpeg(['-i', src('long.wav'), '-c:a', 'aac', '-b:a', '160k', '-f', 'mp4', src('phone.m4a')]);
  ffmpeg(['-i', src('mono.wav'), '-c:a', 'aac', '-b:a', '96k', '-f', 'adts', src('recorder.aac')]);
  m4aPcm = decodeAudio(src('phone.m4a'), src('m4a-pcm'));
  // ADTS cannot say how many priming samples its encoder put first: a player plays them, so the
  // clicks are heard that much later in the recording itself, and must be in the video too.
  adtsPcm = decodeAudio(src('recorder.aac'), src('adts-pcm'));
  adtsClicks = CLICKS.map((at) => findClick(adtsPcm.channels[0], adtsPcm.rate, at + 1024 / 44100));
  renders.stereo = await render('stereo', src('stereo.wav'));
  renders.mono = await render('mono', src('mono.wav'));
  renders.m4a = await render('m4a', src('phone.m4a'));
  renders.adts = await render('adts', src('recorder.aac'));
  renders.again = await render('again', src('stereo.wav'));
});

describe('an encoded recording (WAV)', () => {
  it('keeps its channels and sample rate, at the speech bitrates (192 kbit/s stereo, 128 kbit/s mono)', () => {
    const stereo = probeAudio(renders.stereo.video);
    const mono = probeAudio(renders.mono.video);
    expect(stereo).toMatchObject({ codec: 'aac', sampleRate: 48000, channels: 2 });
    expect(mono).toMatchObject({ codec: 'aac', sampleRate: 44100, channels: 1 });
    // This ffprobe build prints the profile's number: 1 is AAC-LC (Low Complexity).
    for (const a of [stereo, mono]) expect(['LC', '1']).toContain(a.profile);
    expect(renders.stereo.how).toBe('encoded');
    // A quiet tone and three clicks need far less than the ceiling: the bitrate is at most it.
    expect(stereo.bitrate).toBeLessThanOrEqual(192_000 * 1.05);
    expect(mono.bitrate).toBeLessThanOrEqual(128_000 * 1.05);
  });

  it('is heard in sync: every click within 1 ms of its time in the source, in every channel', () => {
    expectClicksAt(renders.stereo.pcm, CLICKS);
    expectClicksAt(renders.mono.pcm, CLICKS);
  });

  it('lasts as long as the talk, to the millisecond, and the video has every frame', () => {
    for (const r of [renders.stereo, renders.mono]) {
      expect(r.talkSeconds).toBe(SECONDS);
      expect(Math.abs(probeAudio(r.video).seconds - r.talkSeconds)).toBeLessThanOrEqual(0.001);
      expect(Number(probeVideo(r.video).nb_read_frames)).toBe(r.manifest.durationInFrames);
    }
  });

  it('is taken from the cache by the next render of the same recording and length', () => {
    expect(renders.again.how).toBe('cached');
    expect(bytes(renders.again.pcm.channels[0]).equals(bytes(renders.stereo.pcm.channels[0]))).toBe(true);
  });
});

describe('a copied recording (AAC-LC in M4A, and ADTS)', () => {
  it('goes in by stream copy: the same codec, channels and rate, and the same decoded samples', () => {
    expect(renders.m4a.how).toBe('copied');
    expect(renders.adts.how).toBe('copied');
    expect(probeAudio(renders.m4a.video)).toMatchObject({ codec: 'aac', sampleRate: 48000, channels: 2 });
    expect(probeAudio(renders.adts.video)).toMatchObject({ codec: 'aac', sampleRate: 44100, channels: 1 });
    // Sample for sample what the recording decodes to, up to the talk's end (no second encoding).
    for (const [r, source] of [[renders.m4a, m4aPcm], [renders.adts, adtsPcm]] as const) {
      const end = Math.round(r.talkSeconds * source.rate);
      r.pcm.channels.forEach((channel, c) => expect(bytes(channel.subarray(0, end)).equals(bytes(source.channels[c].subarray(0, end))), `channel ${c}`).toBe(true));
    }
  });

  it('is heard in sync: every click within 1 ms of where the recording itself plays it', () => {
    // An M4A's edit list skips its encoder's priming samples: clicks play at their times.
    expectClicksAt(m4aPcm, CLICKS);
    expectClicksAt(renders.m4a.pcm, CLICKS);
    expectClicksAt(renders.adts.pcm, adtsClicks);
  });

  it('ends with the talk: cut inside its last AAC frame by the edit list, or at most half a frame short', () => {
    const m4a = renders.m4a;
    expect(m4a.talkSeconds).toBe(SECONDS);
    expect(Math.abs(probeAudio(m4a.video).seconds - m4a.talkSeconds)).toBeLessThanOrEqual(0.001);
    // ADTS's length is counted in whole frames of 1024 samples (a bitrate estimate is off by 0.1-0.3 s).
    const adts = renders.adts;
    const packets = countPackets(src('recorder.aac'));
    expect(Math.abs(adts.talkSeconds - (packets * 1024) / 44100)).toBeLessThanOrEqual(0.5 / 30);
    expect(Math.abs(probeAudio(adts.video).seconds - adts.talkSeconds)).toBeLessThanOrEqual(0.5 / 30);
    for (const r of [m4a, adts]) expect(Number(probeVideo(r.video).nb_read_frames)).toBe(r.manifest.durationInFrames);
  });
});

describe('--audio-bitrate and --loudness', () => {
  it('--audio-bitrate encodes an AAC recording too, at that bitrate', async () => {
    const r = await render('bitrate', src('phone.m4a'), '--audio-bitrate', '96k');
    expect(r.how).toBe('encoded');
    expect(probeAudio(r.video)).toMatchObject({ codec: 'aac', channels: 2, sampleRate: 48000 });
    expect(probeAudio(r.video).bitrate).toBeLessThanOrEqual(96_000 * 1.05);
    expectClicksAt(r.pcm, CLICKS);
  });

  it('--loudness -14 brings the recording to -14 LUFS (within 1 LU), still in sync', async () => {
    const before = await measureLoudness(src('stereo.wav'), -14);
    const r = await render('loud', src('stereo.wav'), '--loudness', '-14');
    const after = await measureLoudness(r.video, -14);
    expect(Math.abs(before.inputI + 14)).toBeGreaterThan(5);
    expect(Math.abs(after.inputI + 14)).toBeLessThanOrEqual(1);
    expect(after.inputTp).toBeLessThanOrEqual(-1);
    expectClicksAt(r.pcm, CLICKS);
    expect(Math.abs(probeAudio(r.video).seconds - SECONDS)).toBeLessThanOrEqual(0.001);
  });

  it('reports the encoding as its own step, in seconds of the recording', async () => {
    const r = await command.run(['render', fixture('small.md'), '--out', path.join(tmp, 'progress'), '--audio', src('mono.wav'), '--audio-bitrate', '64', '--no-thumbnails']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^Encoding audio\.\.\.$/m);
    expect(r.stderr).toMatch(new RegExp(`^ {2}encoding audio ${SECONDS}/${SECONDS} s of the recording$`, 'm'));
  });

  it.each([
    [['--audio-bitrate', '8'], /--audio-bitrate must be a whole number of kbit\/s from 32 to 320/],
    [['--loudness', 'loud'], /--loudness must be a loudness in LUFS from -70 to -5/],
    [['--loudness', '3'], /--loudness must be a loudness in LUFS from -70 to -5/],
  ])('%j: a usage error, exit 2', async (flags, message) => {
    const r = await command.run(['render', fixture('small.md'), '--out', path.join(tmp, 'bad'), '--audio', src('stereo.wav'), ...flags]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(fs.existsSync(path.join(tmp, 'bad'))).toBe(false);
  });
});
