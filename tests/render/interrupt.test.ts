import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, fixture, root } from '../helpers/cli.js';
import { probeVideo, readPng } from '../helpers/media.js';
import { projectCache } from '../helpers/cache.js';
import { leftoverProcesses } from '../helpers/proc.js';
import { tempDir } from '../helpers/temp.js';

/**
 * Real interruptions of real renders: the CLI is started, a progress line of a phase is awaited,
 * then the process gets SIGINT, SIGTERM or SIGKILL. Each run has a resolution of its own, so
 * that the pictures and segments it needs are never in the cache already.
 */
const tmp = tempDir('int');
// The browser is unpacked into the cache folder, so every process of these renders (Chromium,
// ffmpeg reading or writing cache files) names it on its command line.
const cache = path.join(tmp, 'cache');


interface Run {
  child: ChildProcess;
  stderr: () => string;
  /** Resolves once stderr holds a line matching `pattern`. */
  waitFor: (pattern: RegExp) => Promise<void>;
  exited: Promise<number | null>;
}

function start(args: string[]): Run {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: root,
    env: { ...process.env, TALKREEL_CACHE_DIR: cache },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  child.stderr?.on('data', (d) => {
    stderr += d;
    for (const w of waiters.filter((x) => x.pattern.test(stderr))) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
  });
  child.stdout?.resume();
  const exited = new Promise<number | null>((resolve) => child.on('close', (code, signal) => resolve(signal === 'SIGKILL' ? 137 : code)));
  const waitFor = (pattern: RegExp) =>
    new Promise<void>((resolve, reject) => {
      if (pattern.test(stderr)) return resolve();
      waiters.push({ pattern, resolve });
      void exited.then(() => reject(new Error(`exited before ${pattern}: ${stderr}`)));
    });
  return { child, stderr: () => stderr, waitFor, exited };
}

/**
 * The project's bundle in place of this cache's own, once a case has interrupted the bundler on a cold
 * cache: the cases that interrupt later steps need a bundle, not another bundler run. (kill -9
 * while bundling removes it again, and its next run bundles into this cache.)
 */
function useProjectBundle(): void {
  const bundle = path.join(cache, 'bundle');
  if (fs.lstatSync(bundle, { throwIfNoEntry: false })?.isSymbolicLink()) return;
  fs.rmSync(bundle, { recursive: true, force: true });
  fs.symlinkSync(path.join(projectCache(), 'bundle'), bundle);
}

/** Every file under `dir` with its SHA-256, sorted. */
function listing(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .map((e) => {
      const full = path.join(e.parentPath, e.name);
      return e.isDirectory() ? `${path.relative(dir, full)}/` : `${path.relative(dir, full)} ${crypto.createHash('sha256').update(fs.readFileSync(full)).digest('hex')}`;
    })
    .sort();
}

/** An output folder holding an earlier render of small.md. */
function earlierOutputs(name: string): { out: string; before: string[] } {
  const out = path.join(tmp, name);
  fs.mkdirSync(path.join(out, 'thumbnails'), { recursive: true });
  fs.writeFileSync(path.join(out, 'small.mp4'), 'earlier video');
  fs.writeFileSync(path.join(out, 'manifest.json'), '{"earlier": true}\n');
  fs.writeFileSync(path.join(out, 'thumbnails', '01-earlier.png'), 'earlier thumbnail');
  return { out, before: listing(out) };
}

/** Cache entries whose SHA-256 sidecar does not match their content, and temporary files. */
function badCacheEntries(): string[] {
  const bad: string[] = [];
  for (const kind of ['frames', 'segments']) {
    const dir = path.join(cache, kind);
    if (!fs.existsSync(dir)) continue;
    for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (!e.isFile()) continue;
      const full = path.join(e.parentPath, e.name);
      if (e.name.endsWith('.tmp') || e.name.endsWith('.tmp.sha256')) bad.push(`temporary ${e.name}`);
      else if (!e.name.endsWith('.sha256')) {
        const sidecar = `${full}.sha256`;
        const ok = fs.existsSync(sidecar) && fs.readFileSync(sidecar, 'utf8').trim() === crypto.createHash('sha256').update(fs.readFileSync(full)).digest('hex');
        if (!ok) bad.push(`unverified ${e.name}`);
      }
    }
  }
  return bad;
}

/** A complete render of small.md in `out` (4 slides). */
function expectCompleteRender(out: string): void {
  const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
  expect(manifest.slides).toHaveLength(4);
  expect(Number(probeVideo(path.join(out, 'small.mp4')).nb_read_frames)).toBe(manifest.durationInFrames);
  const thumbs = fs.readdirSync(path.join(out, 'thumbnails')).sort();
  expect(thumbs).toHaveLength(4);
  for (const t of thumbs) expect(readPng(path.join(out, 'thumbnails', t)).width).toBe(manifest.width);
  expect(fs.readdirSync(out).filter((n) => n.startsWith('.talkreel-staging-'))).toEqual([]);
}

const renderArgs = (out: string, resolution: string, extra: string[] = []) => ['render', fixture('small.md'), '--out', out, '--resolution', resolution, ...extra];

/** Sends `signal` once `phase` shows; returns the exit code and the seconds it took to exit. */
async function interrupt(args: string[], phase: RegExp, signal: NodeJS.Signals): Promise<{ code: number | null; seconds: number; stderr: string }> {
  const run = start(args);
  await run.waitFor(phase);
  const sent = performance.now();
  run.child.kill(signal);
  const code = await run.exited;
  return { code, seconds: (performance.now() - sent) / 1000, stderr: run.stderr() };
}

describe('Ctrl-C and SIGTERM', () => {
  it.each([
    ['SIGINT', 'while bundling (cold cache)', /^Bundling\.\.\./m, '320x180', [], 130],
    ['SIGINT', 'while capturing', /^ {2}capturing frames [1-9]/m, '336x188', [], 130],
    ['SIGTERM', 'while encoding', /^ {2}encoding [1-9]/m, '352x198', [], 143],
    ['SIGINT', 'while capturing with --exact', /frames captured/, '368x208', ['--exact'], 130],
  ] as const)('%s %s: exits at once with the expected code, --out untouched, no process or temporary file left', async (signal, _when, phase, resolution, extra, expected) => {
    if (!String(phase).includes('Bundling')) useProjectBundle();
    const { out, before } = earlierOutputs(`signal-${resolution}`);
    const r = await interrupt(renderArgs(out, resolution, [...extra]), phase, signal);
    expect(r.code, r.stderr).toBe(expected);
    expect(r.stderr).toMatch(/interrupted/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    console.log(`${signal} ${_when}: exit ${r.code} after ${r.seconds.toFixed(2)} s`);
    expect(r.seconds).toBeLessThan(2);
    expect(listing(out)).toEqual(before);
    expect(await leftoverProcesses(cache)).toEqual([]);
    expect(badCacheEntries()).toEqual([]);
    expect(fs.readdirSync(path.join(cache, 'bundle')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('kill -9', () => {
  it.each([
    ['while bundling and starting the browser', /^Bundling\.\.\./m, '384x216', true],
    ['while capturing', /^ {2}capturing frames [1-9]/m, '400x226', false],
    ['while encoding', /^ {2}encoding [1-9]/m, '416x234', false],
    ['while joining the video and moving outputs into place', /^Writing outputs\.\.\./m, '432x244', false],
  ] as const)('%s: earlier outputs intact, cache verified, the next run succeeds and cleans up', async (when, phase, resolution, coldBundle) => {
    if (coldBundle) fs.rmSync(path.join(cache, 'bundle'), { recursive: true, force: true });
    const { out, before } = earlierOutputs(`kill-${resolution}`);
    const r = await interrupt(renderArgs(out, resolution), phase, 'SIGKILL');
    expect(r.code).toBe(137);
    const after = listing(out);
    const staged = after.filter((n) => n.startsWith('.talkreel-staging-'));
    const outputs = after.filter((n) => !n.startsWith('.talkreel-staging-'));
    if (when.startsWith('while joining')) {
      // The kill may land before, during or after the renames: each output is then either the
      // earlier one or the new one, complete.
      for (const name of ['small.mp4', 'manifest.json']) {
        const earlier = before.find((l) => l.startsWith(`${name} `));
        const now = outputs.find((l) => l.startsWith(`${name} `));
        if (now !== earlier) {
          if (name === 'small.mp4') expect(Number(probeVideo(path.join(out, name)).nb_read_frames)).toBeGreaterThan(0);
          else expect(JSON.parse(fs.readFileSync(path.join(out, name), 'utf8')).slides).toHaveLength(4);
        }
      }
    } else {
      expect(outputs).toEqual(before);
    }
    console.log(`kill -9 ${when}: ${staged.length ? 'left a staging folder' : 'no staging folder'}; outputs ${outputs.join(', ') === before.join(', ') ? 'unchanged' : 'replaced'}`);
    expect(await leftoverProcesses(cache)).toEqual([]);
    expect(badCacheEntries().filter((b) => b.startsWith('unverified'))).toEqual([]);

    const next = start(renderArgs(out, resolution));
    expect(await next.exited, next.stderr()).toBe(0);
    expectCompleteRender(out);
    expect(badCacheEntries()).toEqual([]);
    expect(await leftoverProcesses(cache)).toEqual([]);
  });
});
