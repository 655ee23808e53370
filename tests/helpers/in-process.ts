import type { RenderSession } from '../../src/render/browser/session.js';
import { root, type CliResult } from './cli.js';

// Loaded at the first command: tests/setup.ts imports this file for every test file.
const cli = () => import('../../src/cli/main.js');

/** Sessions opened by `CommandRunner`s, closed after each test file (tests/setup.ts). */
const open = new Set<Promise<RenderSession>>();
/** One command at a time in this process: each sets the environment it was given. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * The `talkreel` command run in the test's own process (`runCli`, src/cli/main.ts): the same
 * argument parsing, library calls, printing and exit codes as `talkreel(args)`, without a Node.js
 * start and a browser start per render. The renders of one runner capture in one browser session,
 * as the renders of `talkreel render DIR` do. What only a process of its own shows (signals,
 * the built `dist/cli.js`, a browser's start and end) stays with `talkreel(args)`.
 */
export class CommandRunner {
  private session: Promise<RenderSession> | null = null;

  /**
   * `env` is set in process.env while each command runs, as `talkreel(args, env)` passes it. With
   * `shareBrowser: false` each render starts its own browser, as the command does: for renders
   * expected to stop before they bundle or start one.
   */
  constructor(private readonly env: NodeJS.ProcessEnv = {}, private readonly options: { shareBrowser?: boolean } = {}) {}

  /** Runs one command; a render captures in the runner's session (opened at its first render). */
  run(args: string[]): Promise<CliResult> {
    const next = queue.then(() => this.withEnv(async () => {
      const stdout: string[] = [];
      const stderr: string[] = [];
      const session = args[0] === 'render' && this.options.shareBrowser !== false ? await this.sessionOnce() : undefined;
      const code = await (await cli()).runCli(args, { stdout: { write: (s: string) => stdout.push(s) }, stderr: { write: (s: string) => stderr.push(s) }, session });
      return { code, stdout: stdout.join(''), stderr: stderr.join('') };
    }));
    queue = next.catch(() => {});
    return next;
  }

  private sessionOnce(): Promise<RenderSession> {
    if (!this.session) {
      this.session = import('../../src/render/browser/session.js').then(({ openSession }) => openSession());
      open.add(this.session);
    }
    return this.session;
  }

  private async withEnv<T>(work: () => Promise<T>): Promise<T> {
    // Paths on the command line are relative to the package root, as for `talkreel(args)`.
    if (process.cwd() !== root) throw new Error(`tests run from ${root}, not ${process.cwd()}`);
    const saved = Object.fromEntries(Object.keys(this.env).map((k) => [k, process.env[k]]));
    Object.assign(process.env, this.env);
    try {
      return await work();
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  }
}

/** Closes the sessions the file's runners opened. */
export async function closeSessions(): Promise<void> {
  const sessions = [...open];
  open.clear();
  await Promise.all(sessions.map(async (s) => (await s.catch(() => null))?.close()));
}
