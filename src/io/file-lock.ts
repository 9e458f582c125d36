import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import lockfile from 'proper-lockfile';
import { FileError } from '../core/errors.js';
import { fileErrorReason, readTextIfExists, writeFileAtomically } from './atomic-file.js';
import { whileChanging } from './interruption.js';

/** How long a lock may go without being refreshed before another run may take it (a crashed holder). */
const STALE_MS = 10_000;
/** Waits for a lock held by another run up to about 25 s (a back-off of 20–600 ms): longer than a stale lock lives. */
const LOCK_RETRIES = 80;

/**
 * Runs `work` while holding an exclusive lock on `path`, so that two centenary runs changing
 * the same file take turns instead of one overwriting the other. proper-lockfile keeps the lock
 * as a directory `PATH.lock` (mkdir is atomic, also on network file systems), refreshes it while
 * held and treats it as stale after STALE_MS, so a run killed with SIGKILL blocks others only
 * briefly. The file itself need not exist yet.
 */
export async function withFileLock<T>(path: string, work: () => Promise<T>): Promise<T> {
  let compromised: Error | undefined;
  let release: () => Promise<void>;
  // Fail at once rather than after every retry when the file cannot be there at all.
  const dir = await stat(dirname(path)).catch(() => undefined);
  if (!dir?.isDirectory()) throw new FileError(`cannot lock ${path}: its directory does not exist`, 'check the path');
  // Only a lock held by another run is worth waiting for: proper-lockfile would also retry a
  // read-only or full disk for the whole wait, so its retries are off and the waiting is here.
  for (let attempt = 0; ; attempt++) {
    try {
      release = await lockfile.lock(path, {
        realpath: false,
        stale: STALE_MS,
        retries: 0,
        onCompromised: (error) => {
          compromised = error;
        },
      });
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ELOCKED' && attempt < LOCK_RETRIES) {
        await new Promise((resolve) => setTimeout(resolve, Math.min(20 * 1.3 ** attempt, 300) * (1 + Math.random())));
        continue;
      }
      if (code === 'ELOCKED') {
        throw new FileError(`${path} is being changed by another centenary run`, `try again; if no other run is going on, remove ${path}.lock`);
      }
      throw new FileError(`cannot lock ${path}: ${fileErrorReason(error)}`, 'check the path and that its directory is writable; nothing was changed');
    }
  }
  try {
    const result = await whileChanging(path, work, () => lockfile.unlockSync(path, { realpath: false }));
    if (compromised) throw new FileError(`the lock on ${path} was lost while changing it: ${compromised.message}`, 'run again');
    return result;
  } finally {
    await release().catch(() => undefined);
  }
}

/**
 * Read–change–write of one file under its lock, the write atomic. `change` returns the new text,
 * or undefined to leave the file as it is. Returns whether the file was written.
 */
export async function updateFileLocked(file: string, change: (existing: string | undefined) => string | undefined): Promise<boolean> {
  return withFileLock(file, async () => {
    const next = change(await readTextIfExists(file));
    if (next === undefined) return false;
    await writeFileAtomically(file, next);
    return true;
  });
}
