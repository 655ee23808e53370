import { describe, expect, it } from 'vitest';
import { planAudio, type Recording } from '../../../src/render/audio/audio.js';
import { loudnessFilter, type Loudness } from '../../../src/render/audio/loudness.js';

const phone: Recording = { file: '/talk.m4a', codec: 'aac', aacLow: true, sampleRate: 48000, channels: 2, container: 'mov,mp4,m4a,3gp,3g2,mj2', startSeconds: 0, seconds: 2700 };

describe('planAudio', () => {
  it('copies AAC-LC at 44.1 or 48 kHz from MP4/M4A/MOV or ADTS', () => {
    expect(planAudio(phone).copy).toBe(true);
    expect(planAudio({ ...phone, sampleRate: 44100, channels: 1, container: 'aac' }).copy).toBe(true);
  });

  it('encodes anything else, and AAC when a bitrate or a loudness is asked for', () => {
    const cases: [Partial<Recording>, object][] = [
      [{ aacLow: false }, { channels: 2, sampleRate: 48000, bitrate: 192 }], // HE-AAC
      [{ sampleRate: 32000 }, { sampleRate: 48000 }],
      [{ container: 'matroska,webm' }, { copy: false }],
      [{ startSeconds: 0.5 }, { copy: false }],
      [{ codec: 'pcm_s16le', container: 'wav', channels: 1, sampleRate: 44100 }, { channels: 1, sampleRate: 44100, bitrate: 128 }],
      [{ codec: 'flac', container: 'flac', channels: 6 }, { channels: 2, bitrate: 192 }],
    ];
    for (const [change, expected] of cases) expect(planAudio({ ...phone, ...change }), JSON.stringify(change)).toMatchObject({ copy: false, loudness: null, ...expected });
    expect(planAudio(phone, { bitrate: 96 })).toMatchObject({ copy: false, bitrate: 96, channels: 2 });
    expect(planAudio(phone, { loudness: -14 })).toMatchObject({ copy: false, bitrate: 192, loudness: -14 });
  });
});

describe('loudnessFilter', () => {
  const measured: Loudness = { target: -14, inputI: -24, inputTp: -13, inputLra: 6, inputThresh: -34, targetOffset: 0.2 };
  it('a plain gain when the true peak stays at -1.5 dBTP or under', () => {
    expect(loudnessFilter(measured)).toEqual(['volume=10.00dB']);
  });
  it("loudnorm with the first pass's measurements when the peaks would go over", () => {
    const [filter] = loudnessFilter({ ...measured, inputTp: -5, inputLra: 14.2 });
    expect(filter).toMatch(/^loudnorm=I=-14:TP=-1.5:LRA=15:measured_I=-24:measured_TP=-5:measured_LRA=14.2:measured_thresh=-34:offset=0.2:linear=true$/);
  });
  it('nothing for a silent recording', () => {
    expect(loudnessFilter({ ...measured, inputI: -Infinity })).toEqual([]);
  });
});
