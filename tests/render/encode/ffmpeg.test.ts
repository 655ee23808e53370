import fs from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { ffmpegPath, ffprobePath, run } from '../../../src/render/encode/ffmpeg.js';

describe('ffmpegPath and ffprobePath', () => {
  it('find the compositor package binaries once, not once per run', async () => {
    const [ffmpeg, ffprobe] = [ffmpegPath(), ffprobePath()];
    expect(fs.existsSync(ffmpeg) && fs.existsSync(ffprobe)).toBe(true);
    // Remotion's lookup asks for a full process report each time: it must not run again.
    const report = vi.spyOn(process.report, 'getReport');
    try {
      expect([ffmpegPath(), ffprobePath()]).toEqual([ffmpeg, ffprobe]);
      expect(String(await run(ffmpeg, ['-hide_banner', '-version']))).toMatch(/^ffmpeg version/);
      expect(report).not.toHaveBeenCalled();
    } finally {
      report.mockRestore();
    }
  });
});
