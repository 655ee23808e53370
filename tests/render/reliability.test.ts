import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheDir } from '../../src/render/cache-dir.js';
import { ffmpegPath } from '../../src/render/ffmpeg.js';
import { fixture, root, talkreel } from '../helpers/cli.js';
import { probeVideo } from '../helpers/media.js';

/**
 * Determinism and browser crashes. Each render gets a cache of its own for pictures and segments
 * (so every frame is captured and encoded afresh); the unpacked browser and the bundle, which
 * hold no render output, are shared through symlinks.
 */
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'talkreel-rel-'));
const shared = cacheDir(root);
const RESOLUTION = '464x262';

function freshCache(name: string): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(shared, { recursive: true });
  fs.mkdirSync(dir);
  for (const sub of ['browser', 'bundle']) {
    fs.mkdirSync(path.join(shared, sub), { recursive: true });
    fs.symlinkSync(path.join(shared, sub), path.join(dir, sub));
  }
  return dir;
}

const sha = (data: Buffer) => crypto.createHash('sha256').update(data).digest('hex');

/** SHA-256 of every decoded frame (yuv420p), in presentation order: framemd5 by hand. */
function frameHashes(video: string): string[] {
  const { width, height } = probeVideo(video) as { width: number; height: number };
  const r = spawnSync(ffmpegPath(), ['-v', 'error', '-i', video, '-f', 'image2pipe', '-c:v', 'rawvideo', '-pix_fmt', 'yuv420p', 'pipe:1'], {
    cwd: path.dirname(ffmpegPath()),
    maxBuffer: 1 << 30,
  });
  if (r.status !== 0) throw new Error(r.stderr.toString());
  const size = (width * height * 3) / 2;
  const hashes: string[] = [];
  for (let o = 0; o + size <= r.stdout.length; o += size) hashes.push(sha(r.stdout.subarray(o, o + size)));
  return hashes;
}

const thumbnails = (out: string) =>
  Object.fromEntries(fs.readdirSync(path.join(out, 'thumbnails')).sort().map((n) => [n, sha(fs.readFileSync(path.join(out, 'thumbnails', n)))]));

const render = (out: string, cache: string) =>
  talkreel(['render', fixture('small.md'), '--out', out, '--resolution', RESOLUTION, '--json'], { TALKREEL_CACHE_DIR: cache });

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('two renders of the same deck, each with an empty cache', () => {
  const first = path.join(tmp, 'first');
  const second = path.join(tmp, 'second');

  beforeAll(async () => {
    for (const [out, cache] of [[first, freshCache('cache-1')], [second, freshCache('cache-2')]]) {
      const r = await render(out, cache);
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).stats.cachedFrames).toBe(0);
    }
  });

  it('give byte-identical PNGs', () => {
    const a = thumbnails(first);
    expect(Object.keys(a)).toHaveLength(4);
    expect(thumbnails(second)).toEqual(a);
  });

  it('give identical decoded video frames', () => {
    const a = frameHashes(path.join(first, 'small.mp4'));
    expect(a.length).toBe(JSON.parse(fs.readFileSync(path.join(first, 'manifest.json'), 'utf8')).durationInFrames);
    expect(new Set(a).size).toBeGreaterThan(10); // the talk moves: the comparison means something
    expect(frameHashes(path.join(second, 'small.mp4'))).toEqual(a);
  });

  it('give the same manifest', () => {
    const read = (out: string) => fs.readFileSync(path.join(out, 'manifest.json'), 'utf8');
    expect(read(second)).toBe(read(first));
  });

  it('survive the browser being killed mid-capture: restarted, retried, the same output', async () => {
    const cache = freshCache('cache-crash');
    const out = path.join(tmp, 'crash');
    const child = spawn(process.execPath, [path.join(root, 'bin', 'talkreel.js'), 'render', fixture('small.md'), '--out', out, '--resolution', RESOLUTION], {
      cwd: root,
      env: { ...process.env, TALKREEL_CACHE_DIR: cache },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    let killed: number[] = [];
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.stderr.on('data', (d) => {
      stderr += d;
      if (killed.length === 0 && /^ {2}capturing frames [1-9]/m.test(stderr)) {
        // The browser's main process: a child of the CLI (started through setpriv and the
        // wrapper, both of which exec) that is not a renderer, GPU or zygote helper.
        killed = childrenOf(child.pid as number).filter((pid) => {
          const cmd = cmdline(pid);
          return /chromium/.test(cmd) && !/--type=/.test(cmd);
        });
        for (const pid of killed) process.kill(pid, 'SIGKILL');
      }
    });
    const code = await exited;
    expect(killed, stderr).toHaveLength(1);
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/browser failed .*restarting it and retrying once/);
    expect(thumbnails(out)).toEqual(thumbnails(first));
    expect(frameHashes(path.join(out, 'small.mp4'))).toEqual(frameHashes(path.join(first, 'small.mp4')));
    // Nothing of either browser is left running: no descendant of the CLI is alive.
    expect(killed.filter((pid) => !/^State:\s+Z/m.test(status(pid)))).toEqual([]);
    // Nor any process of its browsers (their command lines name the unpacked browser's folder).
    await new Promise((r) => setTimeout(r, 1000));
    expect(runningWith(fs.realpathSync(path.join(cache, 'browser')))).toEqual([]);
  });
});

const cmdline = (pid: number) => {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
};

const status = (pid: number) => {
  try {
    return fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return 'State: Z (gone)';
  }
};

function childrenOf(parent: number): number[] {
  return fs
    .readdirSync('/proc')
    .filter((n) => /^\d+$/.test(n))
    .filter((n) => {
      try {
        return Number(fs.readFileSync(`/proc/${n}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')[1]) === parent;
      } catch {
        return false;
      }
    })
    .map(Number);
}

function runningWith(needle: string): string[] {
  return fs
    .readdirSync('/proc')
    .filter((n) => /^\d+$/.test(n) && Number(n) !== process.pid)
    .map(Number)
    .filter((pid) => cmdline(pid).includes(needle) && !/^State:\s+Z/m.test(status(pid)))
    .map((pid) => `${pid} ${cmdline(pid).slice(0, 160)}`);
}
