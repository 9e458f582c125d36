import { type Command, Option } from 'commander';
import { InvalidArgumentError } from './invalid-argument.js';
import type { CalendarDate } from '../core/calendar.js';
import { EXIT, UsageError } from '../core/errors.js';
import { type EventFilter, filterEvents } from '../core/event-filter.js';
import { foldedWords } from '../core/fold-text.js';
import { explainInvalidPartialDate, julianDayRange, parsePartialDate } from '../core/partial-date.js';
import { fromJulianDay, toJulianDay } from '../core/calendar.js';
import { formatIssue } from '../core/dataset-issue.js';
import { resolveDatasetPaths } from '../io/dataset-paths.js';
import { renderList } from '../render/list-renderers.js';
import { FORMATS, type Format } from '../render/renderers.js';
import { cleanInline } from '../render/sanitize.js';
import { collect } from './arguments.js';
import type { CliIO } from './cli-io.js';
import { resolveTimeZone } from './commands/query.js';
import { DEFAULT_LOCALE, LOCALE_NAMES, type LocaleName, loadDateWords } from '../render/locales.js';
import { colourLevel, makeStyle, outputWidth } from './terminal.js';

export interface ListingFlags {
  readonly file: string[];
  readonly from?: CalendarDate;
  readonly to?: CalendarDate;
  readonly tag: string[];
  readonly kind: string[];
  readonly country: string[];
  readonly oldStyle: boolean;
  readonly format: Format;
  readonly locale: LocaleName;
  readonly color?: boolean;
}

/** `--from 1917`, `--from 1917-10`, `--from 1917-10-25`: the first (or, for --to, last) day it stands for. */
function boundParser(which: 'first' | 'last') {
  return (value: string): CalendarDate => {
    const date = parsePartialDate(value.trim());
    const why = date ? explainInvalidPartialDate(date, 'gregorian') : 'expected YYYY, YYYY-MM or YYYY-MM-DD';
    if (!date || why) throw new InvalidArgumentError(`"${value}" is not a date: ${why}.`);
    const [first, last] = julianDayRange(date, 'gregorian');
    return fromJulianDay(which === 'first' ? first : last, 'gregorian');
  };
}

function parseCountry(value: string, previous: string[] = []): string[] {
  if (!/^[A-Za-z]{2}$/.test(value)) throw new InvalidArgumentError(`expected an ISO 3166-1 alpha-2 code such as GB or RU; got "${value}".`);
  return [...previous, value.toUpperCase()];
}

/** The options search and list share: data, filters, output. */
export function addListingOptions(command: Command): Command {
  return command
    .option('-f, --file <path>', 'dataset file (repeatable; files are merged)', collect, [])
    .option('--from <date>', 'only events on or after this day (YYYY, YYYY-MM or YYYY-MM-DD, Gregorian)', boundParser('first'))
    .option('--to <date>', 'only events on or before this day (YYYY, YYYY-MM or YYYY-MM-DD, Gregorian)', boundParser('last'))
    .option('--tag <tag>', 'only events with this tag (repeatable: any of them)', collect, [])
    .option('--kind <kind>', 'only events of this kind: event, birth, death … (repeatable)', collect, [])
    .option('--country <code>', 'only events in this country, ISO 3166-1 alpha-2 (repeatable)', parseCountry, [])
    .option('--old-style', 'show the Old Style (Julian) equivalent of every date', false)
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('text'))
    .addOption(new Option('--locale <locale>', 'language of dates, month and weekday names').choices(LOCALE_NAMES).default(DEFAULT_LOCALE))
    .option('--color', 'force colour')
    .option('--no-color', 'never colour')
    .option('--debug', 'show stack traces for errors', false);
}

export async function runListing(words: readonly string[], flags: ListingFlags, io: CliIO): Promise<number> {
  if (flags.from && flags.to && toJulianDay(flags.to) < toJulianDay(flags.from)) {
    throw new UsageError('--to is before --from', 'give the earlier day to --from');
  }
  const timeZone = resolveTimeZone(undefined, io);
  const { loadDatasets } = await import('../io/dataset-files.js');
  const dataset = await loadDatasets(resolveDatasetPaths(flags.file, io.env));
  for (const warning of dataset.warnings) io.stderr.write(`${cleanInline(formatIssue(warning))}\n`);
  const filter: EventFilter = {
    words: words.flatMap(foldedWords),
    ...(flags.from ? { from: flags.from } : {}),
    ...(flags.to ? { to: flags.to } : {}),
    tags: flags.tag,
    kinds: flags.kind,
    countries: flags.country,
  };
  const list = filterEvents(dataset.events, filter);
  io.stdout.write(
    await renderList(flags.format, list, {
      style: await makeStyle(flags.format === 'text' ? colourLevel(flags.color, io) : 0),
      width: outputWidth(io.stdout),
      oldStyle: flags.oldStyle,
      words: await loadDateWords(flags.locale),
      referenceIsToday: false,
      timeZone: timeZone ?? 'local',
      now: io.now(),
    }),
  );
  return EXIT.ok;
}
