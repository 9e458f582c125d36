import type { ErrorObject } from 'ajv';
import type { CalendarName } from './calendar.js';
import { datasetSchema, EXPECTED } from './dataset-schema.js';
import { compileSchemaCheck, type SchemaCheck } from './schema-check.js';
import { type DataIssue, type JsonPath, describeValue } from './dataset-issue.js';
import type { HistoricalEvent, Source } from './event.js';
import { explainInvalidPartialDate, julianDayRange, parsePartialDate, precisionOf, type PartialDate } from './partial-date.js';

export interface ValidationResult {
  readonly events: HistoricalEvent[];
  readonly issues: DataIssue[];
}

/** Compiles the schema once; callers keep the result and pass it down. */
export function createDatasetValidator(): (parsed: unknown, file: string) => ValidationResult {
  const check = compileSchemaCheck();
  return (parsed, file) => validateDataset(check, parsed, file);
}

function validateDataset(check: SchemaCheck, parsed: unknown, file: string): ValidationResult {
  const issues: DataIssue[] = [];
  if (!check(parsed)) {
    for (const error of check.errors ?? []) issues.push(toIssue(error, parsed));
  }
  const events: HistoricalEvent[] = [];
  const list = isRecord(parsed) && Array.isArray(parsed['events']) ? (parsed['events'] as unknown[]) : [];
  const failed = new Set(issues.map((issue) => issue.path[1]).filter((i): i is number => typeof i === 'number'));
  list.forEach((raw, index) => {
    if (failed.has(index) || !isRecord(raw)) return;
    const event = toEvent(raw, index, file, issues);
    if (event) events.push(event);
  });
  issues.push(...findDuplicateIds(events).map(({ index }) => duplicateIdIssue(list, index)));
  return { events, issues };
}

/** Semantic checks the schema cannot express: real calendar dates and ordered ranges. */
function toEvent(raw: Record<string, unknown>, index: number, file: string, issues: DataIssue[]): HistoricalEvent | undefined {
  const calendar = (raw['calendar'] as CalendarName | undefined) ?? 'gregorian';
  const date = checkDate(raw, 'date', index, calendar, issues);
  const end = raw['end'] === undefined ? undefined : checkDate(raw, 'end', index, calendar, issues);
  if (!date || (raw['end'] !== undefined && !end)) return undefined;
  if (end) {
    const [startFirst] = julianDayRange(date, calendar);
    const [, endLast] = julianDayRange(end, calendar);
    if (endLast < startFirst || (precisionOf(date) === 'day' && precisionOf(end) === 'day' && endLast === startFirst)) {
      issues.push({
        severity: 'error',
        path: ['events', index, 'end'],
        problem: endLast < startFirst ? 'the event ends before it begins' : 'end is the same day as date',
        found: describeValue(raw['end']),
        expected: `a date after ${describeValue(raw['date'])} (leave end out for a one-day event)`,
      });
      return undefined;
    }
  }
  return {
    id: raw['id'] as string,
    date,
    ...(end ? { end } : {}),
    calendar,
    title: raw['title'] as string,
    ...optionalText(raw, 'summary'),
    ...optionalText(raw, 'place'),
    ...optionalText(raw, 'country'),
    kind: (raw['kind'] as string | undefined) ?? 'event',
    tags: (raw['tags'] as string[] | undefined) ?? [],
    sources: (raw['sources'] as Source[] | undefined) ?? [],
    ...optionalText(raw, 'note'),
    origin: { file, index },
  };
}

function checkDate(
  raw: Record<string, unknown>,
  field: 'date' | 'end',
  index: number,
  calendar: CalendarName,
  issues: DataIssue[],
): PartialDate | undefined {
  const text = raw[field] as string;
  const date = parsePartialDate(text);
  const why = date ? explainInvalidPartialDate(date, calendar) : 'it is not written YYYY-MM-DD';
  if (date && why === undefined) return date;
  issues.push({
    severity: 'error',
    path: ['events', index, field],
    problem: `no such day in the ${calendar} calendar: ${why}`,
    found: describeValue(text),
    expected: `a real ${calendar} date`,
  });
  return undefined;
}

function optionalText(raw: Record<string, unknown>, key: 'summary' | 'place' | 'country' | 'note'): Partial<Record<typeof key, string>> {
  const value = raw[key];
  return typeof value === 'string' ? { [key]: value } : {};
}

/** Events whose id was already used by an earlier event (in this file or an earlier one). */
export function findDuplicateIds(events: readonly HistoricalEvent[]): { index: number; event: HistoricalEvent; first: HistoricalEvent }[] {
  const seen = new Map<string, HistoricalEvent>();
  const duplicates: { index: number; event: HistoricalEvent; first: HistoricalEvent }[] = [];
  for (const event of events) {
    const first = seen.get(event.id);
    if (first) duplicates.push({ index: event.origin.index, event, first });
    else seen.set(event.id, event);
  }
  return duplicates;
}

function duplicateIdIssue(list: unknown[], index: number): DataIssue {
  const raw = list[index] as Record<string, unknown>;
  return {
    severity: 'error',
    path: ['events', index, 'id'],
    problem: 'duplicate id',
    found: describeValue(raw['id']),
    expected: 'an id used by no other event',
  };
}

function toIssue(error: ErrorObject, root: unknown): DataIssue {
  const path = parsePointer(error.instancePath);
  const value = valueAt(root, path);
  const field = [...path].reverse().find((s): s is string => typeof s === 'string');
  const expectedFor = (key: string | undefined) => (key !== undefined ? EXPECTED[key] : undefined);
  switch (error.keyword) {
    case 'required': {
      const missing = String(error.params['missingProperty']);
      return { severity: 'error', path, problem: `missing field "${missing}"`, expected: expectedFor(missing) ?? 'it to be present' };
    }
    case 'additionalProperties': {
      const extra = String(error.params['additionalProperty']);
      const allowed = allowedKeys(path);
      return {
        severity: 'error',
        path: [...path, extra],
        problem: `unknown field "${extra}"`,
        expected: allowed ? `one of ${allowed.join(', ')}` : 'no other fields',
        atKey: true,
      };
    }
    case 'type':
      return { severity: 'error', path, problem: 'wrong type', found: describeValue(value), expected: article(String(error.params['type'])) };
    case 'enum':
      return {
        severity: 'error',
        path,
        problem: 'not an allowed value',
        found: describeValue(value),
        expected: (error.params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(' or '),
      };
    case 'pattern':
      return { severity: 'error', path, problem: 'badly written', found: describeValue(value), expected: expectedFor(field) ?? `text matching ${String(error.params['pattern'])}` };
    case 'minLength':
      return { severity: 'error', path, problem: 'empty text', found: describeValue(value), expected: 'some text' };
    case 'maxLength':
      return {
        severity: 'error',
        path,
        problem: 'text too long',
        found: `${typeof value === 'string' ? value.length : '?'} characters`,
        expected: `at most ${String(error.params['limit'])}`,
      };
    case 'uniqueItems':
      return { severity: 'error', path, problem: 'the same item twice', found: `items ${String(error.params['j'])} and ${String(error.params['i'])} equal`, expected: 'each item once' };
    default:
      return { severity: 'error', path, problem: error.message ?? 'invalid', found: describeValue(value) };
  }
}

function allowedKeys(path: JsonPath): string[] | undefined {
  if (path.length === 0) return Object.keys(datasetSchema.properties);
  if (path.length === 2) return Object.keys(datasetSchema.definitions.event.properties);
  if (path.length === 4) return Object.keys(datasetSchema.definitions.event.properties.sources.items.properties);
  return undefined;
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function parsePointer(pointer: string): JsonPath {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s));
}

function valueAt(root: unknown, path: JsonPath): unknown {
  let node = root;
  for (const segment of path) {
    if (Array.isArray(node) && typeof segment === 'number') node = node[segment];
    else if (isRecord(node) && typeof segment === 'string' && Object.hasOwn(node, segment)) node = node[segment];
    else return undefined;
  }
  return node;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
