#!/usr/bin/env node
// Builds dist/, what the package runs and ships (`npm ci` runs this as `prepare`):
// - dist/cli.js (the `talkreel` command) and dist/index.js (the library): ES modules compiled by
//   esbuild with their dependencies in, Remotion's packages and React aside (Remotion
//   finds its binaries next to its own files). Resolving and reading the few hundred module files
//   of the dependencies would cost every start of the command about 0.25 s;
// - dist/types/: the library's type declarations, by tsc.
//
// With `--if-stale` (`npm test` runs it first, and `npm run render` and `npm run check` through
// scripts/talkreel.mjs) it rebuilds the JavaScript only when the sources, these build settings or
// a dependency compiled into it changed since the last build (about 1 s), and otherwise returns
// in a few milliseconds: what runs is always the sources as they are. It leaves the declarations
// to the full build.
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const stampFile = path.join(dist, 'build.json');

/** Builds dist/ whole: the JavaScript, and the declarations. */
export async function build() {
  const key = sourcesKey();
  // Only its own files are left: the ones the package ships.
  const { files, packages } = await buildJavaScript([]);
  buildTypes();
  writeJson(stampFile, { key, packages, files, types: key });
}

/** Rebuilds the JavaScript in dist/ unless it was built from the sources as they are. */
export async function buildIfStale() {
  const stamp = readJson(stampFile);
  const key = sourcesKey();
  const current = stamp?.key === key && packagesUnchanged(stamp.packages) && stamp.files.every((f) => fs.existsSync(path.join(dist, f)));
  if (current) return;
  const { files, packages } = await buildJavaScript(stamp?.files ?? []);
  writeJson(stampFile, { key, packages, files, types: stamp?.types ?? null });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await (process.argv.includes('--if-stale') ? buildIfStale() : build());
}

/** A hash of everything the JavaScript is built from, other than the installed packages. */
function sourcesKey() {
  const hash = crypto.createHash('sha256');
  hash.update(`esbuild ${readJson(path.join(root, 'node_modules', 'esbuild', 'package.json'))?.version}\n`);
  const files = ['package.json', 'tsconfig.json', path.relative(root, fileURLToPath(import.meta.url))];
  const src = path.join(root, 'src');
  for (const name of fs.readdirSync(src, { recursive: true }).map(String).sort()) {
    if (fs.statSync(path.join(src, name)).isFile()) files.push(path.join('src', name));
  }
  for (const file of files) hash.update(`${file}\n`).update(fs.readFileSync(path.join(root, file))).update('\n');
  return hash.digest('hex');
}

/** True while every package compiled into the build is installed at the version it was built with. */
function packagesUnchanged(packages) {
  return Array.isArray(packages) && packages.every(({ file, version }) => readJson(path.join(root, file))?.version === version);
}

/**
 * Builds into a staging folder, then moves each file into dist/ by rename: chunks first (their
 * names carry a hash of their content), the entry points last. A command starting meanwhile loads
 * either the old entry point or the new one, and finds every chunk it names: the files of the
 * previous build (`previous`) stay until the next one.
 */
async function buildJavaScript(previous) {
  const { build } = await import('esbuild');
  const staging = path.join(root, `.dist-build-${process.pid}`);
  try {
    const { metafile } = await build({
      entryPoints: { cli: path.join(root, 'src', 'cli', 'start.ts'), index: path.join(root, 'src', 'index.ts') },
      outdir: staging,
      bundle: true,
      // Commands load what they need when they run (`check` starts no renderer): keep that.
      splitting: true,
      chunkNames: 'chunks/[name]-[hash]',
      format: 'esm',
      platform: 'node',
      target: 'node22',
      // Shiki stays a package of its own: its themes and its few hundred grammars are imported one
      // by one, only by decks with code, and compiled in they would make as many chunks.
      // KaTeX and mermaid are loaded only for decks with formulas or diagrams, from node_modules:
      // mermaid's parser must share DOMPurify with the check that patches it (src/prepare/diagrams.ts).
      // resvg is a native addon (a `.node` file per platform): it loads from its package.
      external: ['@remotion/*', 'remotion', 'react', 'react-dom', 'fsevents', 'shiki', '@shikijs/*', 'katex', 'mermaid', 'dompurify', '@resvg/*'],
      // Compiled-in CommonJS packages call `require` for Node's own modules.
      banner: { js: "import { createRequire as __talkreelRequire } from 'node:module'; const require = __talkreelRequire(import.meta.url);" },
      jsx: 'automatic',
      // For stack traces under TALKREEL_DEBUG (see src/cli/start.ts); src/ ships beside dist/.
      sourcemap: 'linked',
      sourcesContent: false,
      absWorkingDir: root,
      metafile: true,
      logLevel: 'warning',
    });
    const cli = path.join(staging, 'cli.js');
    fs.writeFileSync(cli, `#!/usr/bin/env node\n${fs.readFileSync(cli, 'utf8')}`, { mode: 0o755 });
    const entries = new Set(['cli.js', 'index.js']);
    const files = fs.readdirSync(staging, { recursive: true }).map(String).filter((f) => fs.statSync(path.join(staging, f)).isFile());
    files.sort((a, b) => Number(entries.has(a)) - Number(entries.has(b)));
    fs.mkdirSync(path.join(dist, 'chunks'), { recursive: true });
    for (const file of files) fs.renameSync(path.join(staging, file), path.join(dist, file));
    const keep = new Set([...files, ...previous]);
    for (const file of fs.readdirSync(path.join(dist, 'chunks'))) {
      if (!keep.has(path.join('chunks', file))) fs.rmSync(path.join(dist, 'chunks', file), { force: true });
    }
    return { files, packages: compiledPackages(metafile) };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** The package.json of every package compiled into the build, with its version. */
function compiledPackages(metafile) {
  const dirs = Object.keys(metafile.inputs).map((input) => /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1]);
  return [...new Set(dirs.filter(Boolean))]
    .map((dir) => path.join(dir, 'package.json'))
    .filter((file) => fs.existsSync(path.join(root, file)))
    .sort()
    .map((file) => ({ file, version: readJson(path.join(root, file))?.version ?? null }));
}

/** Writes dist/types, the library's declarations, with tsc (`types` in build.json: the sources they are of). */
function buildTypes() {
  const staging = path.join(root, `.dist-types-${process.pid}`);
  try {
    const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    try {
      execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json'), '--declarationDir', staging], { cwd: root, stdio: 'inherit' });
    } catch {
      // tsc has printed the errors.
      process.stderr.write('build: tsc could not write the type declarations\n');
      process.exit(1);
    }
    fs.rmSync(path.join(dist, 'types'), { recursive: true, force: true });
    fs.renameSync(staging, path.join(dist, 'types'));
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Written under a temporary name and renamed: a build read meanwhile is the old one or the new one. */
function writeJson(file, value) {
  fs.writeFileSync(`${file}.${process.pid}.tmp`, `${JSON.stringify(value, null, 1)}\n`);
  fs.renameSync(`${file}.${process.pid}.tmp`, file);
}
