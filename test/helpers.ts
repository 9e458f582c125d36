import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { run } from '../src/cli/run.js';
import type { CliIO } from '../src/cli/cli-io.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BIN = fileURLToPath(new URL('../bin/centenary.js', import.meta.url));
export const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

export interface Outcome {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
}

/** Runs the built CLI as a user would, in a bare environment: no terminal, UTC, nothing inherited. */
export function cli(args: readonly string[], env: Record<string, string> = {}): Outcome {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', TZ: 'UTC', ...env },
    cwd: ROOT,
  });
  return { stdout: result.stdout, stderr: result.stderr, code: result.status ?? -1 };
}

/** Runs the program in-process with fake streams and a fixed clock. */
export async function runInProcess(
  args: readonly string[],
  options: { env?: Record<string, string>; now?: number; tty?: boolean; columns?: number } = {},
): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: { write: (s: string) => (stdout += s), isTTY: options.tty ?? false, columns: options.columns ?? 80 },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    env: options.env ?? { TZ: 'UTC' },
    now: () => options.now ?? Date.UTC(2026, 10, 26, 12, 0, 0),
  };
  const code = await run(args, io);
  return { stdout, stderr, code };
}
