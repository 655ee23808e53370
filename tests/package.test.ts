import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as tar from 'tar';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixture, root } from './helpers/cli.js';
import { tempDir } from './helpers/temp.js';

/**
 * The package as `npm pack` makes it (what `npm install talkreel` unpacks), installed into a
 * project of its own: its dependencies are linked from this checkout's node_modules, so nothing
 * is downloaded.
 */
const project = tempDir('package');
const installed = path.join(project, 'node_modules', 'talkreel');
let shipped: string[] = [];

beforeAll(() => {
  // --ignore-scripts: dist/ is already built from the current sources (see global-setup.ts).
  const packed = spawnSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', project], { cwd: root, encoding: 'utf8' });
  expect(packed.status, packed.stderr).toBe(0);
  const [{ filename, files }] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
  shipped = files.map((f) => f.path).sort();
  fs.mkdirSync(installed, { recursive: true });
  tar.x({ sync: true, file: path.join(project, filename), cwd: installed, strip: 1 });
  for (const name of fs.readdirSync(path.join(root, 'node_modules'))) {
    if (!name.startsWith('.')) fs.symlinkSync(path.join(root, 'node_modules', name), path.join(project, 'node_modules', name));
  }
  fs.writeFileSync(path.join(project, 'package.json'), '{ "type": "module" }\n');
});

describe('the package as npm packs it', () => {
  it('ships dist/, the sources the compositions are bundled from, public/ and the default deck: nothing else', () => {
    expect([...new Set(shipped.map((f) => f.split('/')[0]))].sort()).toEqual(['README.md', 'deck', 'dist', 'package.json', 'public', 'src']);
    expect(shipped).toEqual(expect.arrayContaining(['dist/cli.js', 'dist/index.js', 'dist/types/index.d.ts', 'src/compositions/index.ts', 'deck/scaling-python.md']));
    const tracked = spawnSync('git', ['ls-files', 'src', 'public'], { cwd: root, encoding: 'utf8' }).stdout.trim().split('\n');
    expect(shipped).toEqual(expect.arrayContaining(tracked));
  });

  it('runs the talkreel command and the library from what it ships', () => {
    const cli = spawnSync(process.execPath, [path.join(installed, 'dist', 'cli.js'), 'check', fixture('small.md')], { cwd: project, encoding: 'utf8' });
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stdout).toMatch(/small\.md: 4 slides, 0:07 at 30 fps, 640x360/);
    const program = `import { loadDeck, planTimeline } from 'talkreel'; const { deck } = loadDeck(${JSON.stringify(fixture('small.md'))}); process.stdout.write(String(planTimeline(deck).durationInFrames));`;
    const lib = spawnSync(process.execPath, ['--input-type=module', '-e', program], { cwd: project, encoding: 'utf8' });
    expect(lib.status, lib.stderr).toBe(0);
    expect(lib.stdout).toBe(String(4 * 60 - 3 * 15));
  });
});
