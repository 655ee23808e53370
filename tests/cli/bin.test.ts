import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, fixture, root, talkreel } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const spy = path.join(root, 'tests', 'helpers', 'hook-spy.mjs');
/** What tests/helpers/hook-spy.mjs saw the process do. */
const spied = (stderr: string) => JSON.parse(/hook-spy (.*)\n$/.exec(stderr)?.[1] ?? 'null');

describe('the talkreel command', () => {
  it('is dist/cli.js, as package.json says, and reports a bad deck with file:line and exit code 1', async () => {
    expect(path.join(root, pkg.bin.talkreel)).toBe(bin);
    const r = await talkreel(['check', fixture('bad.md')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.md:\d+:\d+ error /);
  });

  it('starts without compiling anything: it starts no process and registers no module hooks, TALKREEL_DEBUG or not', () => {
    for (const env of [{}, { TALKREEL_DEBUG: '1' }]) {
      const r = spawnSync(process.execPath, ['--import', spy, bin, 'check', fixture('small.md')], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/small\.md: 4 slides/);
      expect(spied(r.stderr)).toEqual({ hooks: [], extensions: [], spawned: [] });
    }
  });

  it('with TALKREEL_DEBUG, names lines of src/ in the stack trace of an unexpected error', async () => {
    // A cache folder under a file: an error no check expects.
    const file = path.join(tempDir('bin'), 'a-file');
    fs.writeFileSync(file, '');
    const args = ['render', fixture('small.md'), '--out', path.join(path.dirname(file), 'out'), '--no-video'];
    const plain = await talkreel(args, { TALKREEL_CACHE_DIR: path.join(file, 'cache') });
    expect(plain.code).toBe(1);
    expect(plain.stderr).toMatch(/talkreel: ENOTDIR.*\n\(set TALKREEL_DEBUG=1 for details\)\n$/);
    const debug = await talkreel(args, { TALKREEL_CACHE_DIR: path.join(file, 'cache'), TALKREEL_DEBUG: '1' });
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/\n    at .*\(.*src\/render\/[a-z-]+\.ts:\d+:\d+\)\n/);
  });
});

describe('npm scripts that run dist/ (render, check, bench; npm test through its global setup)', () => {
  /** A copy of the package's sources and build, with the installed packages linked in. */
  function copyOfPackage(): string {
    const dir = path.join(tempDir('package'), 'talkreel');
    for (const name of ['package.json', 'tsconfig.json', 'scripts', 'src', 'dist']) fs.cpSync(path.join(root, name), path.join(dir, name), { recursive: true });
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
    return dir;
  }
  const npmRun = (dir: string, ...args: string[]) => spawnSync('npm', ['run', '--silent', ...args], { cwd: dir, encoding: 'utf8' });
  const built = (dir: string) => fs.statSync(path.join(dir, 'dist', 'build.json')).mtimeMs;

  it('rebuild dist/ first when a source changed since it was built, and only then', () => {
    const dir = copyOfPackage();
    const before = built(dir);
    expect(npmRun(dir, 'check', '--', fixture('small.md')).status).toBe(0);
    expect(built(dir)).toBe(before);

    const main = path.join(dir, 'src', 'cli', 'main.ts');
    fs.writeFileSync(main, fs.readFileSync(main, 'utf8').replace("'parse and validate a deck without rendering", "'parse and check a deck without rendering"));
    const r = npmRun(dir, 'check', '--', '--help');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/parse and check a deck without rendering/);
    expect(built(dir)).toBeGreaterThan(before);
  });

  it('rebuild dist/ when a package compiled into it is no longer installed at the version it was built with', () => {
    const dir = copyOfPackage();
    const stampFile = path.join(dir, 'dist', 'build.json');
    type Stamp = { packages: { file: string; version: string }[] };
    const commanderOf = (stamp: Stamp) => stamp.packages.find((p) => p.file.endsWith('node_modules/commander/package.json'));
    const installed = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'commander', 'package.json'), 'utf8')).version;
    const stamp: Stamp = JSON.parse(fs.readFileSync(stampFile, 'utf8'));
    expect(commanderOf(stamp)?.version).toBe(installed);
    // Remotion's packages and React stay outside the build: they find their files next to theirs.
    expect(stamp.packages.filter((p) => /@remotion|\/remotion\/|\/react/.test(p.file))).toEqual([]);
    (commanderOf(stamp) as { version: string }).version = '0.0.1';
    fs.writeFileSync(stampFile, JSON.stringify(stamp));
    const before = built(dir);
    expect(npmRun(dir, 'check', '--', fixture('small.md')).status).toBe(0);
    expect(built(dir)).toBeGreaterThan(before);
    expect(commanderOf(JSON.parse(fs.readFileSync(stampFile, 'utf8')))?.version).toBe(installed);
  });
});
