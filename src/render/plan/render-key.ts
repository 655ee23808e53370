import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { sha256 } from '../cache/cache.js';
import { packageRoot } from '../cache/root.js';

const require = createRequire(import.meta.url);

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full) : [full];
  });
}

/** A hash of every file under the given folders of talkreel (names and contents). */
export function hashTree(...dirs: string[]): string {
  const files = dirs.flatMap((d) => filesUnder(path.join(packageRoot, d))).sort();
  const h = files.map((f) => `${path.relative(packageRoot, f)}\n${sha256(fs.readFileSync(f))}`).join('\n');
  return sha256(h);
}

const versionOf = (pkg: string) => {
  try {
    return JSON.parse(fs.readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')).version as string;
  } catch {
    return 'unknown';
  }
};

/** Versions of what draws the pictures; talkreel's own version too. */
export const versions = () =>
  ['remotion', '@remotion/renderer', '@remotion/bundler', '@remotion/transitions', 'react', 'react-dom', '@fontsource/inter', '@sparticuz/chromium']
    .map((p) => `${p}@${versionOf(p)}`)
    .concat(`talkreel@${versionOf(packageRoot)}`);

let sourceHash: string | null = null;

/**
 * What every cached picture and segment depends on besides its own frame's content: talkreel's
 * code (layouts, theme, compositions and renderer all shape pictures), the versions of Remotion,
 * React and the font, the browser, the frame size and rate, and the image and encoder settings.
 * Any change gives new keys, so nothing stale is ever reused.
 */
export function renderKey(parts: { width: number; height: number; fps: number; browser: string | null; settings: unknown }): string {
  sourceHash ??= hashTree('src');
  return sha256(JSON.stringify({ sourceHash, versions: versions(), ...parts }));
}
