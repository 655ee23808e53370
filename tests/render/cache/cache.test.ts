import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256, Store } from '../../../src/render/cache/cache.js';
import { root as packageRoot } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/temp.js';

const root = tempDir('cache');

const key = (n: number) => sha256(`entry ${n}`);
const age = (file: string, secondsAgo: number) => {
  const t = new Date(Date.now() - secondsAgo * 1000);
  fs.utimesSync(file, t, t);
};

describe('Store', () => {
  it('returns an intact entry, and a miss for one whose bytes changed, which the next put replaces', () => {
    const store = new Store('intact', root);
    const link = store.put(key(1), 'bin', { data: Buffer.from('hello') });
    expect(store.get(key(1), 'bin')).toBe(link);
    const entry = store.pathOf(key(1), 'bin');
    fs.writeFileSync(entry, 'hellO');
    expect(store.get(key(1), 'bin')).toBeNull();
    expect(store.put(key(1), 'bin', { data: Buffer.from('hello') })).toBe(link);
    expect(fs.readFileSync(entry, 'utf8')).toBe('hello');
    expect(fs.readFileSync(store.get(key(1), 'bin') as string, 'utf8')).toBe('hello');
  });

  it('prunes the least recently used entries down to 80% of the limit, keeping what it is told to', () => {
    const store = new Store('prune', root);
    // Ten entries of 1000 bytes, entry n last used n minutes ago.
    const links = Array.from({ length: 10 }, (_, n) => store.put(key(n), 'bin', { data: Buffer.alloc(1000, n) }));
    const entries = links.map((_, n) => store.pathOf(key(n), 'bin'));
    entries.forEach((f, n) => age(f, 60 * n));
    // Using an entry makes it the most recent.
    expect(store.get(key(9), 'bin')).toBe(links[9]);

    expect(store.prune(20_000)).toEqual({ removed: 0, bytes: 10_000 });
    const result = store.prune(5000, new Set([links[8]]));
    // Down to 4000 bytes: the oldest go first (7, 6, 5, 4, 3, 2), 8 is kept, 9 was just used.
    expect(result).toEqual({ removed: 6, bytes: 4000 });
    const left = entries.map((f, n) => (fs.existsSync(f) ? n : -1)).filter((n) => n >= 0);
    expect(left).toEqual([0, 1, 8, 9]);
    for (const n of left) expect(store.get(key(n), 'bin')).toBe(links[n]);
    for (const f of entries) if (!fs.existsSync(f)) expect(fs.existsSync(`${f}.sha256`)).toBe(false);
  });

  it('removes temporary files a killed run left more than an hour ago, and only those', () => {
    const store = new Store('temp', root);
    const link = store.put(key(1), 'bin', { data: Buffer.from('x') });
    const file = store.pathOf(key(1), 'bin');
    const old = `${file}.1234.abcd.tmp`;
    const fresh = `${file}.5678.ef01.tmp`;
    fs.writeFileSync(old, 'partial');
    fs.writeFileSync(fresh, 'being written');
    age(old, 2 * 3600);
    store.prune(1 << 30);
    expect(fs.existsSync(old)).toBe(false);
    expect(fs.existsSync(fresh)).toBe(true);
    expect(store.get(key(1), 'bin')).toBe(link);
  });

  it('writes an entry again without its file ever going missing; a render reads only bytes that match their checksum', () => {
    const store = new Store('replace', root);
    const file = store.pathOf(key(1), 'bin');
    store.put(key(1), 'bin', { data: Buffer.from('first') });
    // Watch every state the entry passes through while it is written again, with the same bytes
    // (as two renders write a picture) and with other bytes (over a damaged entry), and what a
    // render starting at that moment reads.
    const states: string[] = [];
    let looking = false;
    const look = () => {
      // The reader renames and removes files too: only the writer's steps are watched.
      if (looking) return;
      looking = true;
      const data = fs.existsSync(file) ? fs.readFileSync(file) : null;
      const sum = fs.existsSync(`${file}.sha256`) ? fs.readFileSync(`${file}.sha256`, 'utf8').trim() : null;
      states.push(data === null ? 'no file' : sum === sha256(data) ? 'intact' : 'mismatch');
      const reader = new Store('replace', root);
      const got = reader.get(key(1), 'bin');
      states.push(got === null ? 'miss' : `read ${fs.readFileSync(got, 'utf8')}`);
      reader.release();
      looking = false;
    };
    const rename = fs.renameSync;
    const rm = fs.rmSync;
    fs.renameSync = (...args: Parameters<typeof fs.renameSync>) => { rename(...args); look(); };
    fs.rmSync = (...args: Parameters<typeof fs.rmSync>) => { rm(...args); look(); };
    try {
      store.put(key(1), 'bin', { data: Buffer.from('first') });
      store.put(key(1), 'bin', { data: Buffer.from('second') });
    } finally {
      fs.renameSync = rename;
      fs.rmSync = rm;
    }
    // Each put: the writer's own link made, the checksum renamed into place, then the file.
    const same = ['intact', 'read first'];
    expect(states).toEqual([...same, ...same, ...same, ...same, 'mismatch', 'miss', 'intact', 'read second']);
  });

  it('a checksum without its file is a miss; prune removes such checksums after an hour', () => {
    const store = new Store('orphan', root);
    const [one, other, fresh] = [1, 2, 3].map((n) => {
      store.put(key(n), 'bin', { data: Buffer.from(`entry ${n}`) });
      return store.pathOf(key(n), 'bin');
    });
    for (const file of [one, other, fresh]) fs.rmSync(file);
    expect(new Store('orphan', root).get(key(1), 'bin')).toBeNull();
    age(`${other}.sha256`, 2 * 3600);
    store.prune(1 << 30);
    expect(fs.existsSync(`${other}.sha256`)).toBe(false);
    expect(fs.existsSync(`${fresh}.sha256`)).toBe(true);
  });
});

describe('Store, used by several renders at once', () => {
  it('a render reads the bytes it was given, whatever another writes or prunes meanwhile', () => {
    const a = new Store('shared', root);
    const b = new Store('shared', root);
    const fromA = a.put(key(1), 'bin', { data: Buffer.from('from a') });
    b.put(key(1), 'bin', { data: Buffer.from('from b') });
    expect(b.prune(0)).toEqual({ removed: 1, bytes: 0 });
    expect(fs.existsSync(b.pathOf(key(1), 'bin'))).toBe(false);
    expect(fs.readFileSync(fromA, 'utf8')).toBe('from a');

    // An entry another render holds stays in the cache until that render is done with it.
    b.put(key(2), 'bin', { data: Buffer.from('two') });
    const held = a.get(key(2), 'bin') as string;
    b.release();
    expect(b.prune(0)).toEqual({ removed: 0, bytes: 3 });
    a.release();
    expect(fs.existsSync(held)).toBe(false);
    expect(b.prune(0)).toEqual({ removed: 1, bytes: 0 });
    expect(fs.readdirSync(path.join(root, 'held')).filter((name) => name.includes('-shared-'))).toEqual([]);
  });

  it('four processes writing, reading and pruning the same entries: every path handed out stays readable, with its bytes', async () => {
    const shared = tempDir('cache-race');
    const child = () =>
      new Promise<{ reads: number; failures: string[] }>((resolve, reject) => {
        const p = spawn(process.execPath, ['--import', 'tsx', path.join(packageRoot, 'tests', 'helpers', 'store-race.ts'), shared, 'race', '1500'], { cwd: packageRoot });
        let out = '';
        p.stdout.on('data', (d) => (out += d));
        p.on('error', reject);
        p.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`exit ${code}`))));
      });
    const results = await Promise.all([child(), child(), child(), child()]);
    expect(results.map((r) => r.reads)).toEqual([1497, 1497, 1497, 1497]);
    expect(results.flatMap((r) => r.failures).slice(0, 5)).toEqual([]);
    expect(fs.readdirSync(path.join(shared, 'held'))).toEqual([]);
  });

  it('removes the links a killed render left', () => {
    const dead = spawnSync('true').pid as number;
    const left = path.join(root, 'held', `${dead}-frames-0badcafe`);
    fs.mkdirSync(left, { recursive: true });
    fs.writeFileSync(path.join(left, `${key(1)}.png`), 'x');
    new Store('sweep', root);
    expect(fs.existsSync(left)).toBe(false);
  });
});
