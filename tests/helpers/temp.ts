import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

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

// Registered when a test file first imports this module, so it runs at the end of that file. Vitest isolates
// modules per test file, so each file has its own list.
afterAll(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
