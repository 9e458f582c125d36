import { formatIssue } from '../core/dataset-issue.js';
import { CentenaryError, DataError, EXIT } from '../core/errors.js';
import { cleanInline } from '../render/sanitize.js';
import type { OutputStream } from './cli-io.js';

/** The one sink for errors: `centenary: <what went wrong> — <what to do>`, and the exit code. */
export function reportError(error: unknown, stderr: OutputStream, debug: boolean): number {
  if (error instanceof DataError) {
    for (const issue of error.issues) stderr.write(`${cleanInline(formatIssue(issue))}\n`);
  }
  if (error instanceof CentenaryError) {
    stderr.write(`centenary: ${cleanInline(error.message)}${error.hint ? ` — ${cleanInline(error.hint)}` : ''}\n`);
    if (debug && error.stack) stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  stderr.write(`centenary: unexpected error: ${cleanInline(message)} — please report it; run with --debug for details\n`);
  if (debug && error instanceof Error && error.stack) stderr.write(`${error.stack}\n`);
  return EXIT.failure;
}
