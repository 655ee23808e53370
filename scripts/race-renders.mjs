#!/usr/bin/env node
// Stress test for one cache shared by several renders at once (`talkreel watch` in one terminal
// and `talkreel render` in another share the default cache): each round starts RENDERS renders
// of the same deck at the same moment on one empty cache folder, and compares every output file
// with those of a render alone. The unpacked browser and (unless --cold-bundle) the bundle are
// shared by all rounds, as they are in use. Prints one line per round and the count of failed
// rounds; exits 1 if any failed. tests/render/cache/concurrent.test.ts runs 3 rounds of the defaults.
//
//   node scripts/race-renders.mjs [--rounds 20] [--renders 4] [--deck tests/fixtures/decks/layouts.md]
//                                 [--resolution 320x180] [--mix] [--cold-bundle] [--cli dist/cli.js]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '20' },
    renders: { type: 'string', default: '4' },
    deck: { type: 'string', default: path.join(root, 'tests', 'fixtures', 'decks', 'layouts.md') },
    resolution: { type: 'string', default: '320x180' },
    cli: { type: 'string', default: path.join(root, 'dist', 'cli.js') },
    // Every other render without the video, as `talkreel watch` renders.
    mix: { type: 'boolean', default: false },
    // No bundle in the cache either: the renders all bundle the compositions at once.
    'cold-bundle': { type: 'boolean', default: false },
  },
});
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'talkreel-race-'));
const shared = path.join(work, 'shared-cache');

function render(out, cache, extra = []) {
  return new Promise((resolve) => {
    const args = [values.cli, 'render', path.resolve(values.deck), '--out', out, '--resolution', values.resolution, '--json', ...extra];
    const child = spawn(process.execPath, args, { env: { ...process.env, TALKREEL_CACHE_DIR: cache }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

/** Every file under `dir`, by relative path, with its bytes. */
function files(dir) {
  const all = fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Map(all.map((e) => [path.relative(dir, path.join(e.parentPath, e.name)), fs.readFileSync(path.join(e.parentPath, e.name))]));
}

/** A cache folder with the shared bundle and browser and no pictures or segments. */
function emptyCache(name) {
  const dir = path.join(work, name);
  fs.mkdirSync(dir);
  for (const kind of values['cold-bundle'] ? ['browser'] : ['bundle', 'browser']) fs.symlinkSync(path.join(shared, kind), path.join(dir, kind));
  return dir;
}

const variants = values.mix ? [[], ['--no-video']] : [[]];
const variantOf = (i) => variants[i % variants.length];
const references = [];
for (const [v, extra] of variants.entries()) {
  const solo = await render(path.join(work, `solo-${v}`), shared, extra);
  if (solo.code !== 0) throw new Error(`the render alone failed:\n${solo.stderr}`);
  references.push(files(path.join(work, `solo-${v}`)));
}
let failed = 0;
for (let round = 1; round <= Number(values.rounds); round++) {
  const cache = emptyCache(`cache-${round}`);
  const outs = Array.from({ length: Number(values.renders) }, (_, i) => path.join(work, `round-${round}-${i}`));
  const started = Date.now();
  const results = await Promise.all(outs.map((out, i) => render(out, cache, variantOf(i))));
  const problems = [];
  results.forEach((r, i) => {
    if (r.code !== 0) return problems.push(`render ${i} exited with ${r.code}: ${r.stderr.split('\n').filter((l) => /talkreel:|Error/.test(l)).join(' | ').slice(0, 400)}`);
    const got = files(outs[i]);
    const reference = references[i % references.length];
    for (const [name, bytes] of reference) if (!got.get(name)?.equals(bytes)) problems.push(`render ${i}: ${name} differs from the render alone`);
    for (const name of got.keys()) if (!reference.has(name)) problems.push(`render ${i}: ${name} is extra`);
  });
  if (problems.length) failed++;
  process.stdout.write(`round ${round}: ${problems.length ? 'FAILED' : 'ok'} in ${((Date.now() - started) / 1000).toFixed(1)} s${problems.map((p) => `\n  ${p}`).join('')}\n`);
  for (const out of outs) fs.rmSync(out, { recursive: true, force: true });
  fs.rmSync(cache, { recursive: true, force: true });
}
process.stdout.write(`${failed} of ${values.rounds} rounds failed (${values.renders} renders at once)\n`);
fs.rmSync(work, { recursive: true, force: true });
process.exitCode = failed ? 1 : 0;
