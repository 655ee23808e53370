import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sha256, Store } from '../../src/render/cache.js';
import { tempDir } from '../helpers/temp.js';

const root = tempDir('cache');

const key = (n: number) => sha256(`entry ${n}`);
const age = (file: string, secondsAgo: number) => {
  const t = new Date(Date.now() - secondsAgo * 1000);
  fs.utimesSync(file, t, t);
};

describe('Store', () => {
  it('returns an intact entry and drops one whose bytes changed', () => {
    const store = new Store('intact', root);
    const file = store.put(key(1), 'bin', { data: Buffer.from('hello') });
    expect(store.get(key(1), 'bin')).toBe(file);
    fs.writeFileSync(file, 'hellO');
    expect(store.get(key(1), 'bin')).toBeNull();
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.existsSync(`${file}.sha256`)).toBe(false);
  });

  it('prunes the least recently used entries down to 80% of the limit, keeping what it is told to', () => {
    const store = new Store('prune', root);
    // Ten entries of 1000 bytes, entry n last used n minutes ago.
    const files = Array.from({ length: 10 }, (_, n) => store.put(key(n), 'bin', { data: Buffer.alloc(1000, n) }));
    files.forEach((f, n) => age(f, 60 * n));
    // Using an entry makes it the most recent.
    expect(store.get(key(9), 'bin')).toBe(files[9]);

    expect(store.prune(20_000)).toEqual({ removed: 0, bytes: 10_000 });
    const result = store.prune(5000, new Set([files[8]]));
    // Down to 4000 bytes: the oldest go first (7, 6, 5, 4, 3, 2), 8 is kept, 9 was just used.
    expect(result).toEqual({ removed: 6, bytes: 4000 });
    const left = files.map((f, n) => (fs.existsSync(f) ? n : -1)).filter((n) => n >= 0);
    expect(left).toEqual([0, 1, 8, 9]);
    for (const n of left) expect(store.get(key(n), 'bin')).toBe(files[n]);
    for (const f of files) if (!fs.existsSync(f)) expect(fs.existsSync(`${f}.sha256`)).toBe(false);
  });

  it('removes temporary files a killed run left more than an hour ago, and only those', () => {
    const store = new Store('temp', root);
    const file = store.put(key(1), 'bin', { data: Buffer.from('x') });
    const old = `${file}.1234.abcd.tmp`;
    const fresh = `${file}.5678.ef01.tmp`;
    fs.writeFileSync(old, 'partial');
    fs.writeFileSync(fresh, 'being written');
    age(old, 2 * 3600);
    store.prune(1 << 30);
    expect(fs.existsSync(old)).toBe(false);
    expect(fs.existsSync(fresh)).toBe(true);
    expect(store.get(key(1), 'bin')).toBe(file);
  });

  it('replaces an entry so that no file is ever beside a checksum that is not its own', () => {
    const store = new Store('replace', root);
    const file = store.put(key(1), 'bin', { data: Buffer.from('first') });
    expect(store.get(key(1), 'bin')).toBe(file);
    // Watch every state the entry passes through while it is replaced.
    const states: string[] = [];
    const look = () => {
      const data = fs.existsSync(file) ? fs.readFileSync(file) : null;
      const sum = fs.existsSync(`${file}.sha256`) ? fs.readFileSync(`${file}.sha256`, 'utf8').trim() : null;
      states.push(data === null ? (sum === null ? 'none' : 'checksum only') : sum === sha256(data) ? 'intact' : 'MISMATCH');
    };
    const rename = fs.renameSync;
    const rm = fs.rmSync;
    fs.renameSync = (...args: Parameters<typeof fs.renameSync>) => { rename(...args); look(); };
    fs.rmSync = (...args: Parameters<typeof fs.rmSync>) => { rm(...args); look(); };
    try {
      store.put(key(1), 'bin', { data: Buffer.from('second') });
    } finally {
      fs.renameSync = rename;
      fs.rmSync = rm;
    }
    expect(states).not.toContain('MISMATCH');
    expect(states.at(-1)).toBe('intact');
    expect(fs.readFileSync(file, 'utf8')).toBe('second');
    expect(store.get(key(1), 'bin')).toBe(file);
  });

  it('a checksum without its file is a miss; prune removes such checksums after an hour', () => {
    const store = new Store('orphan', root);
    const file = store.put(key(1), 'bin', { data: Buffer.from('x') });
    fs.rmSync(file);
    expect(store.get(key(1), 'bin')).toBeNull();
    expect(fs.existsSync(`${file}.sha256`)).toBe(false);
    const other = store.put(key(2), 'bin', { data: Buffer.from('y') });
    const fresh = store.put(key(3), 'bin', { data: Buffer.from('z') });
    fs.rmSync(other);
    fs.rmSync(fresh);
    age(`${other}.sha256`, 2 * 3600);
    store.prune(1 << 30);
    expect(fs.existsSync(`${other}.sha256`)).toBe(false);
    expect(fs.existsSync(`${fresh}.sha256`)).toBe(true);
  });
});
