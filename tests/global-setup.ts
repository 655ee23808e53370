import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Tests run the `talkreel` command and import the library as a user does, from dist/: it is
 * rebuilt first when src/ changed since it was built (about 1 s; nothing when it is current), so
 * what is tested is always the sources as they are.
 *
 * Every process a test starts (talkreel, Chromium, ffmpeg) keeps its temporary files in one folder
 * that is removed after the run. Tests kill renders and browsers on purpose, and a killed process
 * cannot remove what it left behind (Chromium's profile, Remotion's asset folder).
 *
 * The project's cache gets its unpacked browser and its bundle here, once, before any test file
 * starts: test files link them into caches of their own (helpers/cache.ts), and files that run at
 * the same time never race to build them.
 */
export default async function setup(): Promise<() => void> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--if-stale'], { stdio: 'inherit' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'talkreel-tests-'));
  process.env.TMPDIR = dir;
  if (process.platform === 'linux') {
    // In a Node.js process of its own, as a library user's program: imported here, the built
    // library would go through Vite's transform of the test runner's process.
    const program = `const { openSession } = await import(${JSON.stringify(pathToFileURL(path.join(root, 'dist', 'index.js')).href)}); await (await openSession()).close();`;
    execFileSync(process.execPath, ['--input-type=module', '-e', program], { cwd: root, stdio: 'inherit' });
  }
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
