import { readFileSync } from 'node:fs';
import { CommanderError } from 'commander';
import { enGB } from 'date-fns/locale/en-GB';
import { EXIT } from '../core/errors.js';
import { buildEventIndex } from '../core/match.js';
import { isEmptyResult, runQuery } from '../core/query.js';
import { UsageError } from '../core/errors.js';
import { cleanInline } from '../render/sanitize.js';
import { formatIssue } from '../core/dataset-issue.js';
import { renderers } from '../render/renderers.js';
import { isKnownTimeZone, systemTimeZone, todayIn } from '../io/clock.js';
import { loadDatasets, resolveDatasetPaths } from '../io/dataset-files.js';
import type { CliIO } from './cli-io.js';
import { buildProgram, type QueryFlags } from './program.js';
import { reportError } from './report-error.js';
import { colourLevel, makeStyle, outputWidth } from './terminal.js';

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** The whole program as a function: arguments and a world in, an exit code out. */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  let exitCode: number = EXIT.ok;
  const debug = argv.includes('--debug');
  const program = buildProgram(packageVersion());
  program.exitOverride();
  program.configureOutput({
    writeOut: (s) => io.stdout.write(s),
    writeErr: (s) => io.stderr.write(s),
    outputError: (s, write) => write(`centenary: ${s.replace(/^error: /, '').trimEnd()} — see 'centenary --help'\n`),
  });
  program.action(async (flags: QueryFlags) => {
    exitCode = await runDefaultQuery(flags, io);
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    return reportError(error, io.stderr, debug);
  }
}

function resolveTimeZone(flag: string | undefined, io: CliIO): string {
  if (flag) return flag;
  const fromEnv = io.env['TZ']?.replace(/^:/, '');
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!isKnownTimeZone(fromEnv)) throw new UsageError(`TZ="${fromEnv}" is not an IANA time zone`, 'set TZ to a name such as Europe/Moscow or UTC, or pass --tz');
    return fromEnv;
  }
  return systemTimeZone();
}

async function runDefaultQuery(flags: QueryFlags, io: CliIO): Promise<number> {
  const timeZone = resolveTimeZone(flags.tz, io);
  const reference = flags.date ?? todayIn(timeZone, io.now());
  const tooFar = flags.years.find((n) => reference.year - n < 1);
  if (tooFar !== undefined) throw new UsageError(`${tooFar} years before ${reference.year} is before year 1`, 'use a smaller --years');
  const dataset = await loadDatasets(resolveDatasetPaths(flags.file, io.env));
  for (const warning of dataset.warnings) io.stderr.write(`${cleanInline(formatIssue(warning))}\n`);
  const index = buildEventIndex(dataset.events);
  const result = runQuery(index, {
    reference,
    years: flags.years,
    behind: flags.behind,
    ahead: flags.ahead,
    ongoing: flags.ongoing,
    month: flags.month,
  });
  if (flags.quiet && isEmptyResult(result)) return EXIT.ok;
  const render = renderers[flags.format];
  io.stdout.write(
    render(result, {
      style: flags.format === 'text' ? makeStyle(colourLevel(flags.color, io)) : makeStyle(0),
      width: outputWidth(io.stdout),
      oldStyle: flags.oldStyle,
      words: { locale: enGB },
      referenceIsToday: flags.date === undefined,
      timeZone,
    }),
  );
  return EXIT.ok;
}
