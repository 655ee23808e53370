#!/usr/bin/env node
// talkreel ships its TypeScript sources and needs no build step: `npm ci` is all a user runs
// before `npm run render`. The CLI runs them compiled by esbuild into plain ES modules, built on
// the first start after any change to src/ or to the installed dependencies, and kept under
// node_modules/.cache: loading the sources through tsx's hooks on every start costs about 0.4 s.
// The dependencies are compiled in too (Remotion's packages aside, which find their binaries
// next to themselves): resolving and reading their few hundred module files cost every start
// another 0.25 s. Where that folder cannot be written, and with TALKREEL_DEBUG set (stack traces
// then point into src/), the sources run through tsx as they are.
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
  // This file is in the key too: it decides how the build is made.
  const hash = crypto.createHash('sha256').update(`esbuild ${version}\n`).update(fs.readFileSync(fileURLToPath(import.meta.url)));
  for (const file of fs.readdirSync(src, { recursive: true }).map(String).sort()) {
    const full = path.join(src, file);
    if (fs.statSync(full).isFile()) hash.update(`${file}\n`).update(fs.readFileSync(full)).update('\n');
  }
  const key = hash.digest('hex').slice(0, 24);
  // Under the package itself: the compiled modules find talkreel's folder and the dependencies
  // left out of them by walking up from where they are, as the sources do.
  const builds = path.join(root, 'node_modules', '.cache', 'talkreel-cli');
  fs.mkdirSync(builds, { recursive: true });
  // One build per state of the sources and of the dependencies compiled into it: a build is used
  // only while every package it holds is still installed at the version it was built from.
  for (const name of fs.readdirSync(builds).filter((n) => n.startsWith(`${key}-`) && !n.endsWith('.tmp'))) {
    const dir = path.join(builds, name);
    if (fs.existsSync(path.join(dir, 'main.mjs')) && depsUnchanged(dir)) return path.join(dir, 'main.mjs');
  }
  const { build } = await import('esbuild');
  const staging = path.join(builds, `${key}.${process.pid}.tmp`);
  const { metafile } = await build({
    entryPoints: { main: path.join(src, 'cli', 'main.ts') },
    outdir: staging,
    bundle: true,
    // Commands load what they need when they run (`check` starts no renderer): keep that.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // KaTeX and mermaid are loaded only for decks with formulas or diagrams, from node_modules:
    // mermaid's parser must share DOMPurify with the check that patches it (src/prepare/diagrams.ts).
    external: ['@remotion/*', 'remotion', 'react', 'react-dom', 'esbuild', 'fsevents', 'katex', 'mermaid', 'dompurify'],
    // Compiled-in CommonJS packages call `require` for Node's own modules.
    banner: { js: "import { createRequire as __talkreelRequire } from 'node:module'; const require = __talkreelRequire(import.meta.url);" },
    // Node finds no package scope inside node_modules/.cache, and would read every `.js` module's
    // text to tell whether it is an ES module (about 0.1 s per render). A package.json saying so
    // would be taken for talkreel's own (the sources find their folder by the nearest one).
    outExtension: { '.js': '.mjs' },
    jsx: 'automatic',
    absWorkingDir: root,
    metafile: true,
    logLevel: 'silent',
  });
  const packages = [...new Set(Object.keys(metafile.inputs).map((input) => /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1]).filter(Boolean))]
    .map((dir) => path.resolve(root, dir, 'package.json'))
    .filter((file) => fs.existsSync(file))
    .sort()
    .map((file) => ({ file, version: versionOf(file) }));
  fs.writeFileSync(path.join(staging, 'packages.json'), `${JSON.stringify(packages, null, 1)}\n`);
  const dir = path.join(builds, `${key}-${crypto.createHash('sha256').update(JSON.stringify(packages)).digest('hex').slice(0, 8)}`);
  // Two starts may build at once: the first rename wins, the other build is dropped.
  try {
    fs.renameSync(staging, dir);
  } catch {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  const main = path.join(dir, 'main.mjs');
  // Older builds go, except the two most recent (a render still running may load from one).
  const old = fs
    .readdirSync(builds)
    .filter((name) => name !== path.basename(dir))
    .map((name) => ({ full: path.join(builds, name), time: fs.statSync(path.join(builds, name)).mtimeMs }))
    .sort((a, b) => b.time - a.time);
  for (const { full, time } of old.slice(2)) if (!full.endsWith('.tmp') || Date.now() - time > 600_000) fs.rmSync(full, { recursive: true, force: true });
  return main;
}

function versionOf(packageJson) {
  try {
    return JSON.parse(fs.readFileSync(packageJson, 'utf8')).version ?? null;
  } catch {
    return null;
  }
}

/** True while every package compiled into the build in `dir` is installed at the same version. */
function depsUnchanged(dir) {
  try {
    const packages = JSON.parse(fs.readFileSync(path.join(dir, 'packages.json'), 'utf8'));
    return packages.every(({ file, version }) => versionOf(file) === version);
  } catch {
    return false;
  }
}
