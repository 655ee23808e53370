/**
 * What the CLI does to the terminal it owns, set up once at start.
 */

const ANSI = /\u001b\[[0-9;]*m/g;
const CLOSED_TARGET = /^ProtocolError: Protocol error \([^)]*\): Target closed/;

/**
 * Remotion logs every browser call that fails because the browser went away (its tab-cycling
 * timer among them) as an error with its stack. talkreel notices a dead browser itself and says
 * so in one line (restarting it, or `browser-failed`): those logs only repeat it as a stack trace.
 * With TALKREEL_DEBUG set, everything is printed.
 */
export function quietClosedBrowserLogs(): void {
  if (process.env.TALKREEL_DEBUG) return;
  const print = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    const text = args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : String(a)).replace(ANSI, '')).join(' ');
    if (CLOSED_TARGET.test(text.trim())) return;
    print(...args);
  };
}

/** Output piped into a program that stops reading early (`| head`) is not a failed render. */
export function ignoreClosedStdout(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });
}
