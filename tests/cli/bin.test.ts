import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, root, talkreel } from '../helpers/cli.js';

// The `talkreel` command runs the sources compiled by esbuild (kept under node_modules/.cache),
// or, with TALKREEL_DEBUG set, the sources themselves through tsx: both must behave alike.
describe('bin/talkreel.js', () => {
  it('gives the same report and exit code compiled as from the sources', async () => {
    const args = ['check', fixture('bad.md')];
    const [compiledRun, sourceRun] = await Promise.all([talkreel(args), talkreel(args, { TALKREEL_DEBUG: '1' })]);
    expect(compiledRun.code).toBe(1);
    expect(compiledRun.stderr).toMatch(/bad\.md:\d+:\d+ error /);
    expect(sourceRun.code).toBe(compiledRun.code);
    expect(sourceRun.stderr).toBe(compiledRun.stderr);
    expect(sourceRun.stdout).toBe(compiledRun.stdout);
  });

  it('keeps the compiled CLI for the current sources in node_modules/.cache/talkreel-cli', async () => {
    const r = await talkreel(['check', fixture('small.md')]);
    expect(r.code, r.stderr).toBe(0);
    const builds = path.join(root, 'node_modules', '.cache', 'talkreel-cli');
    const complete = fs.readdirSync(builds).filter((name) => fs.existsSync(path.join(builds, name, 'main.mjs')));
    expect(complete.length).toBeGreaterThanOrEqual(1);
    expect(complete.length).toBeLessThanOrEqual(3);
  });

  it('compiles the dependencies in, and uses a build only while they are installed at its versions', async () => {
    expect((await talkreel(['--version'])).code).toBe(0);
    const builds = path.join(root, 'node_modules', '.cache', 'talkreel-cli');
    const current = fs
      .readdirSync(builds)
      .filter((name) => fs.existsSync(path.join(builds, name, 'packages.json')))
      .map((name) => path.join(builds, name))
      .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
    const packages: { file: string; version: string }[] = JSON.parse(fs.readFileSync(path.join(current, 'packages.json'), 'utf8'));
    const commander = packages.find((p) => p.file === path.join(root, 'node_modules', 'commander', 'package.json'));
    expect(commander?.version).toBe(JSON.parse(fs.readFileSync(commander!.file, 'utf8')).version);
    expect(packages.some((p) => p.file.includes('@remotion'))).toBe(false);
    // Its modules are .mjs files (Node need not read them to tell they are ES modules), and there
    // is no package.json beside them: the sources find talkreel's folder by the nearest one.
    expect(fs.readdirSync(current).filter((f) => f.endsWith('.js'))).toEqual([]);
    expect(fs.existsSync(path.join(current, 'package.json'))).toBe(false);
    // A build of the same sources against another version of commander: never run.
    const stale = `${current.replace(/-[0-9a-f]+$/, '')}-00000000`;
    fs.cpSync(current, stale, { recursive: true });
    try {
      fs.writeFileSync(path.join(stale, 'packages.json'), JSON.stringify(packages.map((p) => (p === commander ? { ...p, version: '0.0.1' } : p))));
      fs.writeFileSync(path.join(stale, 'main.mjs'), "process.stdout.write('stale build\\n');\n");
      const r = await talkreel(['--version']);
      expect(r.code).toBe(0);
      expect(r.stdout.trim()).toBe(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version);
    } finally {
      fs.rmSync(stale, { recursive: true, force: true });
    }
  });
});
