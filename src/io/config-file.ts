import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { type Config, validateConfig } from '../core/config.js';
import { DataError } from '../core/errors.js';
import { isKnownTimeZone } from './clock.js';

type Env = Readonly<Record<string, string | undefined>>;

/** `$XDG_CONFIG_HOME/centenary/config.json`, else `~/.config/centenary/config.json` (XDG Base Directory spec). */
export function configPath(env: Env): string | undefined {
  const xdg = env['XDG_CONFIG_HOME'];
  // The spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
  if (xdg !== undefined && xdg !== '' && isAbsolute(xdg)) return join(xdg, 'centenary', 'config.json');
  const home = env['HOME'];
  return home ? join(home, '.config', 'centenary', 'config.json') : undefined;
}

/** "~/x" and paths relative to the config file's own directory become absolute. */
function resolveFile(file: string, base: string, env: Env): string {
  const home = env['HOME'];
  if ((file === '~' || file.startsWith('~/')) && home) return join(home, file.slice(2));
  return resolve(base, file);
}

/**
 * Reads the config file, if there is one. A bad one is reported like bad data: every problem
 * with file, line and column, and a DataError (exit 1).
 */
export async function loadConfig(env: Env, known: { readonly formats: readonly string[]; readonly locales: readonly string[] }): Promise<Config> {
  const path = configPath(env);
  if (!path) return {};
  // Most people have no config file: asking is cheaper than a failed read, for which Node
  // builds an error, with its stack, to say the file is not there.
  if (!existsSync(path)) return {};
  let text: string;
  try {
    // Read synchronously: a query must not load node:fs/promises just to find that there is no config.
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return {};
    throw new DataError(`cannot read the config file ${path}: ${(error as Error).message}`, [], 'fix its permissions, or remove it');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    const { findSyntaxErrors } = await import('../core/json-location.js');
    throw badConfig(path, findSyntaxErrors(text, path));
  }
  const { config, issues } = validateConfig(parsed, { isTimeZone: isKnownTimeZone, ...known });
  if (!config) throw badConfig(path, (await import('../core/json-location.js')).locateIssues(text, path, issues));
  return config.files ? { ...config, files: config.files.map((f) => resolveFile(f, dirname(path), env)) } : config;
}

function badConfig(path: string, issues: ConstructorParameters<typeof DataError>[1]): DataError {
  return new DataError(`${issues.length} ${issues.length === 1 ? 'problem' : 'problems'} in the config file ${path}; nothing was done`, issues, 'fix the config file (or move it away)');
}
