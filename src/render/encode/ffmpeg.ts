import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { RenderInternals } from '@remotion/renderer';

/**
 * Remotion's own ffmpeg and ffprobe (shipped in its compositor package): no system install.
 * Looked up once: Remotion's lookup asks Node for a full process report (to tell glibc from musl),
 * which blocks for tens of milliseconds, and a render runs ffmpeg dozens of times.
 */
const executable = (type: 'ffmpeg' | 'ffprobe') => {
  let found: string | null = null;
  return () => (found ??= RenderInternals.getExecutablePath({ type, indent: false, logLevel: 'error', binariesDirectory: null }));
};
export const ffmpegPath = executable('ffmpeg');
export const ffprobePath = executable('ffprobe');

/** ffmpeg's flags for a run that prints only errors, reads nothing from the terminal and overwrites its output. */
export const quiet = ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y'];

export interface RunOptions {
  /** Written to the process's standard input, then closed; if it throws, the process is killed. */
  input?: AsyncIterable<Buffer> | Iterable<Buffer>;
  signal?: AbortSignal;
  /** Told each piece of standard output as it comes (it is still returned at the end). */
  onStdout?: (chunk: Buffer) => void;
  /** Told each piece of standard error as it comes. */
  onStderr?: (chunk: Buffer) => void;
}

let setpriv: string | null | undefined;

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const file = path.join(dir || '.', name);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      if (fs.statSync(file).isFile()) return file;
    } catch {
      // not in this folder
    }
  }
  return null;
}

/**
 * `[command, args]` that start `binary` so that it is killed when this process dies, even by
 * SIGKILL (Linux `setpriv --pdeathsig`, as Remotion starts the browser): no orphaned ffmpeg.
 */
function dieWithParent(binary: string, args: string[]): [string, string[]] {
  // Looked up on PATH here: asking a shell (`command -v`) costs a process start of its own.
  setpriv ??= process.platform === 'linux' ? onPath('setpriv') : null;
  return setpriv ? [setpriv, ['--pdeathsig', 'SIGKILL', '--', binary, ...args]] : [binary, args];
}

/**
 * glibc hands ffmpeg's large buffers out as fresh memory maps by default, and the concat demuxer
 * allocates and frees megabytes for every file it opens. Fresh pages are zeroed by the kernel on
 * first touch: measured here, joining 262 segments took 1.4 s or, at random, 7-10 s with 40-50
 * times the page faults. Serving large buffers from the heap (and keeping freed memory) makes it
 * 1.4-1.7 s every time; encoding speed is unchanged.
 */
const MALLOC = 'glibc.malloc.mmap_threshold=268435456:glibc.malloc.trim_threshold=1073741824';
const environment = () => ({ ...process.env, GLIBC_TUNABLES: [process.env.GLIBC_TUNABLES, MALLOC].filter(Boolean).join(':') });

/** Runs a binary; resolves with its stdout, rejects with its stderr on a non-zero exit. */
export function run(binary: string, args: string[], options: RunOptions = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const [command, commandArgs] = dieWithParent(binary, args);
    const child = spawn(command, commandArgs, { cwd: path.dirname(binary), env: environment(), stdio: ['pipe', 'pipe', 'pipe'], signal: options.signal });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => {
      out.push(d);
      options.onStdout?.(d);
    });
    child.stderr.on('data', (d: Buffer) => {
      err.push(d);
      options.onStderr?.(d);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new Error(`${path.basename(binary)} exited with ${code}: ${Buffer.concat(err).toString().trim().split('\n').slice(-3).join(' / ')}`));
    });
    child.stdin.on('error', () => {}); // the process may exit before reading everything; its exit code tells
    // Each chunk is written out before the next is asked for: a producer may reuse its buffer
    // (a write error is not one: the exit code tells). When the producer fails, the process is
    // ended: it would wait for the rest forever.
    void (async () => {
      if (options.input) for await (const chunk of options.input) await new Promise<void>((written) => child.stdin.write(chunk, () => written()));
      child.stdin.end();
    })().catch((err: unknown) => {
      reject(err);
      child.kill('SIGKILL');
    });
  });
}

/** Reads ffmpeg's `-progress` lines and reports the seconds of output written so far. */
export function progressReader(onSeconds: (seconds: number) => void): (chunk: Buffer) => void {
  let rest = '';
  return (chunk) => {
    const lines = (rest + chunk.toString()).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      const m = /^out_time_us=(\d+)/.exec(line);
      if (m) onSeconds(Number(m[1]) / 1e6);
    }
  };
}
