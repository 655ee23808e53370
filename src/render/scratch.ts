import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { removeLeftovers } from './outputs.js';

/**
 * Short-lived files for handing big buffers to ffmpeg: in memory (/dev/shm) where the system has
 * it, else in the temporary folder. Each is removed when its work ends or the process exits; one
 * left by a killed process (its pid is gone) is removed by the next run.
 */
const PREFIX = 'talkreel-scratch-';
let folder: string | null = null;
let serial = 0;
const live = new Set<string>();
const removeLive = () => {
  for (const file of live) fs.rmSync(file, { force: true });
};

function scratchFolder(): string {
  if (folder !== null) return folder;
  try {
    fs.accessSync('/dev/shm', fs.constants.W_OK);
    folder = '/dev/shm';
  } catch {
    folder = os.tmpdir();
  }
  removeLeftovers(folder, new RegExp(`^${PREFIX}(\\d+)-`));
  process.on('exit', removeLive);
  return folder;
}

/** Writes `chunks` to a new scratch file, runs `use` on its path, then removes the file. */
export async function withScratchFile<T>(chunks: Iterable<Uint8Array>, use: (file: string) => Promise<T>): Promise<T> {
  return withScratchFiles(1, ([file]) => {
    const fd = fs.openSync(file, 'w');
    try {
      for (const chunk of chunks) fs.writeSync(fd, chunk);
    } finally {
      fs.closeSync(fd);
    }
    return use(file);
  });
}

/** Runs `use` on the paths of `count` new (not yet created) scratch files, then removes them. */
export async function withScratchFiles<T>(count: number, use: (files: string[]) => Promise<T>): Promise<T> {
  const files = Array.from({ length: count }, () => path.join(scratchFolder(), `${PREFIX}${process.pid}-${++serial}`));
  for (const file of files) live.add(file);
  try {
    return await use(files);
  } finally {
    for (const file of files) {
      fs.rmSync(file, { force: true });
      live.delete(file);
    }
  }
}
