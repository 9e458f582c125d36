import { BUNDLED_DATASET } from './package-files.js';

/** --file wins, then $CENTENARY_EVENTS (several paths separated by the platform's path delimiter), then the bundled file. */
export function resolveDatasetPaths(files: readonly string[], env: Readonly<Record<string, string | undefined>>): string[] {
  if (files.length > 0) return [...files];
  const fromEnv = env['CENTENARY_EVENTS'];
  if (fromEnv !== undefined && fromEnv.trim() !== '') {
    return fromEnv.split(process.platform === 'win32' ? ';' : ':').filter((p) => p !== '');
  }
  return [BUNDLED_DATASET];
}
