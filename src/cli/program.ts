import { Command, Option } from 'commander';
import type { CalendarDate } from '../core/calendar.js';
import { FORMATS, type Format } from '../render/renderers.js';
import { collect, parseDayArgument, parseDaysArgument, parseTimeZoneArgument, parseYearsArgument } from './arguments.js';

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
}

const EXAMPLES = `
Examples:
  centenary                          what happened 100 years ago today
  centenary --date 2017-11-07        100 years before 7 November 2017 (the October Revolution)
  centenary --years 50,100,150       several spans at once
  centenary -B 3 -A 3                the week around today, grouped by day
  centenary --month                  this month 100 years ago, events known only to the month included
  centenary --old-style              every date with its Old Style (Julian) equivalent
  centenary --format json | jq .     a stable JSON document for scripts
  TZ=Europe/Moscow centenary -q      for cron: Moscow's day, and silence when there is no news

Exit codes: 0 success, 1 failure or bad data, 2 bad usage.
Data: --file, else $CENTENARY_EVENTS, else the bundled events.json.`;

/** Every command and option, declared once; --help is generated from here. */
export function buildProgram(version: string): Command {
  const program = new Command('centenary')
    .description('What happened N years ago today: historical anniversaries, with Old Style dates done right.')
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .option('-d, --date <YYYY-MM-DD>', 'reference day instead of today', parseDayArgument)
    .option('-y, --years <N[,N...]>', 'how many years back (a list is allowed)', parseYearsArgument, [100])
    .option('--tz <zone>', 'IANA time zone that decides "today" (default: $TZ, else the system zone)', parseTimeZoneArgument)
    .option('-f, --file <path>', 'dataset file (repeatable; files are merged)', collect, [])
    .option('-A, --ahead <days>', 'also show this many days after the reference day', parseDaysArgument, 0)
    .option('-B, --behind <days>', 'also show this many days before the reference day', parseDaysArgument, 0)
    .option('--ongoing', 'show multi-day events on every day they span, not just the first and last', false)
    .option('-m, --month', 'list the whole month N years back, including events known only to the month', false)
    .option('--old-style', 'show the Old Style (Julian) equivalent of every date', false)
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('text'))
    .option('-q, --quiet', 'print nothing when nothing matched (for cron)', false)
    .option('--color', 'force colour')
    .option('--no-color', 'never colour')
    .option('--debug', 'show stack traces for errors', false)
    .addHelpText('after', EXAMPLES)
    .showSuggestionAfterError(true)
    .allowExcessArguments(false);
  return program;
}
