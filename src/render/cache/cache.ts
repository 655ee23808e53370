import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { removedOnExit, removeLeftovers } from '../outputs/outputs.js';
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
 * re-hashes the file, so a partial or corrupt entry (a killed run, a full disk) is a miss, which
 * the render then writes again, rather than used.
 *
 * Several renders may use one cache folder at once (`talkreel watch` in one terminal and
 * `talkreel render` in another do by default), so no render removes or replaces a file another
 * is reading: a render reads each entry through a hard link of its own (under `held/`), made
 * before the bytes are checked and kept until `release()`. Writing an entry again replaces its
 * name, never the bytes another render links to, and `prune` leaves entries that others hold.
 */
export class Store {
  readonly dir: string;
  hits = 0;
  misses = 0;
  /** This store's links, one per entry it uses. */
  private readonly holdDir: string;
  /**
   * Entries this store has checked, by path: its link and that link's size, time and inode then.
   * A render asks for the same entry several times (planning, encoding, joining), and hashes it once.
   */
  private held = new Map<string, { link: string; stamp: string }>();
  /** The folder of links while this store holds any: removed by `release()`, or when the process exits. */
  private holding: { remove(): void } | null = null;

  constructor(kind: string, root = talkreelCacheDir()) {
    this.dir = path.join(root, kind);
    this.holdDir = path.join(root, 'held', `${process.pid}-${kind}-${crypto.randomBytes(4).toString('hex')}`);
    fs.mkdirSync(this.dir, { recursive: true });
    this.sweep(path.join(root, 'held'));
  }

  /** Removes temporary files (named `*.<pid>.*.tmp`) and links that runs killed midway left. */
  private sweep(heldRoot: string): void {
    const stale = /\.(\d+)\.[0-9a-z]+\.tmp(\.sha256)?$/;
    removeLeftovers(this.dir, stale);
    for (const entry of fs.readdirSync(this.dir, { withFileTypes: true })) if (entry.isDirectory()) removeLeftovers(path.join(this.dir, entry.name), stale);
    if (fs.existsSync(heldRoot)) removeLeftovers(heldRoot, /^(\d+)-/);
  }

  pathOf(key: string, ext: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.${ext}`);
  }

  /** This store's own name for the bytes of `file` (its link to them). */
  private linkOf(file: string): string {
    return path.join(this.holdDir, path.basename(file));
  }

  /** Makes `link` a second name for the bytes of `from` (a copy where links are not supported). */
  private hold(from: string, link: string): void {
    if (!this.holding) {
      fs.mkdirSync(this.holdDir, { recursive: true });
      this.holding = removedOnExit(this.holdDir);
    }
    fs.rmSync(link, { force: true });
    try {
      fs.linkSync(from, link);
    } catch (err) {
      if (!['EPERM', 'ENOTSUP', 'EXDEV', 'EMLINK'].includes((err as NodeJS.ErrnoException).code ?? '')) throw err;
      fs.copyFileSync(from, link);
    }
  }

  /** The path of this render's link to the entry if it is present and intact, else null. */
  get(key: string, ext: string): string | null {
    const file = this.pathOf(key, ext);
    const known = this.held.get(file);
    try {
      if (known && known.stamp === stamp(known.link)) {
        this.hits++;
        return known.link;
      }
      const expected = fs.readFileSync(`${file}.sha256`, 'utf8').trim();
      // Linked first, then checked: the bytes checked are the bytes this render goes on to read.
      const link = this.linkOf(file);
      this.hold(file, link);
      if (sha256(fs.readFileSync(link)) === expected) {
        this.hits++;
        // The modification time records the last use, for prune().
        const now = new Date();
        fs.utimesSync(link, now, now);
        this.held.set(file, { link, stamp: stamp(link) });
        return link;
      }
    } catch {
      // missing entry or sidecar
    }
    // The entry stays: another render may be writing it this moment, and the render that misses
    // it writes it again anyway.
    this.held.delete(file);
    fs.rmSync(this.linkOf(file), { force: true });
    this.misses++;
    return null;
  }

  has(key: string, ext: string): boolean {
    return this.get(key, ext) !== null;
  }

  /**
   * Stores `data` (or moves the file at `fromPath`) under `key`; returns the path of this
   * render's link to it.
   */
  put(key: string, ext: string, source: { data: Buffer } | { fromPath: string }): string {
    const file = this.pathOf(key, ext);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
    if ('data' in source) fs.writeFileSync(tmp, source.data);
    else fs.renameSync(source.fromPath, tmp);
    const digest = sha256('data' in source ? source.data : fs.readFileSync(tmp));
    fs.writeFileSync(`${tmp}.sha256`, `${digest}\n`);
    const link = this.linkOf(file);
    this.hold(tmp, link);
    // The checksum goes in place first, then the file, each by rename over whatever was there:
    // the entry never goes missing, even for a moment, under a render about to read it. A process
    // killed between the two renames leaves a checksum without its file, or beside an earlier
    // file that is not its own: a miss either way, never a file without a true checksum.
    fs.renameSync(`${tmp}.sha256`, `${file}.sha256`);
    fs.renameSync(tmp, file);
    this.held.set(file, { link, stamp: stamp(link) });
    return link;
  }

  /** Removes this store's links: the render that used them is over. */
  release(): void {
    this.holding?.remove();
    this.holding = null;
    this.held.clear();
  }

  /**
   * Stores what `write` writes to the temporary path it is given; returns the path of this
   * render's link to it (as `put` does). The
   * temporary file is removed on any exit, an interrupt included, so nothing half-written is left.
   */
  async produce(key: string, ext: string, write: (tmp: string) => Promise<void>): Promise<string> {
    const tmp = path.join(this.dir, `${key}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`);
    const written = removedOnExit(tmp);
    try {
      await write(tmp);
      return this.put(key, ext, { fromPath: tmp });
    } finally {
      written.remove();
    }
  }

  /**
   * Keeps the store under `maxBytes` by removing the entries used least recently (down to 80% of
   * the limit, so that the next render does not prune again at once), and removes temporary files
   * that a killed run left more than an hour ago. Entries in `keep` (or this store's links to
   * them) stay whatever their age, and so do entries another render holds: it is using them, and
   * removing their names would free nothing until it is done.
   */
  prune(maxBytes: number, keep: ReadonlySet<string> = new Set()): { removed: number; bytes: number } {
    const entries: { file: string; size: number; used: number; stat: fs.Stats }[] = [];
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
          entries.push({ file, size: stat.size, used: stat.mtimeMs, stat });
        }
      }
    }
    let bytes = entries.reduce((n, e) => n + e.size, 0);
    let removed = 0;
    if (bytes <= maxBytes) return { removed, bytes };
    const kept = new Set([...keep].map((f) => (path.dirname(f) === this.holdDir ? path.join(this.dir, path.basename(f).slice(0, 2), path.basename(f)) : f)));
    entries.sort((x, y) => x.used - y.used);
    for (const e of entries) {
      if (bytes <= maxBytes * 0.8) break;
      if (kept.has(e.file) || this.heldElsewhere(e.file, e.stat)) continue;
      fs.rmSync(`${e.file}.sha256`, { force: true });
      fs.rmSync(e.file, { force: true });
      bytes -= e.size;
      removed++;
    }
    return { removed, bytes };
  }

  /** True when a link other than this store's own names the entry's bytes. */
  private heldElsewhere(file: string, stat: fs.Stats): boolean {
    const mine = this.held.get(file);
    const own = mine && fs.statSync(mine.link, { throwIfNoEntry: false })?.ino === stat.ino ? 1 : 0;
    return stat.nlink - own > 1;
  }
}
