import { type Command, Option } from 'commander';
import { EXIT, UsageError } from '../../core/errors.js';
import { toJulianDay } from '../../core/calendar.js';
import { resolveDatasetPaths } from '../../io/dataset-paths.js';
import { collect, parseDayArgument } from '../arguments.js';
import type { RegisterCommand } from './index.js';

interface StatsFlags {
  readonly file: string[];
  readonly from: ReturnType<typeof parseDayArgument>;
  readonly to: ReturnType<typeof parseDayArgument>;
  readonly min: number;
  readonly minPerMonth: number;
  readonly format: 'text' | 'json';
}

function parseMinimum(value: string): number {
  if (!/^[0-9]{1,3}$/.test(value)) throw new UsageError(`--min and --min-per-month expect a small whole number; got "${value}"`);
  return Number(value);
}

/** `centenary stats`: how well the dataset covers a span of days. */
export const registerStats: RegisterCommand = (program: Command, io, setExitCode) => {
  program
    .command('stats')
    .description('coverage report: events per day, empty and thin days, counts per kind and country')
    .option('-f, --file <path>', 'dataset file (repeatable; files are merged)', collect, [])
    .requiredOption('--from <YYYY-MM-DD>', 'first day of the span', parseDayArgument)
    .requiredOption('--to <YYYY-MM-DD>', 'last day of the span', parseDayArgument)
    .option('--min <n>', 'a day with fewer events than this is thin', parseMinimum, 2)
    .option('--min-per-month <n>', 'a month with fewer events than this is thin', parseMinimum, 2)
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addHelpText('after', '\nExample:\n  centenary stats --from 1926-01-01 --to 1927-12-31 --min 3\n  centenary stats --from 1776-01-01 --to 1777-12-31 --min-per-month 3')
    .action(async (flags: StatsFlags) => {
      if (toJulianDay(flags.to) < toJulianDay(flags.from)) throw new UsageError('--to is before --from', 'give the earlier day to --from');
      // Loaded here, not at start-up: a daily query never needs them.
      const [{ loadDatasets }, { measureCoverage }, { renderCoverageText }] = await Promise.all([
        import('../../io/dataset-files.js'),
        import('../../core/coverage.js'),
        import('../../render/coverage-text.js'),
      ]);
      const { events } = await loadDatasets(resolveDatasetPaths(flags.file, io.env));
      const coverage = measureCoverage(events, { from: flags.from, to: flags.to, minimum: flags.min, minimumPerMonth: flags.minPerMonth });
      io.stdout.write(flags.format === 'json' ? `${JSON.stringify(coverage, null, 2)}\n` : renderCoverageText(coverage));
      setExitCode(EXIT.ok);
    });
};
