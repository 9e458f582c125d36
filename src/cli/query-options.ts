import { ANNIVERSARY_RULES } from '../core/match.js';
import { DEFAULT_LOCALE, LOCALE_NAMES } from '../render/locales.js';
import { FORMATS } from '../render/renderers.js';
import { collect, collectMailbox, parseDayArgument, parseDaysArgument, parseMailboxArgument, parseTimeZoneArgument, parseYearsArgument } from './arguments.js';
import type { Mailbox } from '../render/context.js';
import type { OptionSpec } from './option-spec.js';

/** --old-style, the same for every command that renders dates. */
export const OLD_STYLE: OptionSpec = {
  flags: '--old-style [when]',
  description: 'show Old Style (Julian) equivalents: where they mean something (auto), or for every date (always)',
  choices: ['auto', 'always'],
  preset: 'auto',
};

/** The options that choose data, day and span; shared by every command that queries. */
export const DATA_OPTIONS: readonly OptionSpec[] = [
  { flags: '-f, --file <path>', description: 'dataset file (repeatable; files are merged)', parse: (v, p) => collect(v, p as string[]), defaultValue: [] },
  { flags: '-d, --date <YYYY-MM-DD>', description: 'reference day instead of today', parse: parseDayArgument },
  { flags: '-y, --years <N[,N...]>', description: 'how many years back (a list is allowed)', parse: parseYearsArgument, defaultValue: [100] },
  { flags: '--tz <zone>', description: 'IANA time zone that decides "today" (default: $TZ, else the system zone)', parse: parseTimeZoneArgument },
];

export const FORMAT: OptionSpec = { flags: '--format <format>', description: 'output format', choices: FORMATS, defaultValue: 'text' };
export const LOCALE: OptionSpec = { flags: '--locale <locale>', description: 'language of dates, month and weekday names', choices: LOCALE_NAMES, defaultValue: DEFAULT_LOCALE };
export const MAIL_TO: OptionSpec = { flags: '--to <address>', description: 'recipient of --format email (repeatable)', parse: (v, p) => collectMailbox(v, p as Mailbox[]), defaultValue: [] };
export const MAIL_FROM: OptionSpec = { flags: '--from <address>', description: 'sender of --format email', parse: parseMailboxArgument };
export const COLOUR: readonly OptionSpec[] = [
  { flags: '--color', description: 'force colour' },
  { flags: '--no-color', description: 'never colour' },
];
export const DEBUG: OptionSpec = { flags: '--debug', description: 'show stack traces for errors', defaultValue: false };

/** The default command's options: what happened N years ago today. */
export const QUERY_OPTIONS: readonly OptionSpec[] = [
  ...DATA_OPTIONS,
  { flags: '-A, --ahead <days>', description: 'also show this many days after the reference day', parse: parseDaysArgument, defaultValue: 0 },
  { flags: '-B, --behind <days>', description: 'also show this many days before the reference day', parse: parseDaysArgument, defaultValue: 0 },
  { flags: '--ongoing', description: 'show multi-day events on every day they span, not just the first and last', defaultValue: false },
  { flags: '-m, --month', description: 'list the whole month N years back, including events known only to the month', defaultValue: false },
  OLD_STYLE,
  {
    flags: '--old-style-anniversary <rule>',
    description: 'Old Style events: elapsed (true date) or nominal (same O.S. day and month)',
    choices: ANNIVERSARY_RULES,
    defaultValue: 'elapsed',
  },
  { flags: '--calendar <calendar>', description: 'the calendar --date is written in (julian for Old Style)', choices: ['gregorian', 'julian'] },
  FORMAT,
  LOCALE,
  MAIL_TO,
  MAIL_FROM,
  { flags: '-q, --quiet', description: 'print nothing when nothing matched (for cron)', defaultValue: false },
  ...COLOUR,
  { flags: '--no-cache', description: 'read the datasets whole instead of through the prepared index in the cache directory' },
  DEBUG,
];
