import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheDir, findPackageRoot } from './cache-dir.js';

/** talkreel's own folder, found from this file. */
export const packageRoot = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));
export const talkreelCacheDir = () => cacheDir(packageRoot);
