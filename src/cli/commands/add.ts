import { createInterface } from 'node:readline/promises';
import { Option } from 'commander';
import { type DataIssue, describeValue, formatJsonPath } from '../../core/dataset-issue.js';
import { insertEvents } from '../../core/dataset-insert.js';
import { type RawEvent, serializeDataset } from '../../core/dataset-text.js';
import { SCHEMA_ID } from '../../core/dataset-schema.js';
import { DataError, EXIT, UsageError } from '../../core/errors.js';
import { readableEventId } from '../../core/event-id.js';
import { createDatasetValidator } from '../../core/validate-dataset.js';
import { BUNDLED_DATASET } from '../../io/package-files.js';
import { updateDatasetFile } from '../../io/dataset-update.js';
import { cleanInline } from '../../render/sanitize.js';
import { collect } from '../arguments.js';
import type { CliIO } from '../cli-io.js';
import type { RegisterCommand } from './index.js';

interface AddFlags {
  readonly file?: string;
  readonly id?: string;
  readonly date?: string;
  readonly end?: string;
  readonly calendar?: 'gregorian' | 'julian';
  readonly title?: string;
  readonly summary?: string;
  readonly place?: string;
  readonly country?: string;
  readonly kind?: string;
  readonly tag: string[];
  readonly source: string[];
  readonly sourceTitle: string[];
  readonly note?: string;
  readonly interactive?: boolean;
}

/** The text fields, in the order they are asked for on a terminal. */
const QUESTIONS = [
  ['calendar', 'calendar (gregorian, or julian for an Old Style date)', false],
  ['date', 'date (YYYY-MM-DD, or YYYY-MM / YYYY)', true],
  ['end', 'last day of a multi-day event (empty: one day)', false],
  ['title', 'title', true],
  ['summary', 'summary', false],
  ['place', 'place', false],
  ['country', 'country (ISO code such as GB)', false],
  ['kind', 'kind (event, birth, death …)', false],
  ['tags', 'tags (separated by commas)', false],
  ['source', 'source URL', false],
  ['sourceTitle', 'source title', false],
  ['note', 'note', false],
] as const;

type Answers = Partial<Record<(typeof QUESTIONS)[number][0] | 'id', string>>;

/** The event the flags and answers describe, fields in the canonical order. */
function buildEvent(flags: AddFlags, answers: Answers): RawEvent {
  const value = (key: keyof Answers, flag: string | undefined) => {
    const v = (flag ?? answers[key])?.trim();
    return v === undefined || v === '' ? undefined : v;
  };
  const date = value('date', flags.date);
  const title = value('title', flags.title);
  const urls = flags.source.length > 0 ? flags.source : [answers.source].filter((s): s is string => !!s?.trim());
  const titles = flags.sourceTitle.length > 0 ? flags.sourceTitle : [answers.sourceTitle].filter((s): s is string => !!s?.trim());
  const tags = flags.tag.length > 0 ? flags.tag : (answers.tags ?? '').split(',').map((t) => t.trim()).filter((t) => t !== '');
  const fields: Record<string, unknown> = {
    id: value('id', flags.id) ?? (date && title ? readableEventId(date, title) : undefined),
    date,
    end: value('end', flags.end),
    calendar: value('calendar', flags.calendar),
    title,
    summary: value('summary', flags.summary),
    place: value('place', flags.place),
    country: value('country', flags.country),
    kind: value('kind', flags.kind),
    tags: tags.length > 0 ? tags : undefined,
    sources: urls.length > 0 ? urls.map((url, i) => ({ title: titles[i] ?? sourceTitleFor(url), url })) : undefined,
    note: value('note', flags.note),
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

function sourceTitleFor(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

/** Option names for the fields of an event, for messages about what was given. */
const OPTION_OF: Readonly<Record<string, string>> = { sources: '--source', tags: '--tag' };

function describeIssue(issue: DataIssue): string {
  const field = issue.path[2];
  const missing = /^missing field "(\w+)"/.exec(issue.problem)?.[1];
  const key = missing ?? (typeof field === 'string' ? field : undefined);
  const name = key !== undefined ? (OPTION_OF[key] ?? `--${key}`) : formatJsonPath(issue.path);
  const rest = missing === undefined && issue.path.length > 3 ? ` (${formatJsonPath(issue.path.slice(3))})` : '';
  let text = `${name}${rest}: ${missing !== undefined ? 'missing' : issue.problem}`;
  if (issue.found !== undefined) text += `; found ${issue.found}`;
  if (issue.expected !== undefined && missing === undefined) text += `, expected ${issue.expected}`;
  return text;
}

/**
 * Problems of one field on its own: the field is put into an otherwise valid event, so that
 * each bad value is reported even when another one is bad or missing too.
 */
function probeField(key: string, value: unknown, calendar?: unknown): DataIssue[] {
  const probe: Record<string, unknown> = { id: 'probe', date: key === 'end' ? '0001' : '2000', title: 'probe', [key]: value };
  if (calendar !== undefined && key !== 'calendar') probe['calendar'] = calendar;
  return createDatasetValidator()({ events: [probe] }, '').issues;
}

/** Every problem of the new event at once, named by the option that gave it. */
function checkNewEvent(event: RawEvent): void {
  const issues: DataIssue[] = [];
  for (const required of ['date', 'title'] as const) {
    if (event[required] === undefined) issues.push({ severity: 'error', path: ['events', 0], problem: `missing field "${required}"` });
  }
  for (const [key, value] of Object.entries(event)) issues.push(...probeField(key, value, event['calendar']));
  if (issues.length === 0) issues.push(...createDatasetValidator()({ events: [event] }, '').issues);
  if (issues.length === 0) return;
  throw new UsageError(`the new event is not valid: ${issues.map(describeIssue).join('; ')}`, "nothing was written; see 'centenary add --help'");
}

/** Checks one answer on its own, so that a typo is asked again at once rather than at the end. */
function fieldProblem(key: string, answer: string, calendar: string | undefined): string | undefined {
  if (key === 'tags' || key === 'sourceTitle') return undefined;
  const issues = key === 'source' ? probeField('sources', [{ title: 't', url: answer }]) : probeField(key, answer, calendar);
  const first = issues[0];
  return first ? describeIssue(first).replace(/^--[\w-]+( \(.*?\))?: /, '') : undefined;
}

/** Asks for each field not given as an option, on stderr; reads the answers line by line. */
async function askForFields(io: CliIO, flags: AddFlags): Promise<Answers> {
  const input = io.stdin;
  if (!input) return {};
  const rl = createInterface({ input, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  const answers: Answers = {};
  io.stderr.write('New event (empty answers leave a field out; Ctrl-D stops):\n');
  try {
    for (const [key, label, required] of QUESTIONS) {
      const given = key === 'tags' ? flags.tag.length > 0 : key === 'source' ? flags.source.length > 0 : key === 'sourceTitle' ? flags.sourceTitle.length > 0 : flags[key] !== undefined;
      if (given || (key === 'sourceTitle' && !answers.source)) continue;
      for (;;) {
        io.stderr.write(`  ${label}${required ? '' : ' [optional]'}: `);
        const next = await lines.next();
        if (next.done) {
          // Ctrl-D: the event is complete if what is required was given.
          if (QUESTIONS.some(([k, , req]) => req && flags[k] === undefined && answers[k] === undefined)) {
            throw new UsageError('input ended before the event was complete', 'nothing was written; run centenary add again');
          }
          return answers;
        }
        const answer = String(next.value).trim();
        if (answer === '' && required) {
          io.stderr.write(`  ${key} is required.\n`);
          continue;
        }
        const problem = answer === '' ? undefined : fieldProblem(key, answer, flags.calendar ?? answers.calendar);
        if (problem) {
          io.stderr.write(`  ${problem}\n`);
          continue;
        }
        answers[key] = answer;
        break;
      }
    }
  } finally {
    rl.close();
    input.pause?.();
  }
  return answers;
}

/** `centenary add`: one event into a dataset file, validated, locked, written atomically. */
export const registerAdd: RegisterCommand = (program, io, setExitCode) => {
  program
    .command('add')
    .description('add an event to a dataset file (from options, or asking for each field on a terminal)')
    .option('-f, --file <path>', 'the dataset file to add to (created if missing; default: the first file of the config)')
    .option('--id <id>', 'unique id (default: the date and the title, such as 1917-11-07-lenin-speaks)')
    .option('--date <date>', 'YYYY-MM-DD, or YYYY-MM / YYYY when only that much is known')
    .option('--end <date>', 'inclusive last day of a multi-day event')
    .addOption(new Option('--calendar <calendar>', 'the calendar of --date and --end (julian for Old Style)').choices(['gregorian', 'julian']))
    .option('--title <text>', 'a short headline')
    .option('--summary <text>', 'one to three sentences')
    .option('--place <text>', 'where it happened')
    .option('--country <code>', 'ISO 3166-1 alpha-2 code, such as GB')
    .option('--kind <kind>', 'event (default), birth, death, …')
    .option('--tag <tag>', 'a tag (repeatable)', collect, [])
    .option('--source <url>', 'a source URL (repeatable)', collect, [])
    .option('--source-title <text>', 'the title of the source given in the same position (default: its host name)', collect, [])
    .option('--note <text>', 'where sources disagree, and which one was followed')
    .option('-i, --interactive', 'ask for the fields not given, even when input is not a terminal')
    .option('--debug', 'show stack traces for errors', false)
    .addHelpText(
      'after',
      '\nOn a terminal, fields that are not given as options are asked for one by one.\n' +
        'The file keeps its order and layout: the new event goes to its place by date, one line, so the diff\n' +
        'is that one event. Two runs at the same time both land (the file is locked while it changes).\n' +
        'Exit codes: 0 added, 1 the file is invalid or the id is taken, 2 a bad or missing value.\n\n' +
        'Example:\n  centenary add -f diary.json --date 1916-07-01 --title "First day on the Somme" --place Somme --country FR \\\n' +
        '    --source https://en.wikipedia.org/wiki/First_day_on_the_Somme',
    )
    .action(async (flags: AddFlags) => {
      const file = flags.file;
      if (!file) throw new UsageError('no dataset file to add to', 'give --file PATH (or set "files" in the config)');
      if (file === BUNDLED_DATASET) throw new UsageError(`${file} is the bundled dataset`, 'add to a file of your own with --file PATH');
      const ask = flags.interactive === true || (io.stdin?.isTTY === true && (flags.date === undefined || flags.title === undefined));
      const answers = ask ? await askForFields(io, flags) : {};
      const event = buildEvent(flags, answers);
      checkNewEvent(event);
      const id = String(event['id']);
      await updateDatasetFile(file, (current) => {
        const taken = current.events.find((e) => e.id === id);
        if (taken) {
          throw new DataError(
            `id ${describeValue(id)} is already used by events[${taken.origin.index}] in ${file} ("${cleanInline(taken.title)}"); nothing was added`,
            [],
            'choose another --id',
          );
        }
        if (current.text === undefined) return serializeDataset([event], SCHEMA_ID);
        const next = insertEvents(current.text, [event]);
        if (next === undefined) throw new DataError(`${file} has no "events" array to add to; nothing was added`, []);
        return next;
      });
      io.stdout.write(`added ${id} to ${file}\n`);
      setExitCode(EXIT.ok);
    });
};
