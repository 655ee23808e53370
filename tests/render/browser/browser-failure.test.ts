import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bin, fixture, root, talkreel } from '../../helpers/cli.js';
import { probeVideo } from '../../helpers/media.js';
import { allPids, cmdline, descendants, leftoverProcesses, parentOf } from '../../helpers/proc.js';
import { forgetRenders, renderCache } from '../../helpers/cache.js';
import { tempDir } from '../../helpers/temp.js';

/**
 * A browser that crashes or hangs in the middle of a render, for real: the CLI renders, and once
 * it has captured a frame its Chromium is killed (SIGKILL) or frozen (SIGSTOP). The render must
 * notice, start a new browser, capture what is missing and give the same output as an
 * undisturbed render; a second failure must end in a clear `browser-failed` error. No process of
 * any of these browsers may be left running.
 *
 * The browser is unpacked into this test's own cache folder, so that every Chromium process of
 * these renders (renderers and GPU helpers included) names the folder on its command line. A hang
 * counts after TALKREEL_BROWSER_TIMEOUT seconds without a frame: 90 by default, HANG here. A
 * first page takes about 2 s while other test files render meanwhile, and must not count as one.
 */
const tmp = tempDir('browser-failure');
// The bundle holds no render output: the project's is shared, so the bundler does not run again.
const cache = renderCache(path.join(tmp, 'cache'), ['bundle']);
const RESOLUTION = '464x262';
const HANG = 8;

/** Empties the cache of pictures and segments: every frame is captured afresh. */
const noRenderedCache = () => forgetRenders(cache);

/** The browser's main process: a child of the CLI (through setpriv and a wrapper, both exec) that is no helper. */
const browserMain = (cli: number) => allPids().filter((pid) => parentOf(pid) === cli && /chromium/.test(cmdline(pid)) && !/--type=/.test(cmdline(pid)));

/** Every process of the browser whose main process is `main`. */
const browserTree = (main: number): number[] => [main, ...descendants(main)];

type Failure = 'crash' | 'hang';

interface Outcome {
  code: number | null;
  stderr: string;
  /** Browser main processes that were made to fail. */
  failed: number[];
}

/**
 * Renders small.md; after the first captured frame, makes the browser fail; with `times: 2`,
 * makes the restarted browser fail too, once it captures.
 */
function renderWithFailure(out: string, failure: Failure, times: 1 | 2): Promise<Outcome> {
  const child = spawn(process.execPath, [bin, 'render', fixture('small.md'), '--out', out, '--resolution', RESOLUTION], {
    cwd: root,
    env: { ...process.env, TALKREEL_CACHE_DIR: cache, TALKREEL_BROWSER_TIMEOUT: String(HANG) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  const failed: number[] = [];
  const fail = (main: number) => {
    failed.push(main);
    if (failure === 'crash') process.kill(main, 'SIGKILL');
    else for (const pid of browserTree(main)) process.kill(pid, 'SIGSTOP');
  };
  child.stderr.on('data', (d) => {
    stderr += d;
    if (failed.length === 0 && /capturing frames [1-9]/.test(stderr)) {
      const mains = browserMain(child.pid as number);
      if (mains.length === 1) fail(mains[0]);
    }
  });
  // The second failure: the new browser, once it captures again (in either capture pass).
  const poll = setInterval(() => {
    if (times === 2 && failed.length === 1 && /restarting it[^]*capturing frames/.test(stderr)) {
      const fresh = browserMain(child.pid as number).filter((pid) => !failed.includes(pid));
      if (fresh.length === 1) fail(fresh[0]);
    }
  }, 50);
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearInterval(poll);
      resolve({ code, stderr, failed });
    }),
  );
}

/** This test's browser processes left running, after the kernel has had time to end them. */
const leftoverBrowsers = () => leftoverProcesses(cache);

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const thumbnails = (out: string) => Object.fromEntries(fs.readdirSync(path.join(out, 'thumbnails')).sort().map((n) => [n, sha(path.join(out, 'thumbnails', n))]));
const listing = (dir: string) => fs.readdirSync(dir, { recursive: true }).map(String).sort().map((n) => (fs.statSync(path.join(dir, n)).isFile() ? `${n} ${sha(path.join(dir, n))}` : n));

describe('a browser that fails mid-render', () => {
  const reference = path.join(tmp, 'reference');

  beforeAll(async () => {
    const r = await talkreel(['render', fixture('small.md'), '--out', reference, '--resolution', RESOLUTION], { TALKREEL_CACHE_DIR: cache });
    expect(r.code, r.stderr).toBe(0);
  });

  for (const failure of ['crash', 'hang'] as const) {
    it(`${failure === 'crash' ? 'crashes (SIGKILL)' : 'hangs (SIGSTOP)'}: a new browser is started and the output is the same`, async () => {
      noRenderedCache();
      const out = path.join(tmp, failure);
      const r = await renderWithFailure(out, failure, 1);
      expect(r.failed, r.stderr).toHaveLength(1);
      expect(r.code, r.stderr).toBe(0);
      const reason = failure === 'crash' ? 'closed its connection' : `captured no frame for ${HANG} s`;
      expect(r.stderr).toMatch(new RegExp(`warning the browser failed \\(the browser ${reason}.*\\); restarting it and retrying once`));
      // One line says what happened: no stack trace of the dead browser's calls.
      expect(r.stderr).not.toMatch(/^\s+at /m);
      expect(thumbnails(out)).toEqual(thumbnails(reference));
      expect(probeVideo(path.join(out, 'small.mp4')).nb_read_frames).toBe(probeVideo(path.join(reference, 'small.mp4')).nb_read_frames);
      // Renders are deterministic: the video is the very same file.
      expect(sha(path.join(out, 'small.mp4'))).toBe(sha(path.join(reference, 'small.mp4')));
      expect(await leftoverBrowsers()).toEqual([]);
    });
  }

  it('fails twice: a clear browser-failed error, exit 1, earlier outputs untouched, no browser left', async () => {
    noRenderedCache();
    const out = path.join(tmp, 'twice');
    fs.cpSync(reference, out, { recursive: true });
    const before = listing(out);
    const r = await renderWithFailure(out, 'crash', 2);
    expect(r.failed, r.stderr).toHaveLength(2);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/^talkreel: error browser-failed the browser failed (while capturing frames, and )?again after a restart: the browser closed its connection/m);
    // The error is the last word: nothing runs on and reports after it.
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(/^talkreel: error browser-failed/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(listing(out)).toEqual(before);
    expect(await leftoverBrowsers()).toEqual([]);
  });
});

describe('a browser that never answers on its DevTools socket', () => {
  it('is started a second time, then fails with what the socket said: exit 1, no stack trace', async () => {
    // It announces a DevTools address where nothing listens (port 9, discard), as a browser that
    // dies right after starting would; each start is logged.
    const starts = path.join(tmp, 'starts.log');
    const fake = path.join(tmp, 'refusing-browser');
    fs.writeFileSync(fake, `#!/bin/sh\necho started >> '${starts}'\necho 'DevTools listening on ws://127.0.0.1:9/devtools/browser/x' >&2\nsleep 2\n`, { mode: 0o755 });
    const out = path.join(tmp, 'refused');
    const r = await talkreel(['render', fixture('small.md'), '--out', out, '--resolution', RESOLUTION, '--browser', fake], { TALKREEL_CACHE_DIR: cache });
    expect(r.code, r.stderr).toBe(1);
    expect(fs.readFileSync(starts, 'utf8').trim().split('\n')).toHaveLength(2);
    expect(r.stderr).toMatch(/^talkreel: warning the browser failed \(connect ECONNREFUSED 127\.0\.0\.1:9\); restarting it/m);
    expect(r.stderr.trim().split('\n').at(-1)).toBe('talkreel: error browser-failed the browser failed while capturing frames, and again after a restart: connect ECONNREFUSED 127.0.0.1:9');
    expect(r.stderr).not.toMatch(/\[object Object\]|^\s+at /m);
    // Nothing was written (the staging folder is gone with the failed render).
    expect(fs.existsSync(out) ? fs.readdirSync(out) : []).toEqual([]);
  });
});
