import type { RenderSession } from '../render/browser/session.js';

/** Where the command prints: the process's streams, or a caller's. */
export interface CliOutput {
  write(text: string): unknown;
  /** A terminal gets progress bars; anything else one plain line per phase. */
  isTTY?: boolean;
}

export interface CliContext {
  stdout: CliOutput;
  stderr: CliOutput;
  /**
   * A browser session renders capture in instead of starting their own: for a caller that runs
   * several commands in one process. The command line cannot give one.
   */
  session?: RenderSession;
}

export const processContext = (): CliContext => ({ stdout: process.stdout, stderr: process.stderr });
