import fs from 'node:fs';
import path from 'node:path';
import { cacheDir } from '../../src/render/cache/cache-dir.js';
import { root } from './cli.js';

/**
 * The project's own cache folder (`node_modules/.cache/talkreel`), where the global setup unpacks
 * the browser and builds the bundle once per run.
 */
export const projectCache = (): string => cacheDir(root);

type Shared = 'browser' | 'bundle';

/**
 * A cache folder of a test's own at `dir`: its pictures and segments start empty, so every render
 * in it captures and encodes for real. The unpacked browser and the bundle hold no render
 * output: by default they are the project's, linked in, so a test file does not pay 5 s to unpack
 * Chromium and bundle again. A test that watches the browser's processes by their command line
 * keeps a browser of its own (`share: ['bundle']`).
 */
export function renderCache(dir: string, share: readonly Shared[] = ['browser', 'bundle']): string {
  fs.mkdirSync(dir, { recursive: true });
  for (const sub of share) {
    fs.mkdirSync(path.join(projectCache(), sub), { recursive: true });
    fs.symlinkSync(path.join(projectCache(), sub), path.join(dir, sub));
  }
  return dir;
}

/** Empties a cache of pictures and segments: the next render captures every frame afresh. */
export function forgetRenders(cache: string): void {
  for (const kind of ['frames', 'segments']) fs.rmSync(path.join(cache, kind), { recursive: true, force: true });
}
