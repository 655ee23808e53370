import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { withScratchFile } from '../../src/render/scratch.js';

const folder = fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();

describe('withScratchFile', () => {
  it('hands over a file holding the chunks, and removes it after use', async () => {
    let seen = '';
    const text = await withScratchFile([Buffer.from('one '), Buffer.from('two')], async (file) => {
      seen = file;
      return fs.readFileSync(file, 'utf8');
    });
    expect(text).toBe('one two');
    expect(path.dirname(seen)).toBe(folder);
    expect(fs.existsSync(seen)).toBe(false);
  });

  it('removes the file when the work fails', async () => {
    let seen = '';
    await expect(
      withScratchFile([Buffer.from('x')], async (file) => {
        seen = file;
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
      const { withScratchFile: fresh } = await import('../../src/render/scratch.js');
      await fresh([Buffer.from('x')], async () => null);
      expect(fs.existsSync(left)).toBe(false);
      expect(fs.existsSync(alive)).toBe(true);
    } finally {
      fs.rmSync(left, { force: true });
      fs.rmSync(alive, { force: true });
    }
  });
});
