import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bin, fixture, root } from '../helpers/cli.js';
import { renderCache } from '../helpers/cache.js';
import { tempDir } from '../helpers/temp.js';

describe('talkreel watch', () => {
  it('renders, re-renders on a save naming the changed slide, and stops cleanly on Ctrl-C', async () => {
    const tmp = tempDir('watch');
    const deck = path.join(tmp, 'talk.md');
    fs.copyFileSync(fixture('small.md'), deck);
    const out = path.join(tmp, 'out');
    const child = spawn(process.execPath, [bin, 'watch', deck, '--out', out], {
      cwd: root,
      env: { ...process.env, TALKREEL_CACHE_DIR: renderCache(path.join(tmp, 'cache')) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const waiters: { pattern: RegExp; resolve: (m: RegExpMatchArray) => void }[] = [];
    const check = () => {
      for (const w of [...waiters]) {
        const m = stdout.match(w.pattern);
        if (m) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(m);
        }
      }
    };
    child.stdout.on('data', (d) => {
      stdout += d;
      check();
    });
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    const waitFor = (pattern: RegExp) =>
      new Promise<RegExpMatchArray>((resolve, reject) => {
        waiters.push({ pattern, resolve });
        check();
        exited.then((code) => reject(new Error(`watch exited (${code}) before printing ${pattern}:\n${stdout}\n${stderr}`)));
      });

    try {
      await waitFor(/watching .*talk\.md/);
      expect(stdout).toMatch(/rendered 4 slides in \d+\.\d s/);
      const first = fs.readFileSync(path.join(out, 'thumbnails', '02-three-points.png'));

      fs.writeFileSync(deck, fs.readFileSync(deck, 'utf8').replace('- Second point', '- Second point, edited'));
      const changed = await waitFor(/changed: (.*) in (\d+\.\d) s \((\d+) pictures? captured/);
      expect(changed[1]).toBe('slide 2 (THREE POINTS)');
      expect(Number(changed[3])).toBe(1); // only the edited slide's picture is captured again
      expect(fs.readFileSync(path.join(out, 'thumbnails', '02-three-points.png')).equals(first)).toBe(false);
    } finally {
      child.kill('SIGINT');
    }
    // 130, as for any interrupted run (Remotion's SIGINT handler ends the browser and the process).
    expect(await exited).toBe(130);
    expect(stderr).toMatch(/stopped watching/);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(fs.readdirSync(out).sort()).toEqual(['manifest.json', 'thumbnails']);
  });
});
