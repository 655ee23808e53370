/**
 * Errors a user can act on. The CLI prints their code and message without a stack trace and exits
 * with `exitCode`: 1 for a bad deck or a failed render, 2 for bad usage (see README, "Exit codes").
 */
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

export const usageError = (message: string, code = 'usage') => new TalkreelError(code, message, 2);
