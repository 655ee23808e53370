import { spawn } from 'node:child_process';
import fs from 'node:fs';
import readline from 'node:readline';

/**
 * Starts `talkreel watch --video` on `deck`, waits for its first render, then writes each of
 * `versions` into the deck file in turn and times how long the re-render takes, from the write
 * to the line that reports it (the file watcher's delay and the debounce included).
 */
export async function watchEdits(node: string, bin: string, deck: string, versions: string[], args: string[], env: NodeJS.ProcessEnv): Promise<number[]> {
  const child = spawn(node, [bin, 'watch', deck, '--video', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  // Lines are buffered until asked for: several can come in one read.
  const lines = readline.createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  const next = async (pattern: RegExp): Promise<string> => {
    for (;;) {
      const { value, done } = await lines.next();
      if (done) throw new Error(`talkreel watch ended:\n${stderr.slice(-2000)}`);
      if (pattern.test(value)) return value;
      if (value.startsWith('failed')) throw new Error(value);
    }
  };
  try {
    await next(/^rendered \d+ slides in /);
    await next(/^watching /);
    const seconds: number[] = [];
    for (const version of versions) {
      const reported = next(/^changed: /);
      const started = performance.now();
      fs.writeFileSync(deck, version);
      const line = await reported;
      if (/no slide/.test(line)) throw new Error(`the edit changed no slide: ${line}`);
      seconds.push((performance.now() - started) / 1000);
    }
    return seconds;
  } finally {
    child.kill('SIGINT');
    await closed;
  }
}
