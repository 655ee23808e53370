import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BROWSER_ENV, chooseBrowser } from '../../../src/render/browser/browser.js';
import { TalkreelError } from '../../../src/errors.js';
import { packageRoot } from '../../../src/render/cache/root.js';
import { renderCache } from '../../helpers/cache.js';
import { tempDir } from '../../helpers/temp.js';

describe('chooseBrowser', () => {
  const saved = { browser: process.env[BROWSER_ENV], cache: process.env.TALKREEL_CACHE_DIR };
  const restore = (name: string, value: string | undefined) => (value === undefined ? delete process.env[name] : (process.env[name] = value));
  afterEach(() => {
    restore(BROWSER_ENV, saved.browser);
    restore('TALKREEL_CACHE_DIR', saved.cache);
  });

  it('uses the bundled Chromium by default on Linux x64, and it starts', () => {
    delete process.env[BROWSER_ENV];
    const choice = chooseBrowser(undefined, packageRoot);
    expect(choice.source).toBe(process.platform === 'linux' && process.arch === 'x64' ? 'bundled' : 'remotion');
    if (choice.source !== 'bundled') return;
    const wrapper = choice.executablePath as string;
    // The wrapper puts the NSS libraries shipped in @sparticuz/chromium on LD_LIBRARY_PATH.
    expect(fs.readFileSync(wrapper, 'utf8')).toMatch(/LD_LIBRARY_PATH="\$dir\/lib/);
    expect(fs.existsSync(path.join(path.dirname(wrapper), 'lib', 'libnss3.so'))).toBe(true);
    const version = spawnSync(wrapper, ['--version'], { encoding: 'utf8' });
    expect(version.status, version.stderr).toBe(0);
    expect(version.stdout).toMatch(/Chromium \d+/);
  });

  it('is the same wrapper from every cache that links the unpacked browser, and it starts from any of them', () => {
    delete process.env[BROWSER_ENV];
    if (!(process.platform === 'linux' && process.arch === 'x64')) return;
    const caches = ['one', 'two'].map(() => renderCache(path.join(tempDir('linked-browser'), 'cache'), ['browser']));
    const wrappers = caches.map((cache) => {
      process.env.TALKREEL_CACHE_DIR = cache;
      const wrapper = chooseBrowser(undefined, packageRoot).executablePath as string;
      return { cache, wrapper, content: fs.readFileSync(wrapper, 'utf8') };
    });
    const [one, two] = wrappers.map((w) => w.content);
    expect(one).toBe(two);
    for (const { cache } of wrappers) expect(one).not.toContain(cache);
    // The first cache goes (as a finished test's does): the browser still starts from the second.
    fs.rmSync(wrappers[0].cache, { recursive: true, force: true });
    const version = spawnSync(wrappers[1].wrapper, ['--version'], { encoding: 'utf8' });
    expect(version.status, version.stderr).toBe(0);
    expect(version.stdout).toMatch(/Chromium \d+/);
  });

  it('an explicit --browser wins over the environment, which wins over the default', () => {
    const dir = tempDir('browser');
    // The wrappers of these throwaway browsers go to a cache of this test's own, not the project's.
    process.env.TALKREEL_CACHE_DIR = path.join(dir, 'cache');
    const a = path.join(dir, 'a');
    const b = path.join(dir, 'b');
    for (const f of [a, b]) fs.writeFileSync(f, '#!/bin/sh\n', { mode: 0o755 });
    process.env[BROWSER_ENV] = b;
    // Either is started through a wrapper that adds the flags keeping the page offline.
    const option = chooseBrowser(a, packageRoot);
    expect(option.source).toBe('option');
    expect(fs.readFileSync(option.executablePath as string, 'utf8')).toContain(`exec '${a}' "$@" '--proxy-server=`);
    const env = chooseBrowser(undefined, packageRoot);
    expect(env.source).toBe('env');
    expect(fs.readFileSync(env.executablePath as string, 'utf8')).toContain(`exec '${b}' "$@" '--proxy-server=`);
  });

  it('a browser path that is not an executable is a clear error', () => {
    expect(() => chooseBrowser('/no/such/chrome', packageRoot)).toThrow(TalkreelError);
    expect(() => chooseBrowser('/no/such/chrome', packageRoot)).toThrow(/--browser: no executable browser at \/no\/such\/chrome/);
  });
});
