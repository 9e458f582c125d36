import { existsSync, unlinkSync } from 'node:fs';
import { open, readFile, rename, rm } from 'node:fs/promises';
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
 * Writes a whole file or nothing. The text is first made durable under a staging name beside the
 * file (write-file-atomic: a temporary file, fsynced, renamed), then renamed over the file. A
 * reader — or a run killed mid-write — sees the old file or the new one, never half of one, and a
 * failed run leaves the old file in place. If the file existed when the write began and someone
 * removed it meanwhile, the write stops with an error instead of bringing back what was deleted.
 * The directory is fsynced too, so the rename survives a crash.
 */
export async function writeFileAtomically(file: string, text: string): Promise<void> {
  const existed = existsSync(file);
  const staging = `${file}.${process.pid}-${Math.random().toString(36).slice(2, 10)}.new`;
  const discard = () => {
    try {
      unlinkSync(staging);
    } catch {
      // not there (yet): nothing to discard
    }
  };
  // A run stopped by a signal exits through process.exit (see whileChanging): discard the
  // staging file then, as write-file-atomic discards its own temporary file.
  process.on('exit', discard);
  try {
    await whileChanging(file, async () => {
      try {
        await writeFileAtomic(staging, text, { encoding: 'utf8', fsync: true });
        if (existed && !existsSync(file)) {
          await rm(staging, { force: true });
          throw new FileError(`${file} was removed while this run was writing it; nothing was written`, 'run again if it should be created anew');
        }
        await rename(staging, file);
      } catch (error) {
        await rm(staging, { force: true });
        if (error instanceof FileError) throw error;
        throw new FileError(`cannot write ${file}: ${fileErrorReason(error)}`, writeHint(error));
      }
    });
  } finally {
    process.off('exit', discard);
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
    throw new FileError(`cannot read ${file}: ${fileErrorReason(error)}`, 'check the path and its permissions');
  }
}
