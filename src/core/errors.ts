import type { LocatedIssue } from './dataset-issue.js';

/** Exit codes, documented in the README. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Base of every error meant for the user: a message and what to do about it. */
export class CentenaryError extends Error {
  readonly exitCode: ExitCode = EXIT.failure;
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A bad command line: unknown option, bad value. Exit 2. */
export class UsageError extends CentenaryError {
  override readonly exitCode = EXIT.usage;
}

/** A dataset (or config) that cannot be used; carries every problem found. Exit 1. */
export class DataError extends CentenaryError {
  constructor(
    message: string,
    readonly issues: readonly LocatedIssue[],
    hint?: string,
  ) {
    super(message, hint);
  }
}

/** A file that cannot be read or written. Exit 1. */
export class FileError extends CentenaryError {}
