import { open } from 'node:fs/promises';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { FileError } from '../core/errors.js';

/**
 * Replaces a file's content all at once: write-file-atomic writes a temporary file in the same
 * directory, fsyncs it and renames it over the file, so a reader (or a run killed mid-write)
 * sees the old content or the new, never a mix. The directory is then fsynced so the rename
 * itself survives a crash.
 */
export async function writeFileAtomically(path: string, text: string): Promise<void> {
  try {
    await writeFileAtomic(path, text, { encoding: 'utf8', fsync: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' ? 'no such directory' : (error as Error).message;
    throw new FileError(`cannot write ${path}: ${why}`, 'check that the directory exists and is writable');
  }
  await syncDirectory(dirname(path));
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
    // Some file systems (and Windows) cannot fsync a directory; the rename is still atomic.
  }
}
