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
 * keeps a browser folder of its own (`share: ['bundle']`): a copy of the project's whose files are
 * hard links, so that the processes name this folder and nothing is unpacked.
 */
export function renderCache(dir: string, share: readonly Shared[] = ['browser', 'bundle']): string {
  fs.mkdirSync(dir, { recursive: true });
  for (const sub of share) {
    fs.mkdirSync(path.join(projectCache(), sub), { recursive: true });
    fs.symlinkSync(path.join(projectCache(), sub), path.join(dir, sub));
  }
  if (!share.includes('browser')) linkTree(path.join(projectCache(), 'browser'), path.join(dir, 'browser'));
  return dir;
}

/** A copy of the folder `from` at `to`, its files hard-linked (the browser rewrites its wrapper by rename, never in place). */
function linkTree(from: string, to: string): void {
  fs.mkdirSync(to, { recursive: true });
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    const [a, b] = [path.join(from, e.name), path.join(to, e.name)];
    if (e.isDirectory()) linkTree(a, b);
    else if (e.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(a), b);
    else fs.linkSync(a, b);
  }
}

/** Empties a cache of pictures and segments: the next render captures every frame afresh. */
export function forgetRenders(cache: string): void {
  for (const kind of ['frames', 'segments']) fs.rmSync(path.join(cache, kind), { recursive: true, force: true });
}
