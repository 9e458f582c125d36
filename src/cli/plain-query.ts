import { type CliIO, type OutputStream, redirected } from './cli-io.js';
import { type QueryFlags, runQueryCommand } from './commands/query.js';
import { applyConfigDefaults } from './config-defaults.js';
import { QUERY_OPTIONS } from './query-options.js';
import { reportError } from './report-error.js';
import { readSimpleCommandLine } from './simple-command-line.js';

/**
 * The code of the plain-query bundle stands in for every module it leaves out (another format,
 * a locale, building the index) with one that throws this; the query then hands over.
 */
export const FULL_PROGRAM_NEEDED = 'CENTENARY_FULL_PROGRAM_NEEDED';

const isHandOver = (error: unknown) => (error as { code?: unknown } | null)?.code === FULL_PROGRAM_NEEDED;

/** Holds what is written until the answer is complete, keeping the stream's terminal facts. */
function buffered(stream: OutputStream): OutputStream & { readonly text: string[] } {
  const text: string[] = [];
  return { ...redirected(stream, (chunk) => text.push(chunk)), text };
}

/**
 * The daily query without commander: a command line of query options only, all valid, read
 * with the same option table commander is given (query-options.ts). Returns the exit code, or
 * undefined to hand the command line to the whole program (run.ts): for anything else — a
 * command, help, a mistake to explain — and whenever the plain-query bundle lacks a part the
 * answer needs. Output is held until the answer is complete, so a hand-over never prints twice.
 */
export async function runPlainQuery(argv: readonly string[], io: CliIO): Promise<number | undefined> {
  const plain = readSimpleCommandLine(argv, QUERY_OPTIONS);
  if (!plain) return undefined;
  const stdout = buffered(io.stdout);
  const stderr = buffered(io.stderr);
  let code: number;
  try {
    await applyConfigDefaults(io, {
      options: plain.options.map(({ spec, shape }) => ({ attribute: shape.attribute, choices: spec.choices, list: Array.isArray(spec.defaultValue) })),
      given: (name) => plain.given.has(name),
      set: (name, value) => {
        plain.values[name] = value;
      },
    });
    // The values are those commander would hand the action (a property test holds them equal).
    // Not `...io`: that would call the stdin getter, and creating process.stdin costs a query a millisecond.
    code = await runQueryCommand(plain.values as unknown as QueryFlags, { stdout, stderr, env: io.env, now: io.now });
  } catch (error) {
    if (isHandOver(error)) return undefined;
    code = reportError(error, stderr, plain.values['debug'] === true);
  }
  for (const chunk of stderr.text) io.stderr.write(chunk);
  for (const chunk of stdout.text) io.stdout.write(chunk);
  return code;
}
