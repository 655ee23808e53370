import { describe, expect, it } from 'vitest';
import { encoderArgs, videoFormat } from '../../../src/render/encode/x264.js';

describe('videoFormat: YouTube`s bitrate ceilings', () => {
  it.each([
    [1920, 1080, 30, 8000],
    [1920, 1080, 24, 8000],
    [1920, 1080, 60, 12000],
    [1280, 720, 30, 5000],
    [1280, 720, 50, 7500],
    [2560, 1440, 30, 16000],
    [2560, 1440, 60, 24000],
    [3840, 2160, 30, 45000],
    [3840, 2160, 60, 68000],
    [640, 360, 30, 1000],
    // Between two rows: the larger row's ceiling; above 2160p: scaled by area.
    [1024, 768, 30, 5000],
    [1280, 800, 30, 8000],
    [7680, 4320, 30, 180000],
  ])('%dx%d at %d fps: at most %d kbit/s', (w, h, fps, kbps) => {
    const f = videoFormat(w, h, fps);
    expect(f.maxrate).toBe(kbps);
    expect(f.bufsize).toBe(2 * kbps);
    expect(f.crf).toBe(18);
  });

  it('passes the ceiling, the CRF, 2 B-frames and a closed GOP of half the frame rate to x264', () => {
    const args = encoderArgs(videoFormat(1920, 1080, 30, 23)).join(' ');
    expect(args).toContain('-crf 23 -maxrate 8000k -bufsize 16000k -profile:v high');
    expect(args).toContain('-bf 2 -g 15 -keyint_min 15 -sc_threshold 0 -flags +cgop');
  });
});
