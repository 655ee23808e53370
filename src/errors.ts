/**
 * Errors a user can act on. The CLI prints their code and message without a stack trace and exits
 * with `exitCode`: 1 for a bad deck or a failed render, 2 for bad usage (see README, "Exit codes").
 */
/**
 * The error of a render stopped by its signal (Ctrl-C, SIGTERM, an aborted library call); `kept`
 * when the outputs of an earlier render were left in place.
 */
export const interrupted = (kept = false) => new TalkreelError('interrupted', kept ? 'render interrupted; earlier outputs were left as they were' : 'render interrupted', 1);

export class TalkreelError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
    this.name = 'TalkreelError';
  }
}

/**
 * `err` as an Error. Not every rejection is one: the WebSocket library Remotion talks to the
 * browser with rejects with an ErrorEvent (its `message` says what failed) when the browser's
 * DevTools socket refuses, and printing that object would say `[object Object]`.
 */
export function asError(err: unknown): Error {
  if (err instanceof Error) return err;
  const message = (err as { message?: unknown } | null)?.message;
  return new Error(typeof message === 'string' && message ? message : String(err));
}

export const usageError = (message: string, code = 'usage') => new TalkreelError(code, message, 2);
