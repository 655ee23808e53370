import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { talkreelCacheDir } from './root.js';

export const sha256 = (data: string | Buffer) => crypto.createHash('sha256').update(data).digest('hex');

/**
 * A content-addressed store of rendered files (frames, video segments). Each entry is written
 * under a temporary name and renamed into place, with a sidecar holding its SHA-256; `get`
 * re-hashes the file and drops an entry that does not match, so a partial or corrupt entry (a
 * killed run, a full disk) is rebuilt rather than used.
 */
export class Store {
  readonly dir: string;
  hits = 0;
  misses = 0;

  constructor(kind: string, root = talkreelCacheDir()) {
    this.dir = path.join(root, kind);
    fs.mkdirSync(this.dir, { recursive: true });
  }

  pathOf(key: string, ext: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.${ext}`);
  }

  /** The entry's path if it is present and intact, else null. */
  get(key: string, ext: string): string | null {
    const file = this.pathOf(key, ext);
    try {
      const expected = fs.readFileSync(`${file}.sha256`, 'utf8').trim();
      if (sha256(fs.readFileSync(file)) === expected) {
        this.hits++;
        return file;
      }
    } catch {
      // missing entry or sidecar
    }
    this.remove(key, ext);
    this.misses++;
    return null;
  }

  has(key: string, ext: string): boolean {
    return this.get(key, ext) !== null;
  }

  /** Stores `data` (or moves the file at `fromPath`) under `key`; returns the entry's path. */
  put(key: string, ext: string, source: { data: Buffer } | { fromPath: string }): string {
    const file = this.pathOf(key, ext);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
    if ('data' in source) fs.writeFileSync(tmp, source.data);
    else fs.renameSync(source.fromPath, tmp);
    const digest = sha256(fs.readFileSync(tmp));
    fs.writeFileSync(`${tmp}.sha256`, `${digest}\n`);
    // The file first, its checksum last: a checksum never names a file that is not complete.
    fs.renameSync(tmp, file);
    fs.renameSync(`${tmp}.sha256`, `${file}.sha256`);
    return file;
  }

  remove(key: string, ext: string): void {
    const file = this.pathOf(key, ext);
    fs.rmSync(file, { force: true });
    fs.rmSync(`${file}.sha256`, { force: true });
  }
}
