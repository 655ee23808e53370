import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { withScratchFiles } from '../../../src/render/encode/scratch.js';

const folder = fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();

describe('withScratchFiles', () => {
  it('hands over paths for new files, and removes the files after use', async () => {
    let seen: string[] = [];
    const text = await withScratchFiles(2, async (files) => {
      seen = files;
      files.forEach((file, i) => fs.writeFileSync(file, `file ${i}`));
      return files.map((file) => fs.readFileSync(file, 'utf8')).join(', ');
    });
    expect(text).toBe('file 0, file 1');
    expect(new Set(seen).size).toBe(2);
    for (const file of seen) expect(path.dirname(file)).toBe(folder);
    for (const file of seen) expect(fs.existsSync(file)).toBe(false);
  });

  it('removes the file when the work fails', async () => {
    let seen = '';
    await expect(
      withScratchFiles(1, async ([file]) => {
        seen = file;
        fs.writeFileSync(file, 'x');
        throw new Error('ffmpeg failed');
      }),
    ).rejects.toThrow('ffmpeg failed');
    expect(fs.existsSync(seen)).toBe(false);
  });

  it('removes what a killed process left, and nothing of a live one', async () => {
    // A pid that is certainly gone: a child that has exited.
    const dead = spawnSync(process.execPath, ['-e', '0']).pid as number;
    const left = path.join(folder, `talkreel-scratch-${dead}-1`);
    const alive = path.join(folder, `talkreel-scratch-${process.ppid}-1`);
    fs.writeFileSync(left, 'left over');
    fs.writeFileSync(alive, 'in use');
    try {
      // The folder is cleaned when this process first uses it, in a fresh module instance.
      vi.resetModules();
      const { withScratchFiles: fresh } = await import('../../../src/render/encode/scratch.js');
      await fresh(1, async () => null);
      expect(fs.existsSync(left)).toBe(false);
      expect(fs.existsSync(alive)).toBe(true);
    } finally {
      fs.rmSync(left, { force: true });
      fs.rmSync(alive, { force: true });
    }
  });
});
