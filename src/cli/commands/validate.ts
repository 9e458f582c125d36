import { Option } from 'commander';
import { type LocatedIssue, formatIssue, formatJsonPath } from '../../core/dataset-issue.js';
import { toJulianDay } from '../../core/calendar.js';
import { type EventWarning, createSameTitleCheck, createSuspicionCheck } from '../../core/dataset-warnings.js';
import { EXIT } from '../../core/errors.js';
import { todayIn } from '../../io/clock.js';
import { resolveDatasetPaths } from '../../io/dataset-paths.js';
import type { EventPlace } from '../../io/dataset-files.js';
import { locateWarnings, placeKey } from '../../io/locate-in-file.js';
import { cleanInline, escapeJsonText } from '../../render/sanitize.js';
import { collect, parseTimeZoneArgument } from '../arguments.js';
import { InvalidArgumentError } from '../invalid-argument.js';
import { startProgress } from '../spinner.js';
import { resolveTimeZone } from './query.js';
import { plural } from '../plural.js';
import type { RegisterCommand } from './index.js';

interface ValidateFlags {
  readonly file: string[];
  readonly threads?: number;
  readonly debug: boolean;
  readonly format: 'text' | 'json';
  readonly tz?: string;
}

function parseThreads(value: string): number {
  if (!/^[0-9]{1,2}$/.test(value) || Number(value) < 1 || Number(value) > 64) throw new InvalidArgumentError(`expected a number of threads from 1 to 64; got "${value}".`);
  return Number(value);
}

/** Issues in file order (as given on the command line), then by position. */
function sortIssues(issues: LocatedIssue[], files: readonly string[]): LocatedIssue[] {
  const rank = (f: string) => files.indexOf(f);
  return issues.sort((a, b) => rank(a.file) - rank(b.file) || a.line - b.line || a.column - b.column);
}


/** `centenary validate [FILE…]`: every error and warning, located; exit 1 on errors. */
export const registerValidate: RegisterCommand = (program, io, setExitCode) => {
  program
    .command('validate')
    .description('check dataset files: every error and warning with file, line:column and path')
    .argument('[files...]', 'dataset files (default: --file, $CENTENARY_EVENTS or the config, else the bundled events.json)')
    .option('-f, --file <path>', 'dataset file (repeatable); ignored when files are named as arguments', collect, [])
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--tz <zone>', 'IANA time zone that decides "today" for the future-date warning', parseTimeZoneArgument)
    .option('--threads <n>', 'threads that check a large file in the one-event-per-line layout (default: one per core, up to 8)', parseThreads)
    .option('--debug', 'show stack traces for errors', false)
    .addHelpText(
      'after',
      '\nErrors make the data unusable; warnings are legal but suspicious: the same title twice on the same day,\n' +
        'a date in the future, an event without sources.\nExit codes: 0 no errors (warnings allowed), 1 errors, 2 bad usage.\n\n' +
        'Examples:\n  centenary validate my-events.json\n  centenary validate a.json b.json --format json | jq .issues',
    )
    .action(async (files: string[], flags: ValidateFlags) => {
      const paths = resolveDatasetPaths(files.length > 0 ? files : flags.file, io.env);
      const progress = await startProgress(io, `checking ${plural(paths.length, 'file')}`);
      let issues: LocatedIssue[];
      let eventCount: number;
      try {
        const [{ STREAM_THRESHOLD, scanDatasets }, { PARALLEL_THRESHOLD, checkInParallel, checkThreads }, { stat }] = await Promise.all([
          import('../../io/dataset-files.js'),
          import('../../io/parallel-check.js'),
          import('node:fs/promises'),
        ]);
        const today = todayIn(resolveTimeZone(flags.tz, io), io.now());
        const todayJd = toJulianDay(today);
        // Events are checked as they stream past and not kept: a million-event file needs
        // memory for its warnings, not for its events. The checks across events see them all,
        // in order, whichever thread parsed them.
        const ordered = { seen: new Map<string, { file: string; index: number }>(), sameTitle: createSameTitleCheck() };
        const suspicious: EventWarning[] = [];
        const places = new Map<string, EventPlace>();
        const found: LocatedIssue[] = [];
        const check = createSuspicionCheck(today, ordered.sameTitle);
        const threads = flags.threads ?? checkThreads();
        // Asked for threads: any file read line by line gets them; otherwise only a large one.
        const minimum = flags.threads === undefined ? PARALLEL_THRESHOLD : STREAM_THRESHOLD;
        let count = 0;
        for (const file of paths) {
          const size = await stat(file).then((s) => (s.isFile() ? s.size : 0), () => 0);
          const parallel = threads > 1 && size >= minimum ? await checkInParallel(file, size, todayJd, threads, ordered) : undefined;
          if (flags.debug) io.stderr.write(`centenary: ${file} checked in ${parallel ? `${threads} threads, ${parallel.parts} parts` : 'one thread'}\n`);
          if (parallel) {
            count += parallel.events;
            found.push(...parallel.found);
            suspicious.push(...parallel.unplaced);
            for (const [key, place] of parallel.places) places.set(key, place);
            continue;
          }
          const issuesOfFile = await scanDatasets(
            [file],
            (event, where) => {
              count++;
              const warnings = check(event);
              if (warnings.length === 0) return;
              suspicious.push(...warnings);
              if (where) places.set(placeKey(event.origin.file, event.origin.index), where);
            },
            { seen: ordered.seen },
          );
          found.push(...issuesOfFile);
        }
        const warnings = await locateWarnings(suspicious, places);
        issues = sortIssues([...found, ...warnings], paths);
        eventCount = count;
      } finally {
        progress.stop();
      }
      const errors = issues.filter((i) => i.severity === 'error').length;
      const warnings = issues.length - errors;
      if (flags.format === 'json') {
        const document = {
          version: 1,
          files: paths,
          events: eventCount,
          errors,
          warnings,
          issues: issues.map((i) => ({
            file: i.file,
            line: i.line,
            column: i.column,
            severity: i.severity,
            path: formatJsonPath(i.path),
            problem: i.problem,
            ...(i.found !== undefined ? { found: i.found } : {}),
            ...(i.expected !== undefined ? { expected: i.expected } : {}),
          })),
        };
        io.stdout.write(`${escapeJsonText(JSON.stringify(document, null, 2))}\n`);
      } else {
        for (const issue of issues) io.stdout.write(`${cleanInline(formatIssue(issue))}\n`);
        const verdict = errors > 0 ? 'not usable' : 'ok';
        io.stdout.write(`${verdict}: ${plural(paths.length, 'file')}, ${plural(eventCount, 'valid event')}, ${plural(errors, 'error')}, ${plural(warnings, 'warning')}\n`);
      }
      setExitCode(errors > 0 ? EXIT.failure : EXIT.ok);
    });
};
