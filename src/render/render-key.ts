import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { packageRoot } from './root.js';
import { sha256 } from './cache.js';

const require = createRequire(import.meta.url);

/** Every source file of talkreel: layouts, theme, compositions and renderer all shape pictures. */
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : /\.(ts|tsx|css)$/.test(e.name) ? [full] : [];
  });
}

const versionOf = (pkg: string) => {
  try {
    return JSON.parse(fs.readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')).version as string;
  } catch {
    return 'unknown';
  }
};

let sourceHash: string | null = null;

/**
 * What every cached picture and segment depends on besides its own frame's content: talkreel's
 * code, the versions of Remotion, React and the font, the browser, the frame size and rate, and
 * the image and encoder settings. Any change gives new keys, so nothing stale is ever reused.
 */
export function renderKey(parts: { width: number; height: number; fps: number; browser: string | null; settings: unknown }): string {
  sourceHash ??= sha256(
    sourceFiles(path.join(packageRoot, 'src'))
      .sort()
      .map((f) => `${path.relative(packageRoot, f)}\n${fs.readFileSync(f, 'utf8')}`)
      .join('\n\0'),
  );
  const versions = ['remotion', '@remotion/renderer', '@remotion/transitions', 'react', 'react-dom', '@fontsource/inter', '@sparticuz/chromium'].map(
    (p) => `${p}@${versionOf(p)}`,
  );
  return sha256(JSON.stringify({ sourceHash, versions, talkreel: versionOf(packageRoot), ...parts }));
}
