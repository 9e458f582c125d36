import { open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { FileError } from '../core/errors.js';
import { whileChanging } from './interruption.js';

/** Why a file operation failed, in words, for the codes a person can do something about. */
export function fileErrorReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'its directory does not exist';
  if (code === 'ENOTDIR') return 'a part of its path is not a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'the file system is read-only';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'ENOSPC') return 'no space left on the device';
  if (code === 'EDQUOT') return 'the disk quota is used up';
  return (error as Error).message;
}

/** What to do about a failed write; the old file is never touched by one. */
function writeHint(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const what =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? 'free some space and run again'
      : code === 'EROFS'
        ? 'write to a writable file system'
        : 'check the path and that the directory is writable';
  return `${what}; the old file, if any, is unchanged`;
}

/**
 * Writes a whole file or nothing: the text goes to a temporary file in the same directory,
 * fsynced, which is then renamed over the old one (write-file-atomic). A reader — or a run
 * killed mid-write — sees the old file or the new one, never half of one, and a failed run
 * leaves the old file in place. The directory is fsynced too, so the rename survives a crash.
 */
export async function writeFileAtomically(file: string, text: string): Promise<void> {
  await whileChanging(file, async () => {
    try {
      await writeFileAtomic(file, text, { encoding: 'utf8', fsync: true });
    } catch (error) {
      throw new FileError(`cannot write ${file}: ${fileErrorReason(error)}`, writeHint(error));
    }
  });
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
    throw new FileError(`cannot read ${file}: ${fileErrorReason(error)}`, 'check the path and its permissions');
  }
}
