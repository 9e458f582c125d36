import { promises as fs } from 'node:fs';
import { join } from 'node:path';

/** $CENTENARY_CACHE_DIR, else $XDG_CACHE_HOME/centenary, else ~/.cache/centenary; none without a home. */
export function resolveCacheRoot(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const explicit = env['CENTENARY_CACHE_DIR'];
  if (explicit) return explicit;
  const xdg = env['XDG_CACHE_HOME'];
  if (xdg && xdg.startsWith('/')) return join(xdg, 'centenary');
  const home = env['HOME'];
  return home ? join(home, '.cache', 'centenary') : undefined;
}

/**
 * Writes a file of the cache whole or not at all: under a temporary name beside it, then renamed
 * over it, so that a reader sees the old file or the new one. No fsync, unlike a user's files
 * (atomic-file.ts): a cache file lost in a crash is noticed by its checksum and made again.
 */
export async function writeCacheFile(file: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
  try {
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, file);
  } catch (error) {
    await fs.rm(tmp, { force: true });
    throw error;
  }
}
