import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Every process a test starts (talkreel, Chromium, ffmpeg) keeps its temporary files in one folder
 * that is removed after the run. Tests kill renders and browsers on purpose, and a killed process
 * cannot remove what it left behind (Chromium's profile, Remotion's asset folder).
 */
export default function setup(): () => void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'talkreel-tests-'));
  process.env.TMPDIR = dir;
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
