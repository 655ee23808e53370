import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding talkreel's own package.json (works from src/ and from an installed copy). */
export const packageRoot = (() => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('talkreel: cannot find its own package.json');
    dir = parent;
  }
  return dir;
})();

/**
 * Where talkreel keeps things it can rebuild: the unpacked browser, bundles, rendered segments.
 * `TALKREEL_CACHE_DIR` overrides the default `node_modules/.cache/talkreel`, the folder that
 * bundlers and test runners already use for their caches (and that `npm ci` wipes).
 */
export const cacheDir = (): string =>
  process.env.TALKREEL_CACHE_DIR
    ? path.resolve(process.env.TALKREEL_CACHE_DIR)
    : path.join(packageRoot, 'node_modules', '.cache', 'talkreel');
