import fs from 'node:fs';

/** Process information read from /proc, for tests that check which processes run or are left. */

export const readProc = (pid: number, file: string): string => {
  try {
    return fs.readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return ''; // the process ended while we looked
  }
};

export const allPids = (): number[] => fs.readdirSync('/proc').filter((n) => /^\d+$/.test(n)).map(Number);

export const parentOf = (pid: number): number => Number(readProc(pid, 'stat').replace(/^.*\) /s, '').split(' ')[1]);

/** The command line with spaces for NULs (Chromium rewrites its helpers' into one line anyway). */
export const cmdline = (pid: number): string => readProc(pid, 'cmdline').replace(/\0/g, ' ');

/** Running, zombies excluded: they run nothing. */
export const isRunning = (pid: number): boolean => {
  const status = readProc(pid, 'status');
  return status !== '' && !/^State:\s+Z/m.test(status);
};

/** Every process descending from `root` (not `root` itself). */
export function descendants(root: number): number[] {
  const parents = new Map(allPids().map((pid) => [pid, parentOf(pid)]));
  const under = (pid: number): boolean => {
    for (let p = parents.get(pid); p !== undefined && p > 1; p = parents.get(p)) if (p === root) return true;
    return false;
  };
  return [...parents.keys()].filter(under);
}

/** Running processes (this one excluded) whose command line mentions `needle`, as `pid command`. */
export const processesMentioning = (needle: string): string[] =>
  allPids()
    .filter((pid) => pid !== process.pid && cmdline(pid).includes(needle) && isRunning(pid))
    .map((pid) => `${pid} ${cmdline(pid).slice(0, 200)}`);

/** Waits (at most 5 s, for the kernel to deliver parent-death signals) until none mention `needle`. */
export async function leftoverProcesses(needle: string): Promise<string[]> {
  for (let i = 0; i < 50 && processesMentioning(needle).length > 0; i++) await new Promise((r) => setTimeout(r, 100));
  return processesMentioning(needle);
}
