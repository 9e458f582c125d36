import lockfile from 'proper-lockfile';
import { FileError } from '../core/errors.js';
import { readTextIfExists, writeFileAtomically } from './atomic-file.js';

/**
 * How long a run waits for another one holding the lock: retries with back-off for about
 * 20 seconds, far longer than an update takes. A lock left by a crashed run counts as stale
 * after 30 seconds without its holder refreshing it, and is taken over.
 */
const LOCK_OPTIONS = {
  stale: 30_000,
  realpath: false,
  retries: { retries: 60, factor: 1.2, minTimeout: 25, maxTimeout: 500, randomize: true },
} as const;

/**
 * Runs `work` while holding `FILE.lock` (proper-lockfile: a directory created atomically beside
 * the file, so it works on every local file system and over NFS), so that two runs at the same
 * moment take turns instead of losing each other's changes.
 */
export async function withFileLock<T>(file: string, work: () => Promise<T>): Promise<T> {
  let compromised: Error | undefined;
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(file, {
      ...LOCK_OPTIONS,
      onCompromised: (error) => {
        compromised = error;
      },
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOCKED') {
      throw new FileError(`${file} is being updated by another run (locked by ${file}.lock)`, `run again later; if no other centenary is running, remove ${file}.lock`);
    }
    throw new FileError(`cannot lock ${file}: ${(error as Error).message}`, 'check that its directory exists and is writable');
  }
  try {
    const result = await work();
    if (compromised) throw new FileError(`the lock on ${file} was lost while updating it: ${compromised.message}`, 'run again');
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
