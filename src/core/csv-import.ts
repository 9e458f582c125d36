import { parse } from 'csv-parse/sync';
import type { LocatedIssue } from './dataset-issue.js';
import type { RawEvent } from './dataset-text.js';
import { importedEventId } from './event-id.js';
import { foldText } from './fold-text.js';
import type { ImportCandidate } from './import-events.js';
import { createDatasetValidator } from './validate-dataset.js';

/** The fields a CSV column can fill: the dataset's own, plus a source's title and URL. */
export const CSV_FIELDS = ['id', 'date', 'end', 'calendar', 'title', 'summary', 'place', 'country', 'kind', 'tags', 'source', 'source-title', 'note'] as const;
export type CsvField = (typeof CSV_FIELDS)[number];

/**
 * The default mapping: a column whose header (case, accents, spaces and punctuation ignored) is
 * one of these names fills that field. `--map Header=field` adds to or overrides it.
 */
export const CSV_DEFAULT_HEADERS: Readonly<Record<CsvField, readonly string[]>> = {
  id: ['id'],
  date: ['date', 'start', 'start date', 'day'],
  end: ['end', 'end date'],
  calendar: ['calendar', 'style'],
  title: ['title', 'event', 'headline', 'name'],
  summary: ['summary', 'description'],
  place: ['place', 'location'],
  country: ['country', 'country code'],
  kind: ['kind', 'type'],
  tags: ['tags', 'tag', 'keywords'],
  source: ['source', 'url', 'source url', 'link'],
  'source-title': ['source title'],
  note: ['note', 'notes'],
};

const headerKey = (header: string) => foldText(header).replace(/[^a-z0-9]+/g, ' ').trim();

export interface CsvImport {
  readonly candidates: ImportCandidate[];
  readonly errors: LocatedIssue[];
  /** Headers that fill no field. */
  readonly ignored: string[];
}

/** Which field each column fills (undefined: none). `overrides` maps a header to a field. */
export function mapColumns(headers: readonly string[], overrides: Readonly<Record<string, CsvField>>): (CsvField | undefined)[] {
  const byKey = new Map(Object.entries(overrides).map(([h, f]) => [headerKey(h), f]));
  return headers.map((header) => {
    const key = headerKey(header);
    const chosen = byKey.get(key);
    if (chosen) return chosen;
    return CSV_FIELDS.find((field) => CSV_DEFAULT_HEADERS[field].includes(key) && ![...byKey.values()].includes(field));
  });
}

/**
 * Rows of a CSV file (a header row first) as events. Every bad row is reported, located by line
 * and column name; nothing is half-imported: callers stop when `errors` is not empty.
 * Tags are separated by ";" or "|". Without an id column, ids are made from date and title.
 */
export function eventsFromCsv(text: string, file: string, overrides: Readonly<Record<string, CsvField>>): CsvImport {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, delimiter: detectDelimiter(text), info: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const e = error as Error & { lines?: number; column?: number };
    return { candidates: [], ignored: [], errors: [{ severity: 'error', path: [], problem: `not valid CSV: ${e.message.replace(/^Invalid \w+: /, '')}`, file, line: e.lines ?? 1, column: 1 }] };
  }
  const [head, ...rows] = records;
  if (!head) return { candidates: [], ignored: [], errors: [{ severity: 'error', path: [], problem: 'the file is empty', expected: 'a header row, then one row per event', file, line: 1, column: 1 }] };
  const headers = head.record;
  const fields = mapColumns(headers, overrides);
  const errors: LocatedIssue[] = [];
  for (const required of ['date', 'title'] as const) {
    if (!fields.includes(required)) {
      errors.push({
        severity: 'error',
        path: ['header'],
        problem: `no column for "${required}"`,
        found: `the columns ${headers.map((h) => JSON.stringify(h)).join(', ')}`,
        expected: `a column named ${CSV_DEFAULT_HEADERS[required].map((n) => `"${n}"`).join(' or ')}, or --map COLUMN=${required}`,
        file,
        line: head.info.lines,
        column: 1,
      });
    }
  }
  if (errors.length > 0) return { candidates: [], ignored: [], errors };
  const validate = createDatasetValidator();
  const candidates: ImportCandidate[] = [];
  for (const { record, info } of rows) {
    const value = (field: CsvField) => {
      const i = fields.indexOf(field);
      const v = i >= 0 ? record[i] : undefined;
      return v === undefined || v === '' ? undefined : v;
    };
    const tags = value('tags')?.split(/[;|]/).map((t) => t.trim()).filter((t) => t !== '');
    const url = value('source');
    const date = value('date');
    const title = value('title');
    const event: RawEvent = Object.fromEntries(
      Object.entries({
        id: value('id') ?? (date && title ? importedEventId(date, title) : undefined),
        date,
        end: value('end'),
        calendar: value('calendar')?.toLowerCase(),
        title,
        summary: value('summary'),
        place: value('place'),
        country: value('country'),
        kind: value('kind'),
        tags: tags && tags.length > 0 ? tags : undefined,
        sources: url ? [{ title: value('source-title') ?? hostOf(url), url }] : undefined,
        note: value('note'),
      }).filter(([, v]) => v !== undefined),
    );
    // Warnings (an Old Style question, say) do not stop an import; the loader repeats them later.
    const issues = validate({ events: [event] }, file).issues.filter((i) => i.severity === 'error');
    for (const issue of issues) {
      const key = /^missing field "(\w+)"/.exec(issue.problem)?.[1] ?? issue.path[2];
      const field = key === 'sources' ? 'source' : typeof key === 'string' ? key : undefined;
      const column = field !== undefined ? fields.indexOf(field as CsvField) : -1;
      errors.push({ ...issue, path: [column >= 0 ? (headers[column] ?? field ?? '') : (field ?? 'row')], file, line: info.lines, column: column >= 0 ? column + 1 : 1 });
    }
    if (issues.length === 0) candidates.push({ event, origin: { file, line: info.lines } });
  }
  return { candidates, errors, ignored: headers.filter((_, i) => fields[i] === undefined) };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname || url;
  } catch {
    return url;
  }
}

/** The separator the header row uses most: comma, semicolon (spreadsheets in many locales) or tab. */
function detectDelimiter(text: string): string {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (c: string) => header.split(c).length - 1;
  return [',', ';', '\t'].reduce((best, c) => (count(c) > count(best) ? c : best), ',');
}
