import { type Command, Option } from 'commander';
import type { CalendarDate } from '../../core/calendar.js';
import { formatIssue } from '../../core/dataset-issue.js';
import { EXIT, UsageError } from '../../core/errors.js';
import { buildEventIndex } from '../../core/match.js';
import { isEmptyResult, runQuery } from '../../core/query.js';
import { FORMATS, type Format, renderers } from '../../render/renderers.js';
import type { Mailbox } from '../../render/context.js';
import { DEFAULT_LOCALE, LOCALE_NAMES, type LocaleName } from '../../render/locales.js';
import { cleanInline } from '../../render/sanitize.js';
import { isKnownTimeZone, systemTimeZone, todayIn } from '../../io/clock.js';
import { loadDatasets, resolveDatasetPaths } from '../../io/dataset-files.js';
import { collect, collectMailbox, parseDayArgument, parseMailboxArgument, parseDaysArgument, parseTimeZoneArgument, parseYearsArgument } from '../arguments.js';
import type { CliIO } from '../cli-io.js';
import { buildRenderContext, checkMailOptions } from '../render-context.js';

/** Options of the default query, as commander hands them over. */
export interface QueryFlags {
  readonly date?: CalendarDate;
  readonly years: number[];
  readonly tz?: string;
  readonly file: string[];
  readonly ahead: number;
  readonly behind: number;
  readonly ongoing: boolean;
  readonly month: boolean;
  readonly oldStyle: boolean;
  readonly format: Format;
  readonly quiet: boolean;
  readonly color?: boolean;
  readonly debug: boolean;
  readonly locale: LocaleName;
  readonly to: Mailbox[];
  readonly from?: Mailbox;
}

/** The options that choose data, day and span; shared by every command that queries. */
export function addDataOptions(command: Command): Command {
  return command
    .option('-f, --file <path>', 'dataset file (repeatable; files are merged)', collect, [])
    .option('-d, --date <YYYY-MM-DD>', 'reference day instead of today', parseDayArgument)
    .option('-y, --years <N[,N...]>', 'how many years back (a list is allowed)', parseYearsArgument, [100])
    .option('--tz <zone>', 'IANA time zone that decides "today" (default: $TZ, else the system zone)', parseTimeZoneArgument);
}

/** The default command's options: what happened N years ago today. */
export function addQueryOptions(command: Command): Command {
  return addDataOptions(command)
    .option('-A, --ahead <days>', 'also show this many days after the reference day', parseDaysArgument, 0)
    .option('-B, --behind <days>', 'also show this many days before the reference day', parseDaysArgument, 0)
    .option('--ongoing', 'show multi-day events on every day they span, not just the first and last', false)
    .option('-m, --month', 'list the whole month N years back, including events known only to the month', false)
    .option('--old-style', 'show the Old Style (Julian) equivalent of every date', false)
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('text'))
    .addOption(new Option('--locale <locale>', 'language of dates, month and weekday names').choices(LOCALE_NAMES).default(DEFAULT_LOCALE))
    .option('--to <address>', 'recipient of --format email (repeatable)', collectMailbox, [])
    .option('--from <address>', 'sender of --format email', parseMailboxArgument)
    .option('-q, --quiet', 'print nothing when nothing matched (for cron)', false)
    .option('--color', 'force colour')
    .option('--no-color', 'never colour')
    .option('--debug', 'show stack traces for errors', false);
}

/** The zone that decides "today": --tz, else TZ (a leading ':' as glibc allows), else the system's. */
export function resolveTimeZone(flag: string | undefined, io: CliIO): string {
  if (flag) return flag;
  const fromEnv = io.env['TZ']?.replace(/^:/, '');
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!isKnownTimeZone(fromEnv)) throw new UsageError(`TZ="${fromEnv}" is not an IANA time zone`, 'set TZ to a name such as Europe/Moscow or UTC, or pass --tz');
    return fromEnv;
  }
  return systemTimeZone();
}

export async function runQueryCommand(flags: QueryFlags, io: CliIO): Promise<number> {
  checkMailOptions(flags);
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
  io.stdout.write(render(result, buildRenderContext(flags, io, timeZone, flags.date === undefined)));
  return EXIT.ok;
}
