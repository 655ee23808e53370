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
    const complete = fs.readdirSync(builds).filter((name) => fs.existsSync(path.join(builds, name, 'main.js')));
    expect(complete.length).toBeGreaterThanOrEqual(1);
    expect(complete.length).toBeLessThanOrEqual(3);
  });
});
