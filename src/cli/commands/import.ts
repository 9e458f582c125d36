import { readFile } from 'node:fs/promises';
import { Option } from 'commander';
import { InvalidArgumentError } from '../invalid-argument.js';
import { SKIP_REASONS, type SkipReason } from '../../core/bsd-calendar.js';
import { CSV_FIELDS, type CsvField, eventsFromCsv } from '../../core/csv-import.js';
import { insertEvents } from '../../core/dataset-insert.js';
import type { LocatedIssue } from '../../core/dataset-issue.js';
import { SCHEMA_ID } from '../../core/dataset-schema.js';
import { serializeDataset, sortEvents } from '../../core/dataset-text.js';
import { DataError, EXIT, FileError, UsageError } from '../../core/errors.js';
import { type ImportCandidate, type ImportSkip, eventsFromBsd } from '../../core/import-events.js';
import { createDatasetValidator } from '../../core/validate-dataset.js';
import { MAX_YEAR, MIN_YEAR } from '../../core/calendar.js';
import { readBsdCalendar } from '../../io/calendar-files.js';
import { BUNDLED_DATASET } from '../../io/package-files.js';
import { updateDatasetFile } from '../../io/dataset-update.js';
import { cleanInline, escapeJsonText } from '../../render/sanitize.js';
import { collect } from '../arguments.js';
import type { CliIO } from '../cli-io.js';
import { startProgress } from '../spinner.js';
import { plural } from '../plural.js';
import type { RegisterCommand } from './index.js';

const SOURCES = ['bsd-calendar', 'csv'] as const;

interface ImportFlags {
  readonly from: (typeof SOURCES)[number];
  readonly file?: string;
  readonly dryRun: boolean;
  readonly map: Record<string, CsvField>;
  readonly calendar: 'gregorian' | 'julian';
  readonly includeDir: string[];
  readonly verbose: boolean;
  readonly format: 'text' | 'json';
}

/** `--map "Headline=title,When=date"` (repeatable): CSV columns to fields. */
function parseMap(value: string, previous: Record<string, CsvField> = {}): Record<string, CsvField> {
  const out = { ...previous };
  for (const pair of value.split(',')) {
    const at = pair.lastIndexOf('=');
    const column = pair.slice(0, at).trim();
    const field = pair.slice(at + 1).trim() as CsvField;
    if (at < 1 || column === '' || !CSV_FIELDS.includes(field)) {
      throw new InvalidArgumentError(`expected COLUMN=FIELD pairs separated by commas, FIELD one of ${CSV_FIELDS.join(', ')}; got "${pair}".`);
    }
    out[column] = field;
  }
  return out;
}

interface Outcome {
  readonly added: ImportCandidate[];
  readonly skipped: ImportSkip[];
  readonly files: readonly string[];
}

async function readSource(source: string, flags: ImportFlags, io: CliIO): Promise<{ candidates: ImportCandidate[]; skipped: ImportSkip[]; files: readonly string[] }> {
  if (flags.from === 'csv') {
    let text: string;
    try {
      text = await readFile(source, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new FileError(`cannot read ${source}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`, 'check the path');
    }
    const csv = eventsFromCsv(text, source, flags.map);
    if (csv.errors.length > 0) throw importError(csv.errors, source, 'fix the rows, or map the columns with --map COLUMN=FIELD');
    const calendar = flags.calendar;
    const candidates = calendar === 'julian' ? csv.candidates.map((c) => ({ ...c, event: { calendar, ...c.event } })) : csv.candidates;
    if (csv.ignored.length > 0) io.stderr.write(`centenary: note: columns not imported: ${csv.ignored.map((h) => JSON.stringify(cleanInline(h))).join(', ')} (map them with --map COLUMN=FIELD)\n`);
    return { candidates, skipped: [], files: [source] };
  }
  const read = await readBsdCalendar(source, { includeDirs: flags.includeDir, env: io.env });
  if (read.errors.length > 0) throw importError(read.errors, source, 'fix the file; for a missing #include, add its directory with --include-dir');
  const { candidates, skipped } = eventsFromBsd(read.entries, read.state, flags.calendar);
  // Anything the schema would still refuse (an odd tag, a too-long text) is skipped with its reason.
  const validate = createDatasetValidator();
  const valid = candidates.filter((c) => {
    const problem = validate({ events: [c.event] }, c.origin.file).issues.find((i) => i.severity === 'error');
    if (problem) skipped.push({ ...c.origin, reason: 'invalid', text: String(c.event['title']), detail: problem.problem });
    return !problem;
  });
  return { candidates: valid, skipped: [...read.skipped, ...skipped], files: read.files };
}

function importError(errors: readonly LocatedIssue[], source: string, hint: string): DataError {
  return new DataError(`${errors.length} ${errors.length === 1 ? 'problem' : 'problems'} in ${source}; nothing was imported`, errors, hint);
}

/** Drops repeats within the import: the same id means the same entry. */
function dropRepeats(candidates: readonly ImportCandidate[], skipped: ImportSkip[]): ImportCandidate[] {
  const seen = new Set<string>();
  return candidates.filter((c) => {
    const id = String(c.event['id']);
    if (seen.has(id)) {
      skipped.push({ ...c.origin, reason: 'duplicate', text: String(c.event['title']) });
      return false;
    }
    seen.add(id);
    return true;
  });
}


function renderReport(outcome: Outcome, target: string, flags: ImportFlags): string {
  const counts = new Map<SkipReason, number>();
  for (const s of outcome.skipped) counts.set(s.reason, (counts.get(s.reason) ?? 0) + 1);
  if (flags.format === 'json') {
    return `${escapeJsonText(JSON.stringify(
      {
        version: 1,
        dryRun: flags.dryRun,
        into: target,
        files: outcome.files,
        imported: outcome.added.length,
        skipped: Object.fromEntries(counts),
        events: outcome.added.map((c) => ({ id: c.event['id'], date: c.event['date'], title: c.event['title'], file: c.origin.file, line: c.origin.line })),
        skippedEntries: outcome.skipped.map((s) => ({ file: s.file, line: s.line, reason: s.reason, text: s.text, ...(s.detail ? { detail: s.detail } : {}) })),
      },
      null,
      2,
    ))}\n`;
  }
  const lines = [
    flags.dryRun
      ? `Would import ${plural(outcome.added.length, 'event')} into ${target} (dry run: nothing was written).`
      : `Imported ${plural(outcome.added.length, 'event')} into ${target}.`,
  ];
  if (flags.dryRun) for (const c of outcome.added) lines.push(`  + ${String(c.event['date'])}  ${cleanInline(String(c.event['title']))}`);
  if (outcome.skipped.length > 0) {
    lines.push(`Skipped ${plural(outcome.skipped.length, 'entry').replace('entrys', 'entries')}:`);
    for (const [reason, n] of [...counts].sort((a, b) => b[1] - a[1])) lines.push(`  ${String(n).padStart(5)}  ${SKIP_REASONS[reason]}`);
    if (flags.verbose) {
      for (const s of outcome.skipped) lines.push(`  ${s.file}:${s.line}: ${s.reason}${s.detail ? ` (${s.detail})` : ''}: ${cleanInline(s.text)}`);
    } else lines.push('  (-v lists each one with its file and line)');
  }
  return `${lines.join('\n')}\n`;
}

/** `centenary import FILE --from bsd-calendar|csv`: bring events into a dataset, stable ids, nothing twice. */
export const registerImport: RegisterCommand = (program, io, setExitCode) => {
  program
    .command('import')
    .description('import events from a BSD calendar(1) file or a CSV file into a dataset (new or existing)')
    .argument('<source>', 'the calendar or CSV file to read')
    .addOption(new Option('--from <format>', 'the format of the source').choices(SOURCES).makeOptionMandatory())
    .option('-f, --file <path>', 'the dataset to import into (created if missing; default: the first file of the config)')
    .option('-n, --dry-run', 'show what would be imported and skipped; write nothing', false)
    .option('--map <column=field,...>', `CSV: which column fills which field (repeatable); fields: ${CSV_FIELDS.join(', ')}`, parseMap, {})
    .addOption(new Option('--calendar <calendar>', 'the calendar of dates not marked otherwise').choices(['gregorian', 'julian']).default('gregorian'))
    .option('--include-dir <dir>', 'BSD: look for #include files here first (repeatable)', collect, [])
    .option('-v, --verbose', 'list every skipped entry with its file and line', false)
    .addOption(new Option('--format <format>', 'format of the report').choices(['text', 'json']).default('text'))
    .option('--debug', 'show stack traces for errors', false)
    .addHelpText(
      'after',
      `
BSD calendar files: entries need a year in their text (", 1917", "(1917)", "44 BC") or date
(YYYY/MM/DD); the others (holidays, weekday rules, Easter offsets) are skipped and counted, and so
are years BC, which dates cannot hold (years ${MIN_YEAR} to ${MAX_YEAR}). #include is looked for next to the
including file, in --include-dir, ~/.calendar, /usr/local/share/calendar and /usr/share/calendar.
Dates are Gregorian unless --calendar julian, or the entry says "O.S." or "Old Style".

CSV: a header row, then one event per row. Default columns (case and accents ignored): id, date,
end, calendar, title (or event, headline, name), summary (or description), place (or location),
country, kind (or type), tags (separated by ; or |), source (or url, link), source title, note.

Imported events get ids made from their date and text, so importing the same file again adds
nothing. Exit codes: 0 imported (skips are not errors), 1 a bad source or dataset, 2 bad usage.

Examples:
  centenary import /usr/share/calendar/calendar.history --from bsd-calendar -f history.json --dry-run
  centenary import diary.csv --from csv --map "When=date,What=title" -f diary.json`,
    )
    .action(async (source: string, flags: ImportFlags) => {
      const target = flags.file;
      if (!target) throw new UsageError('no dataset file to import into', 'give --file PATH (or set "files" in the config)');
      if (target === BUNDLED_DATASET) throw new UsageError(`${target} is the bundled dataset`, 'import into a file of your own with --file PATH');
      const progress = await startProgress(io, `reading ${source}`);
      let outcome: Outcome;
      try {
        const read = await readSource(source, flags, io);
        const skipped = [...read.skipped];
        const candidates = dropRepeats(read.candidates, skipped);
        progress.update(`adding ${plural(candidates.length, 'event')} to ${target}`);
        let added: ImportCandidate[] = [];
        await updateDatasetFile(
          target,
          (current) => {
            const present = new Set(current.events.map((e) => e.id));
            added = candidates.filter((c) => !present.has(String(c.event['id'])));
            for (const c of candidates) if (present.has(String(c.event['id']))) skipped.push({ ...c.origin, reason: 'already-present', text: String(c.event['title']) });
            if (added.length === 0) return undefined;
            const events = added.map((c) => c.event);
            if (current.text === undefined) return serializeDataset(sortEvents(events), SCHEMA_ID);
            const next = insertEvents(current.text, events);
            if (next === undefined) throw new DataError(`${target} has no "events" array to import into; nothing was imported`, []);
            return next;
          },
          { dryRun: flags.dryRun },
        );
        outcome = { added, skipped, files: read.files };
      } finally {
        progress.stop();
      }
      io.stdout.write(renderReport(outcome, target, flags));
      setExitCode(EXIT.ok);
    });
};
