import fs from 'node:fs';
import path from 'node:path';
import { TalkreelError } from '../../errors.js';

/**
 * Outputs are written into a staging folder inside the output folder and moved into place only
 * when the whole render succeeded, so a failed or interrupted run never damages earlier outputs.
 * Staging folders left by a killed run are removed by the next run.
 */
const STAGING_PREFIX = '.talkreel-staging-';

/**
 * Fails unless `outDir` is a writable folder or could be made as one, without creating anything:
 * a render that stops before it starts leaves the file system as it was.
 */
export function checkOutDir(outDir: string): void {
  let dir = outDir;
  while (!fs.existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  const fail = (why: string) => new TalkreelError('out-unwritable', `--out ${outDir}: ${why}`);
  if (!fs.statSync(dir).isDirectory()) throw fail(dir === outDir ? 'is not a folder' : `${dir} is a file, not a folder`);
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (err) {
    throw fail(`cannot write there (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

export function prepareOutDir(outDir: string): string {
  try {
    fs.mkdirSync(outDir, { recursive: true });
    fs.accessSync(outDir, fs.constants.W_OK);
  } catch (err) {
    throw new TalkreelError('out-unwritable', `--out ${outDir}: cannot write there (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (!fs.statSync(outDir).isDirectory()) throw new TalkreelError('out-unwritable', `--out ${outDir}: is not a folder`);
  removeStaleStaging(outDir);
  return fs.mkdtempSync(path.join(outDir, `${STAGING_PREFIX}${process.pid}-`));
}

function removeStaleStaging(outDir: string): void {
  removeLeftovers(outDir, new RegExp(`^${STAGING_PREFIX}(\\d+)-`));
}

/**
 * Removes what killed runs left in `dir`: the entries whose name matches `pattern`, whose first
 * group is the pid of the process that made them, and that process is gone.
 */
export function removeLeftovers(dir: string, pattern: RegExp): void {
  for (const name of fs.readdirSync(dir)) {
    const pid = Number(pattern.exec(name)?.[1]);
    if (pid && pid !== process.pid && !isAlive(pid)) fs.rmSync(path.join(dir, name), { recursive: true, force: true });
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Moves each staged entry over its final name. Files are renamed, which is atomic on one file
 * system: at any moment each output is either the earlier one or the new one, complete. A folder
 * (the thumbnails) is committed file by file the same way; files of the old folder that the new
 * one does not have are removed last.
 */
export function commitOutputs(staging: string, outDir: string, names: string[]): void {
  for (const name of names) {
    const from = path.join(staging, name);
    const to = path.join(outDir, name);
    if (fs.statSync(from).isDirectory()) {
      if (fs.existsSync(to) && !fs.statSync(to).isDirectory()) fs.rmSync(to);
      fs.mkdirSync(to, { recursive: true });
      const fresh = new Set(fs.readdirSync(from));
      for (const file of fresh) fs.renameSync(path.join(from, file), path.join(to, file));
      for (const file of fs.readdirSync(to)) if (!fresh.has(file)) fs.rmSync(path.join(to, file), { recursive: true, force: true });
    } else {
      fs.renameSync(from, to);
    }
  }
}

export const discardStaging = (staging: string) => fs.rmSync(staging, { recursive: true, force: true });

/**
 * What a step is writing (a file or a folder), removed if the process exits before the step is
 * done with it, an interrupt included (Remotion exits on SIGINT without unwinding): nothing
 * half-written is ever left. `remove` removes it now; `keep` lets it stay.
 */
export function removedOnExit(target: string): { remove(): void; keep(): void } {
  const entry = { target };
  if (!process.listeners('exit').includes(removeAtExit)) process.on('exit', removeAtExit);
  atExit.add(entry);
  const keep = () => void atExit.delete(entry);
  return {
    remove: () => {
      keep();
      discardStaging(target);
    },
    keep,
  };
}

/**
 * Everything removedOnExit holds now, removed by one exit listener: a render holds dozens at once
 * (scratch files, staging folders, the cache's links), more than Node allows listeners before it
 * warns of a leak.
 */
const atExit = new Set<{ target: string }>();
function removeAtExit(): void {
  for (const { target } of atExit) discardStaging(target);
}
