#!/usr/bin/env node
// talkreel ships its TypeScript sources and needs no build step: `npm ci` is all a user runs
// before `npm run render`. The CLI runs them compiled by esbuild into plain ES modules, built on
// the first start after any change to src/ and kept under node_modules/.cache: loading the
// sources through tsx's hooks on every start costs about 0.4 s. Where that folder cannot be
// written, and with TALKREEL_DEBUG set (stack traces then point into src/), the sources run
// through tsx as they are.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = await compiled().catch(() => null);
if (entry) {
  await import(pathToFileURL(entry).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}

/** The compiled CLI for the sources as they are now, built if missing; null under TALKREEL_DEBUG. */
async function compiled() {
  if (process.env.TALKREEL_DEBUG) return null;
  const src = path.join(root, 'src');
  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'esbuild', 'package.json'), 'utf8'));
  const hash = crypto.createHash('sha256').update(`esbuild ${version}\n`);
  for (const file of fs.readdirSync(src, { recursive: true }).map(String).sort()) {
    const full = path.join(src, file);
    if (fs.statSync(full).isFile()) hash.update(`${file}\n`).update(fs.readFileSync(full)).update('\n');
  }
  const key = hash.digest('hex').slice(0, 24);
  // Under the package itself: the compiled modules find talkreel's folder and its dependencies
  // by walking up from where they are, as the sources do.
  const builds = path.join(root, 'node_modules', '.cache', 'talkreel-cli');
  const dir = path.join(builds, key);
  const main = path.join(dir, 'main.js');
  if (fs.existsSync(main)) return main;
  const { build } = await import('esbuild');
  const staging = `${dir}.${process.pid}.tmp`;
  await build({
    entryPoints: { main: path.join(src, 'cli', 'main.ts') },
    outdir: staging,
    bundle: true,
    // Commands load what they need when they run (`check` starts no renderer): keep that.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    jsx: 'automatic',
    logLevel: 'silent',
  });
  // Two starts may build at once: the first rename wins, the other build is dropped.
  try {
    fs.renameSync(staging, dir);
  } catch {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  // Older builds go, except the two most recent (a render still running may load from one).
  const old = fs
    .readdirSync(builds)
    .filter((name) => name !== key)
    .map((name) => ({ full: path.join(builds, name), time: fs.statSync(path.join(builds, name)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const { full, time } of old.slice(2)) if (!full.endsWith('.tmp') || Date.now() - time > 600_000) fs.rmSync(full, { recursive: true, force: true });
  return main;
}
