import { EXIT } from '../core/errors.js';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Runs `work`, which changes `file`, so that Ctrl-C or a `kill` in the middle ends the run
 * cleanly: a message on stderr and exit 1 instead of a silent death by signal. Exiting runs the
 * exit hooks of write-file-atomic and proper-lockfile, which delete the unfinished temporary
 * file and release the lock; the file itself is replaced only by the final rename, so a write
 * cut short leaves it as it was. (SIGKILL cannot be caught: it leaves the temporary file and a
 * lock that turns stale, but the file is still whole.) Signals are process-wide, hence `process`.
 * `cleanUp` runs first, synchronously: the lock is released there, because proper-lockfile's own
 * exit hook (signal-exit 3) is bypassed while write-file-atomic's (signal-exit 4) is installed.
 */
export async function whileChanging<T>(file: string, work: () => Promise<T>, cleanUp?: () => void): Promise<T> {
  const stop = (signal: NodeJS.Signals) => {
    try {
      cleanUp?.();
    } catch {
      // Exiting matters more; a lock left behind turns stale and is taken over.
    }
    process.stderr.write(`centenary: stopped by ${signal} while changing ${file}; a write cut short is discarded, so the file is whole — run again\n`);
    process.exit(EXIT.failure);
  };
  for (const signal of SIGNALS) process.on(signal, stop);
  try {
    return await work();
  } finally {
    for (const signal of SIGNALS) process.off(signal, stop);
  }
}
