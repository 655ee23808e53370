import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { sha256 } from '../cache/cache.js';
import { hashTree, versions } from '../plan/render-key.js';
import { packageRoot, talkreelCacheDir } from '../cache/root.js';
import { removedOnExit, removeLeftovers } from '../outputs/outputs.js';
import { rspackOverride } from './bundler-config.js';
import { MERMAID_SCRIPT } from '../../slides/mermaid-script.js';

const KEEP = 3;

/**
 * Bundles the compositions with Rspack, once per version of the sources: the bundle is kept in
 * the cache under a hash of `src/`, `public/`, `deck/` and the package versions, so a render of
 * an unchanged talkreel skips bundling entirely. Built in a temporary folder, then renamed.
 *
 * Rspack rather than Remotion's default webpack: measured here on a cold cache, 1.8-2.0 s and
 * 3.5 core-seconds against 10.6 s and 15.5 core-seconds, for the same pages (the talk's render
 * is byte-identical). Its speed needs no persistent cache: a first render, and a render after
 * an edit to the default deck, pay those 2 s.
 */
export async function bundleCompositions(onProgress?: (percent: number) => void): Promise<string> {
  const maps = sourceMaps();
  const key = sha256(JSON.stringify([hashTree('src', 'public', 'deck'), versions(), maps])).slice(0, 32);
  const root = path.join(talkreelCacheDir(), 'bundle');
  const dir = path.join(root, key);
  if (fs.existsSync(path.join(dir, '.complete'))) {
    fs.utimesSync(dir, new Date(), new Date());
    onProgress?.(100);
    return dir;
  }
  fs.mkdirSync(root, { recursive: true });
  const staging = `${dir}.${process.pid}.tmp`;
  fs.rmSync(staging, { recursive: true, force: true });
  // An interrupted run exits while Rspack still writes: leave no half-written bundle behind.
  const written = removedOnExit(staging);
  try {
    await bundleInto(staging, maps, onProgress);
    fs.mkdirSync(path.join(staging, 'public'), { recursive: true });
    fs.copyFileSync(mermaidScript(), path.join(staging, 'public', MERMAID_SCRIPT));
  } catch (err) {
    written.remove();
    throw err;
  }
  fs.writeFileSync(path.join(staging, '.complete'), `${key}\n`);
  try {
    fs.renameSync(staging, dir);
  } catch {
    if (fs.existsSync(path.join(dir, '.complete'))) {
      // Another render built the same bundle meanwhile, and may be serving its pages from it: it
      // stays, and this copy goes.
      written.remove();
    } else {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.renameSync(staging, dir);
    }
  }
  written.keep();
  prune(root);
  return dir;
}

/**
 * Source maps only with TALKREEL_DEBUG. Remotion reads and parses the bundle's map at the start of
 * every capture pass, to name source lines in errors the page throws: about 0.1 s of the main
 * thread before the first tab opens, paid on every render for errors that are talkreel's bugs.
 * Studio (remotion.config.ts) keeps its maps.
 */
const sourceMaps = () => Boolean(process.env.TALKREEL_DEBUG);

async function bundleInto(staging: string, maps: boolean, onProgress?: (percent: number) => void): Promise<void> {
  // Loaded only when a bundle is built: the bundler takes a quarter of a second to load, and most
  // renders find their bundle in the cache.
  const { bundle } = await import('@remotion/bundler');
  await bundle({
    entryPoint: path.join(packageRoot, 'src', 'compositions', 'index.ts'),
    rootDir: packageRoot,
    publicDir: path.join(packageRoot, 'public'),
    outDir: staging,
    rspack: true,
    rspackOverride: async (config) => ({ ...(await rspackOverride(config)), ...(maps ? {} : { devtool: false }) }),
    onProgress: (p) => onProgress?.(p),
    enableCaching: false,
  });
}

/** mermaid's prebuilt script, from the installed package (see slides/mermaid-page.ts). */
const mermaidScript = () => createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');

/** Keeps the most recently used bundles only, and removes what killed runs left half-written. */
function prune(root: string): void {
  removeLeftovers(root, /\.(\d+)\.tmp$/);
  const entries = fs
    .readdirSync(root)
    .filter((name) => !name.endsWith('.tmp'))
    .map((name) => ({ name, full: path.join(root, name) }))
    .filter((e) => fs.statSync(e.full).isDirectory())
    .sort((a, b) => fs.statSync(b.full).mtimeMs - fs.statSync(a.full).mtimeMs);
  for (const e of entries.slice(KEEP)) fs.rmSync(e.full, { recursive: true, force: true });
}
