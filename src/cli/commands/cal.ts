import type { Command } from 'commander';
import { InvalidArgumentError } from '../invalid-argument.js';
import { enGB } from 'date-fns/locale/en-GB';
import { formatIssue } from '../../core/dataset-issue.js';
import { EXIT, UsageError } from '../../core/errors.js';
import { buildMonthGrid } from '../../core/month-grid.js';
import type { CountryReform } from '../../core/reform.js';
import { renderMonthGrid } from '../../render/month-grid.js';
import { cleanInline } from '../../render/sanitize.js';
import { todayIn } from '../../io/clock.js';
import { resolveDatasetPaths } from '../../io/dataset-paths.js';
import { parseCountryArgument } from '../country-argument.js';
import type { CliIO } from '../cli-io.js';
import { colourLevel, makeStyle, outputWidth } from '../terminal.js';
import type { RegisterCommand } from './index.js';
import { type QueryFlags, resolveTimeZone } from './query.js';
import { addOptions } from '../commander-options.js';
import { DATA_OPTIONS } from '../query-options.js';

type CalFlags = Pick<QueryFlags, 'date' | 'years' | 'tz' | 'file' | 'color' | 'debug'> & {
  readonly oldStyle: boolean;
  readonly country?: CountryReform;
};

const EXAMPLES = `
Examples:
  centenary cal                          this month 100 years ago, event days marked
  centenary cal 1917-11 --old-style      November 1917 with each day's Old Style number
  centenary cal 1917-10 --country RU     October 1917 as Russia numbered it (Julian), New Style beside
  centenary cal 1918-02 --country RU     the month Russia skipped 1–13 February
  centenary cal 1752-09 --country GB     the month Britain skipped 3–13 September`;

/** `YYYY-MM`: a month between year 1 and 9999. */
export function parseMonthArgument(value: string): { year: number; month: number } {
  const match = /^(\d{4})-(\d{2})$/.exec(value.trim());
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  if (!match || year < 1 || month < 1 || month > 12) throw new InvalidArgumentError(`expected a month written YYYY-MM, such as 1917-11; got "${value}".`);
  return { year, month };
}

export const registerCal: RegisterCommand = (program: Command, io: CliIO, setExitCode) => {
  addOptions(
    program
      .command('cal')
      .description('a month grid like cal(1), with Old Style numbers and the days that have events')
      .argument('[YYYY-MM]', 'the month (default: this month N years back)', parseMonthArgument),
    DATA_OPTIONS,
  )
    .option('--old-style', "show each day's Old Style (Julian) number beside its New Style one", false)
    .option('--country <CC>', 'the month as that country numbered it, its switch included (ISO code, e.g. GB, RU)', parseCountryArgument)
    .option('--color', 'force colour')
    .option('--no-color', 'never colour')
    .option('--debug', 'show stack traces for errors', false)
    .addHelpText('after', EXAMPLES)
    .action(async (month: { year: number; month: number } | undefined, flags: CalFlags) => setExitCode(await runCalCommand(month, flags, io)));
};

export async function runCalCommand(asked: { year: number; month: number } | undefined, flags: CalFlags, io: CliIO): Promise<number> {
  const timeZone = resolveTimeZone(flags.tz, io);
  const reference = flags.date ?? todayIn(timeZone, io.now());
  const yearsAgo = flags.years[0] ?? 100;
  const month = asked ?? { year: reference.year - yearsAgo, month: reference.month };
  if (month.year < 1) throw new UsageError(`${yearsAgo} years before ${reference.year} is before year 1`, 'use a smaller --years');
  const { loadDatasets } = await import('../../io/dataset-files.js');
  const dataset = await loadDatasets(resolveDatasetPaths(flags.file, io.env));
  for (const warning of dataset.warnings) io.stderr.write(`${cleanInline(formatIssue(warning))}\n`);
  const grid = buildMonthGrid({ ...month, ...(flags.country ? { country: flags.country } : {}), oldStyle: flags.oldStyle, events: dataset.events });
  const level = colourLevel(flags.color, io);
  io.stdout.write(
    renderMonthGrid(grid, {
      style: await makeStyle(level),
      highlight: level > 0 ? 'colour' : 'mark',
      width: outputWidth(io.stdout),
      oldStyle: flags.oldStyle,
      words: { locale: enGB },
      referenceIsToday: flags.date === undefined,
      timeZone: timeZone ?? 'local',
      now: io.now(),
    }),
  );
  return EXIT.ok;
}
