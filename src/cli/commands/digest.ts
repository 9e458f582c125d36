import type { Command } from 'commander';
import { InvalidArgumentError } from '../invalid-argument.js';
import type { CalendarDate } from '../../core/calendar.js';
import { formatIssue } from '../../core/dataset-issue.js';
import { EXIT, UsageError } from '../../core/errors.js';
import { allDatedMatches, buildEventIndex } from '../../core/match.js';
import { type QueryResult, isEmptyResult, runDigest } from '../../core/query.js';
import { writeFileAtomically } from '../../io/atomic-file.js';
import { systemTimeZone, todayIn } from '../../io/clock.js';
import { loadDatasets, resolveDatasetPaths } from '../../io/dataset-files.js';
import { updateFileLocked } from '../../io/file-lock.js';
import { mergeAtomFeed, renderAtomEntries } from '../../render/atom.js';
import { renderIcsEvents } from '../../render/ics.js';
import type { Mailbox } from '../../render/context.js';
import type { LocaleName } from '../../render/locales.js';
import { type Format, loadRenderer } from '../../render/renderers.js';
import { cleanInline } from '../../render/sanitize.js';
import { parseDaysArgument, parseUrlArgument } from '../arguments.js';
import type { CliIO } from '../cli-io.js';
import { buildRenderContext, checkMailOptions } from '../render-context.js';
import type { RegisterCommand } from './index.js';
import { resolveTimeZone } from './query.js';
import { addOptions, toCommanderOption } from '../commander-options.js';
import { COLOUR, DATA_OPTIONS, DEBUG, FORMAT, LOCALE, MAIL_FROM, MAIL_TO, OLD_STYLE } from '../query-options.js';

export interface DigestFlags {
  readonly date?: CalendarDate;
  readonly years: number[];
  readonly tz?: string;
  readonly file: string[];
  readonly week: boolean;
  readonly ahead?: number;
  readonly thisMonth: boolean;
  readonly all: boolean;
  readonly oldStyle: boolean | 'auto' | 'always';
  readonly format: Format;
  readonly locale: LocaleName;
  readonly to: Mailbox[];
  readonly from?: Mailbox;
  readonly output?: string;
  readonly feed?: string;
  readonly feedSize: number;
  readonly feedUrl?: string;
  readonly quiet: boolean;
  readonly color?: boolean;
  readonly debug: boolean;
}

const EXAMPLES = `
Examples:
  centenary digest                                   today's edition, as text
  centenary digest --week --this-month               with the week ahead and this month N years ago
  centenary digest --format html --output /var/www/centenary/index.html
  centenary digest --feed /var/www/centenary/feed.xml    add today's entry to a growing Atom feed
  centenary digest --format email --to you@example.org | sendmail -t
  centenary digest --format ics --all --output centenary.ics   every event, for a calendar app
  TZ=Europe/Moscow centenary digest --quiet          for cron: Moscow's day, silent when there is no news

stdout carries the edition unless --output or --feed is given. Exit codes: 0 success (also on an
empty day), 1 failure (the reason on stderr), 2 bad usage.`;

function parseFeedSize(value: string): number {
  if (!/^[0-9]+$/.test(value.trim()) || Number(value) < 1 || Number(value) > 10_000) {
    throw new InvalidArgumentError(`expected a number of entries from 1 to 10000; got "${value}".`);
  }
  return Number(value);
}

/** The reference day's own entry: the feed gets one entry per day, whatever the edition's window. */
function todayOnly(result: QueryResult): QueryResult {
  if (result.type !== 'days') return result;
  return { ...result, options: { ...result.options, ahead: 0, behind: 0 }, days: result.days.filter((d) => d.offset === 0), nearest: [] };
}

export async function runDigestCommand(flags: DigestFlags, io: CliIO): Promise<number> {
  checkMailOptions(flags);
  if (flags.all && flags.format !== 'ics') {
    throw new UsageError('--all makes a calendar of the whole dataset and needs --format ics', 'add --format ics, or leave out --all');
  }
  const timeZone = resolveTimeZone(flags.tz, io);
  const today = todayIn(timeZone, io.now());
  const reference = flags.date ?? today;
  const tooFar = flags.years.find((n) => reference.year - n < 1);
  if (tooFar !== undefined) throw new UsageError(`${tooFar} years before ${reference.year} is before year 1`, 'use a smaller --years');
  const dataset = await loadDatasets(resolveDatasetPaths(flags.file, io.env));
  for (const warning of dataset.warnings) io.stderr.write(`${cleanInline(formatIssue(warning))}\n`);
  const index = buildEventIndex(dataset.events);
  const result = runDigest(index, {
    reference,
    years: flags.years,
    behind: 0,
    ahead: flags.ahead ?? (flags.week ? 7 : 0),
    ongoing: false,
    thisMonth: flags.thisMonth,
  });
  // "Today" is the day it is in the zone, also when --date names that day.
  const ctx = await buildRenderContext(flags, io, timeZone ?? systemTimeZone(), flags.date === undefined);

  if (flags.feed !== undefined) {
    const feed = flags.feed;
    const entries = renderAtomEntries(todayOnly(result), ctx);
    await updateFileLocked(feed, (existing) => mergeAtomFeed(existing, entries, ctx, result.options.years, flags.feedSize, feed));
  }
  const rendered = flags.all ? renderIcsEvents(allDatedMatches(index), ctx) : (await loadRenderer(flags.format))(result, ctx);
  if (flags.output !== undefined) await writeFileAtomically(flags.output, rendered);
  else if (flags.feed === undefined && !(flags.quiet && isEmptyResult(result))) io.stdout.write(rendered);
  return EXIT.ok;
}

/** `centenary digest`: one command for cron — today's edition in any format, to stdout, a file or a feed. */
export const registerDigest: RegisterCommand = (program, io, setExitCode) => {
  const command: Command = program
    .command('digest')
    .description("today's edition for cron: what happened N years ago today, optionally the week ahead and this month, in any format")
    .helpOption('-h, --help', 'show this help')
    .allowExcessArguments(false)
    .addHelpText('after', EXAMPLES);
  addOptions(command, DATA_OPTIONS)
    .option('--week', 'also the week ahead (the next 7 days)', false)
    .option('-A, --ahead <days>', 'also this many days ahead (overrides --week)', parseDaysArgument)
    .option('--this-month', 'also this month N years ago, events known only to the month included', false)
    .option('--all', 'with --format ics: every event of the dataset, a calendar to subscribe to', false)
    .addOption(toCommanderOption(OLD_STYLE))
    .addOption(toCommanderOption(FORMAT))
    .addOption(toCommanderOption(LOCALE))
    .addOption(toCommanderOption(MAIL_TO))
    .addOption(toCommanderOption(MAIL_FROM))
    .option('-o, --output <file>', 'write the edition to FILE atomically instead of stdout')
    .option('--feed <file>', "add today's entry to the Atom feed FILE (created if missing)")
    .option('--feed-size <n>', 'entries the feed keeps, newest first', parseFeedSize, 30)
    .option('--feed-url <url>', "the feed's public address: its rel=self link, and the HTML page's feed link", parseUrlArgument)
    .option('-q, --quiet', 'print nothing when the day is empty (for cron)', false);
  addOptions(command, [...COLOUR, DEBUG])
    .action(async (flags: DigestFlags) => setExitCode(await runDigestCommand(flags, io)));
};
