import fs from 'node:fs';
import path from 'node:path';

/**
 * The nearest folder at or above `start` that holds a package.json: talkreel's own folder when
 * started from its sources. (This module avoids `import.meta`, because remotion.config.ts, which
 * uses it, is compiled to CommonJS by the Remotion CLI; see root.ts for the ES-module side.)
 */
export function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`talkreel: no package.json at or above ${start}`);
  }
}

/**
 * Where talkreel keeps things it can rebuild: the unpacked browser, rendered frames and
 * segments. `TALKREEL_CACHE_DIR` overrides the default `<root>/node_modules/.cache/talkreel`, the
 * folder that bundlers and test runners already use for their caches (and that `npm ci` wipes).
 */
export const cacheDir = (root: string): string =>
  process.env.TALKREEL_CACHE_DIR
    ? path.resolve(process.env.TALKREEL_CACHE_DIR)
    : path.join(root, 'node_modules', '.cache', 'talkreel');
