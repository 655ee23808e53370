import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const made: string[] = [];

/**
 * A fresh folder under the temporary folder, removed when the test file ends. A render's folder
 * with its cache holds a few hundred MB, so the run's temporary folder (see global-setup.ts, which
 * removes it at the end) then holds one file's renders at a time, not gigabytes.
 */
export function tempDir(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `talkreel-${name}-`));
  made.push(dir);
  return dir;
}

/** Removes the folders made so far: after each test file (tests/setup.ts). */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}
