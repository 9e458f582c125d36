import { type CalendarDate, type CalendarName, convertDate, formatIsoDate, isValidDate } from '../../core/calendar.js';
import { explainInvalidPartialDate } from '../../core/partial-date.js';
import { formatIssue } from '../../core/dataset-issue.js';
import { EXIT, UsageError } from '../../core/errors.js';
import { type AnniversaryRule, buildEventIndex } from '../../core/match.js';
import { type QueryOptions, isEmptyResult, queryNeeds, runQuery } from '../../core/query.js';
import { type Format, loadRenderer } from '../../render/renderers.js';
import type { Mailbox } from '../../render/context.js';
import type { LocaleName } from '../../render/locales.js';
import { cleanInline } from '../../render/sanitize.js';
import { isKnownTimeZone, systemTimeZone, todayIn } from '../../io/clock.js';
import { resolveDatasetPaths } from '../../io/dataset-paths.js';
import { loadForQuery, resolveCacheRoot } from '../../io/event-cache.js';
import type { CliIO } from '../cli-io.js';
import { buildRenderContext, checkMailOptions } from '../render-context.js';

/** Options of the default query (declared in query-options.ts), as commander hands them over. */
export interface QueryFlags {
  readonly date?: CalendarDate;
  readonly years: number[];
  readonly tz?: string;
  readonly file: string[];
  readonly ahead: number;
  readonly behind: number;
  readonly ongoing: boolean;
  readonly month: boolean;
  readonly oldStyle: boolean | 'auto' | 'always';
  readonly oldStyleAnniversary: AnniversaryRule;
  readonly calendar?: CalendarName;
  readonly format: Format;
  readonly quiet: boolean;
  readonly color?: boolean;
  readonly debug: boolean;
  readonly cache: boolean;
  readonly locale: LocaleName;
  readonly to: Mailbox[];
  readonly from?: Mailbox;
}

/**
 * The zone that decides "today": --tz, else TZ (a leading ':' as glibc allows), else undefined
 * for the system's own zone (named, with systemTimeZone, only where output shows the name).
 */
export function resolveTimeZone(flag: string | undefined, io: CliIO): string | undefined {
  if (flag) return flag;
  const fromEnv = io.env['TZ']?.replace(/^:/, '');
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!isKnownTimeZone(fromEnv)) throw new UsageError(`TZ="${fromEnv}" is not an IANA time zone`, 'set TZ to a name such as Europe/Moscow or UTC, or pass --tz');
    return fromEnv;
  }
  return undefined;
}

/** --date as given, read in --calendar; a day only the Julian calendar has (1900-02-29) needs --calendar julian. */
export function referenceDay(date: CalendarDate, calendar: CalendarName = 'gregorian'): CalendarDate {
  const asGiven: CalendarDate = { ...date, calendar };
  if (!isValidDate(asGiven)) {
    const why = explainInvalidPartialDate(date, calendar) ?? 'no such day';
    throw new UsageError(`${formatIsoDate(date)} is not a real date: ${why}`, calendar === 'gregorian' ? 'add --calendar julian for an Old Style date; see \'centenary --help\'' : "see 'centenary --help'");
  }
  return convertDate(asGiven, 'gregorian');
}

export async function runQueryCommand(flags: QueryFlags, io: CliIO): Promise<number> {
  checkMailOptions(flags);
  const timeZone = resolveTimeZone(flags.tz, io);
  const reference = flags.date ? referenceDay(flags.date, flags.calendar) : todayIn(timeZone, io.now());
  const tooFar = flags.years.find((n) => reference.year - n < 1);
  if (tooFar !== undefined) throw new UsageError(`${tooFar} years before ${reference.year} is before year 1`, 'use a smaller --years');
  const options: QueryOptions = {
    reference,
    years: flags.years,
    behind: flags.behind,
    ahead: flags.ahead,
    ongoing: flags.ongoing,
    month: flags.month,
    anniversary: flags.oldStyleAnniversary,
  };
  const cacheRoot = flags.cache ? resolveCacheRoot(io.env) : undefined;
  const paths = resolveDatasetPaths(flags.file, io.env);
  let dataset = await loadForQuery(paths, queryNeeds(options), cacheRoot);
  let result = runQuery(buildEventIndex(dataset.events), options);
  if (isEmptyResult(result) && !options.month && !flags.quiet) {
    // Nothing in the window: read the days around it too, for the nearest events.
    dataset = await dataset.widen(queryNeeds(options, true));
    result = runQuery(buildEventIndex(dataset.events), options);
  }
  if (flags.debug) io.stderr.write(`centenary: events from ${dataset.cache.source}${dataset.cache.reason ? ` (${dataset.cache.reason})` : ''}\n`);
  for (const warning of dataset.warnings) io.stderr.write(`${cleanInline(formatIssue(warning))}\n`);
  if (flags.quiet && isEmptyResult(result)) return EXIT.ok;
  const render = await loadRenderer(flags.format);
  // The system zone's name is asked of ICU only for formats that print it: text never does, and
  // ICU's start-up would be most of a cron run's cost.
  const zoneName = timeZone ?? (flags.format === 'text' ? 'local' : systemTimeZone());
  io.stdout.write(render(result, await buildRenderContext(flags, io, zoneName, flags.date === undefined)));
  return EXIT.ok;
}
