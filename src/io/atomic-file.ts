import { open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { FileError } from '../core/errors.js';

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'its directory does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'ENOSPC') return 'no space left on the device';
  return (error as Error).message;
}

/**
 * Writes a whole file or nothing: the text goes to a temporary file in the same directory,
 * fsynced, which is then renamed over the old one (write-file-atomic). A reader — or a run
 * killed mid-write — sees the old file or the new one, never half of one, and a failed run
 * leaves the old file in place. The directory is fsynced too, so the rename survives a crash.
 */
export async function writeFileAtomically(file: string, text: string): Promise<void> {
  try {
    await writeFileAtomic(file, text, { encoding: 'utf8', fsync: true });
  } catch (error) {
    throw new FileError(`cannot write ${file}: ${reason(error)}`, 'check the path and that the directory is writable; the old file, if any, is unchanged');
  }
  await syncDirectory(dirname(file));
}

async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some file systems cannot fsync a directory; the rename is still atomic.
  }
}

/** The text of a file, or undefined when there is none yet. */
export async function readTextIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new FileError(`cannot read ${file}: ${reason(error)}`, 'check the path and its permissions');
  }
}
