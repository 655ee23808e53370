import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, root } from '../helpers/cli.js';

/** Command lines of running processes that mention `needle`. */
function processesMentioning(needle: string): string[] {
  return fs
    .readdirSync('/proc')
    .filter((n) => /^\d+$/.test(n) && Number(n) !== process.pid)
    .flatMap((n) => {
      try {
        const cmd = fs.readFileSync(`/proc/${n}/cmdline`, 'utf8').replace(/\0/g, ' ');
        return cmd.includes(needle) ? [cmd] : [];
      } catch {
        return [];
      }
    });
}

describe('Ctrl-C during a render', () => {
  it('stops, exits 130, leaves --out as it was and no browser or ffmpeg behind', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'talkreel-int-'));
    const cache = path.join(tmp, 'cache'); // its own browser copy, so its processes can be found
    const out = path.join(tmp, 'out');
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'small.mp4'), 'earlier video');
    fs.writeFileSync(path.join(out, 'manifest.json'), 'earlier manifest');

    const child = spawn(process.execPath, [path.join(root, 'bin', 'talkreel.js'), 'render', fixture('small.md'), '--out', out, '--exact'], {
      cwd: root,
      env: { ...process.env, TALKREEL_CACHE_DIR: cache },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (d) => {
        stderr += d;
        if (/frames captured/.test(stderr)) resolve();
      });
    });
    const sent = performance.now();
    child.kill('SIGINT');
    const code = await exited;
    const seconds = (performance.now() - sent) / 1000;

    expect(code, stderr).toBe(130);
    expect(stderr).toMatch(/interrupted/);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(seconds).toBeLessThan(10);
    expect(fs.readdirSync(out).sort()).toEqual(['manifest.json', 'small.mp4']);
    expect(fs.readFileSync(path.join(out, 'small.mp4'), 'utf8')).toBe('earlier video');
    await new Promise((r) => setTimeout(r, 500));
    expect(processesMentioning(cache)).toEqual([]);
  });
});
