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
