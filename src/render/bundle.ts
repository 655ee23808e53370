import path from 'node:path';
import { bundle } from '@remotion/bundler';
import { packageRoot } from './root.js';
import { webpackOverride } from './webpack-override.js';

/** Bundles the compositions (webpack) once per run; webpack's own cache makes repeats fast. */
export async function bundleCompositions(onProgress?: (percent: number) => void): Promise<string> {
  return bundle({
    entryPoint: path.join(packageRoot, 'src', 'compositions', 'index.ts'),
    rootDir: packageRoot,
    publicDir: path.join(packageRoot, 'public'),
    webpackOverride,
    onProgress: (p) => onProgress?.(p),
    enableCaching: true,
  });
}
