import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { removedOnExit, removeLeftovers } from '../outputs/outputs.js';

/**
 * Short-lived files for what ffmpeg writes (encoded batches, converted pictures): in memory
 * (/dev/shm) where the system has it, else in the temporary folder. Each is removed when its
 * work ends or the process exits; one left by a killed process (its pid is gone) is removed by
 * the next run.
 */
const PREFIX = 'talkreel-scratch-';
let folder: string | null = null;
let serial = 0;

function scratchFolder(): string {
  if (folder !== null) return folder;
  try {
    fs.accessSync('/dev/shm', fs.constants.W_OK);
    folder = '/dev/shm';
  } catch {
    folder = os.tmpdir();
  }
  removeLeftovers(folder, new RegExp(`^${PREFIX}(\\d+)-`));
  return folder;
}

/** Runs `use` on the paths of `count` new (not yet created) scratch files, then removes them. */
export async function withScratchFiles<T>(count: number, use: (files: string[]) => Promise<T>): Promise<T> {
  const files = Array.from({ length: count }, () => path.join(scratchFolder(), `${PREFIX}${process.pid}-${++serial}`));
  const written = files.map((file) => removedOnExit(file));
  try {
    return await use(files);
  } finally {
    for (const file of written) file.remove();
  }
}
