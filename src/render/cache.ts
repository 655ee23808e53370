import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { removeLeftovers } from './outputs.js';
import { talkreelCacheDir } from './root.js';

export const sha256 = (data: string | Buffer) => crypto.createHash('sha256').update(data).digest('hex');

/** Size, modification time and inode of a file: any write or replacement changes one of them. */
const stamp = (file: string) => {
  const s = fs.statSync(file, { bigint: true });
  return `${s.size}:${s.mtimeNs}:${s.ino}`;
};

/** How much rendered pictures and segments may take on disk: TALKREEL_CACHE_MAX_MB, default 2048 each. */
export const cacheLimitBytes = () => {
  const mb = Number(process.env.TALKREEL_CACHE_MAX_MB);
  return (Number.isFinite(mb) && mb > 0 ? mb : 2048) * 2 ** 20;
};

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
    this.sweep();
  }

  /** Removes temporary files that runs killed midway left (named `*.<pid>.*.tmp`). */
  private sweep(): void {
    const stale = /\.(\d+)\.[0-9a-z]+\.tmp(\.sha256)?$/;
    removeLeftovers(this.dir, stale);
    for (const entry of fs.readdirSync(this.dir, { withFileTypes: true })) if (entry.isDirectory()) removeLeftovers(path.join(this.dir, entry.name), stale);
  }

  pathOf(key: string, ext: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.${ext}`);
  }

  /**
   * Entries this process has checked, with the size and time they had then: a render asks for
   * the same entry several times (planning, encoding, joining), and hashes it once.
   */
  private checked = new Map<string, string>();

  /** The entry's path if it is present and intact, else null. */
  get(key: string, ext: string): string | null {
    const file = this.pathOf(key, ext);
    try {
      const seen = this.checked.get(file);
      if (seen !== undefined && seen === stamp(file)) {
        this.hits++;
        return file;
      }
      const expected = fs.readFileSync(`${file}.sha256`, 'utf8').trim();
      if (sha256(fs.readFileSync(file)) === expected) {
        this.hits++;
        // The modification time records the last use, for prune().
        const now = new Date();
        fs.utimesSync(file, now, now);
        this.checked.set(file, stamp(file));
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
    const digest = sha256('data' in source ? source.data : fs.readFileSync(tmp));
    fs.writeFileSync(`${tmp}.sha256`, `${digest}\n`);
    // An earlier file goes first, then the checksum, and the file last: at every step a file in
    // place has its own checksum beside it, so a process killed between two steps leaves at most
    // a checksum without its file (a miss), never a file without a true checksum.
    this.checked.delete(file);
    fs.rmSync(file, { force: true });
    fs.renameSync(`${tmp}.sha256`, `${file}.sha256`);
    fs.renameSync(tmp, file);
    return file;
  }

  /**
   * Stores what `write` writes to the temporary path it is given; returns the entry's path. The
   * temporary file is removed on any exit, an interrupt included, so nothing half-written is left.
   */
  async produce(key: string, ext: string, write: (tmp: string) => Promise<void>): Promise<string> {
    const tmp = path.join(this.dir, `${key}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`);
    const removeTmp = () => fs.rmSync(tmp, { force: true });
    process.on('exit', removeTmp);
    try {
      await write(tmp);
      return this.put(key, ext, { fromPath: tmp });
    } finally {
      removeTmp();
      process.off('exit', removeTmp);
    }
  }

  remove(key: string, ext: string): void {
    const file = this.pathOf(key, ext);
    this.checked.delete(file);
    fs.rmSync(file, { force: true });
    fs.rmSync(`${file}.sha256`, { force: true });
  }

  /**
   * Keeps the store under `maxBytes` by removing the entries used least recently (down to 80% of
   * the limit, so that the next render does not prune again at once), and removes temporary files
   * that a killed run left more than an hour ago. Files in `keep` stay whatever their age.
   */
  prune(maxBytes: number, keep: ReadonlySet<string> = new Set()): { removed: number; bytes: number } {
    const entries: { file: string; size: number; used: number }[] = [];
    const hourAgo = Date.now() - 3600_000;
    for (const sub of fs.readdirSync(this.dir)) {
      const dir = path.join(this.dir, sub);
      let names: string[];
      try {
        names = fs.readdirSync(dir);
      } catch {
        continue; // not a folder
      }
      for (const name of names) {
        const file = path.join(dir, name);
        const stat = fs.statSync(file, { throwIfNoEntry: false });
        if (!stat) continue;
        if (name.endsWith('.tmp')) {
          if (stat.mtimeMs < hourAgo) fs.rmSync(file, { force: true });
        } else if (name.endsWith('.sha256')) {
          // A checksum whose file never arrived (its writer was killed), or was removed.
          if (stat.mtimeMs < hourAgo && !fs.existsSync(file.slice(0, -'.sha256'.length))) fs.rmSync(file, { force: true });
        } else {
          entries.push({ file, size: stat.size, used: stat.mtimeMs });
        }
      }
    }
    let bytes = entries.reduce((n, e) => n + e.size, 0);
    let removed = 0;
    if (bytes <= maxBytes) return { removed, bytes };
    entries.sort((x, y) => x.used - y.used);
    for (const e of entries) {
      if (bytes <= maxBytes * 0.8) break;
      if (keep.has(e.file)) continue;
      fs.rmSync(`${e.file}.sha256`, { force: true });
      fs.rmSync(e.file, { force: true });
      this.checked.delete(e.file);
      bytes -= e.size;
      removed++;
    }
    return { removed, bytes };
  }
}
