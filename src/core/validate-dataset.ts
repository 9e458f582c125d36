import type { ErrorObject } from 'ajv';
import { type CalendarName, convertDate, toJulianDay } from './calendar.js';
import { datasetSchema, EXPECTED } from './dataset-schema.js';
import { compileSchemaCheck, type SchemaCheck } from './schema-check.js';
import { type DataIssue, type JsonPath, describeValue } from './dataset-issue.js';
import type { HistoricalEvent, Source } from './event.js';
import { explainInvalidPartialDate, julianDayRange, parsePartialDate, precisionOf, toCalendarDate, type PartialDate } from './partial-date.js';
import { type CountryReform, REFORMS, countryInSentence, findReform, readLocalDay, switchOf } from './reform.js';
import { parseDualYear, plainDate } from './written-date.js';

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
  // Most calls (one per line of a large file) find nothing wrong: no set to build then.
  const failed = issues.length === 0 ? undefined : new Set(issues.map((issue) => issue.path[1]).filter((i): i is number => typeof i === 'number'));
  list.forEach((raw, index) => {
    if (!isRecord(raw)) return;
    if (failed?.has(index)) {
      // The event is refused already; still report an impossible date in it, so every problem
      // is known at once rather than one fix at a time.
      checkWellFormedDates(raw, index, issues);
      return;
    }
    const event = toEvent(raw, index, file, issues);
    if (event) events.push(event);
  });
  if (events.length > 1) issues.push(...findDuplicateIds(events).map(({ index }) => duplicateIdIssue(list, index)));
  return { events, issues };
}

/** Semantic checks the schema cannot express: real calendar dates and ordered ranges. */
function toEvent(raw: Record<string, unknown>, index: number, file: string, issues: DataIssue[]): HistoricalEvent | undefined {
  const recorded = (raw['calendar'] as CalendarName | 'local' | undefined) ?? 'gregorian';
  const reform = typeof raw['country'] === 'string' ? findReform(raw['country']) : undefined;
  let calendar: CalendarName = recorded === 'local' ? 'gregorian' : recorded;
  let endCalendar = calendar;
  if (recorded === 'local') {
    const resolved = resolveLocal(raw, index, reform, issues);
    if (!resolved) return undefined;
    [calendar, endCalendar] = resolved;
  }
  const date = checkDate(raw, 'date', index, calendar, issues);
  const end = raw['end'] === undefined ? undefined : checkDate(raw, 'end', index, endCalendar, issues);
  if (!date || (raw['end'] !== undefined && !end)) return undefined;
  if (reform) {
    warnAboutReform(raw, 'date', index, date, calendar, recorded, reform, issues);
    if (end) warnAboutReform(raw, 'end', index, end, endCalendar, recorded, reform, issues);
  }
  const dualYear = typeof raw['dualYear'] === 'string' ? checkDualYear(raw['dualYear'], date, calendar, index, issues) : undefined;
  if (raw['dualYear'] !== undefined && dualYear === undefined) return undefined;
  if (end) {
    const [startFirst] = julianDayRange(date, calendar);
    const [, endLast] = julianDayRange(end, endCalendar);
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
  // Built by assignment, in the order the spreads gave before: a million events of spread
  // copies were a twentieth of validating a large file.
  const event: Record<string, unknown> = { id: raw['id'] as string, date };
  if (end) event['end'] = end;
  event['calendar'] = calendar;
  if (endCalendar !== calendar) event['endCalendar'] = endCalendar;
  if (recorded === 'local') event['recordedCalendar'] = 'local';
  if (dualYear !== undefined) event['dualYear'] = dualYear;
  event['title'] = raw['title'] as string;
  for (const key of ['summary', 'place', 'country'] as const) if (typeof raw[key] === 'string') event[key] = raw[key];
  event['kind'] = (raw['kind'] as string | undefined) ?? 'event';
  event['tags'] = (raw['tags'] as string[] | undefined) ?? [];
  event['sources'] = (raw['sources'] as Source[] | undefined) ?? [];
  if (typeof raw['note'] === 'string') event['note'] = raw['note'];
  event['origin'] = { file, index };
  return event as unknown as HistoricalEvent;
}

/**
 * calendar "local": the calendar in force in the event's country on the day, from the reform
 * table. A date known only to the month or year is read by its first day; a first day the switch
 * skipped means the period ended under the Gregorian calendar.
 */
function resolveLocal(raw: Record<string, unknown>, index: number, reform: CountryReform | undefined, issues: DataIssue[]): [CalendarName, CalendarName] | undefined {
  if (!reform) {
    const country = raw['country'];
    issues.push({
      severity: 'error',
      path: ['events', index, country === undefined ? 'calendar' : 'country'],
      problem: country === undefined ? 'calendar "local" needs a country' : 'no reform date known for this country, so "local" cannot be resolved',
      found: describeValue(country === undefined ? 'local' : country),
      expected: country === undefined ? 'a country field (ISO code such as "GB" or "RU")' : `one of ${REFORMS.map((r) => r.code).join(' ')}, or calendar "julian"/"gregorian"`,
    });
    return undefined;
  }
  const out: CalendarName[] = [];
  for (const field of ['date', 'end'] as const) {
    const text = raw[field];
    const date = typeof text === 'string' ? parsePartialDate(text) : undefined;
    if (!date) {
      out.push('gregorian'); // checkDate reports the shape
      continue;
    }
    const reading = readLocalDay(reform, date.year, date.month ?? 1, date.day ?? 1);
    switch (reading.kind) {
      case 'day':
        out.push(reading.date.calendar);
        break;
      case 'gap':
        // A day number the switch skipped existed only in the old reckoning: read it as Old Style (and warn below).
        out.push(precisionOf(date) === 'day' ? 'julian' : 'gregorian');
        break;
      case 'invalid':
        out.push(reading.calendar); // checkDate reports it, naming that calendar
        break;
      case 'unreadable':
        issues.push({
          severity: 'error',
          path: ['events', index, field],
          problem: `${countryInSentence(reform)} used a lunisolar calendar before ${plainDate(reading.firstGregorian)}, so "local" cannot be resolved`,
          found: describeValue(text),
          expected: 'the date converted to calendar "julian" or "gregorian"',
        });
        return undefined;
    }
  }
  const [date = 'gregorian', end = date] = out;
  return [date, raw['end'] === undefined ? date : end];
}

/** Warnings, not errors: the data may be right on purpose, but usually it is a slip. */
function warnAboutReform(
  raw: Record<string, unknown>,
  field: 'date' | 'end',
  index: number,
  date: PartialDate,
  calendar: CalendarName,
  recorded: CalendarName | 'local',
  reform: CountryReform,
  issues: DataIssue[],
): void {
  const sw = switchOf(reform);
  const full = toCalendarDate(date, calendar);
  if (!sw || !full) return;
  const where = countryInSentence(reform);
  const switched = sw.lastJulian
    ? `${plainDate(sw.lastJulian)} (Julian) was followed by ${plainDate(sw.firstGregorian)} (Gregorian)`
    : `the Gregorian calendar began on ${plainDate(sw.firstGregorian)}`;
  const warn = (problem: string, expected: string) =>
    issues.push({ severity: 'warning', path: ['events', index, field], problem, found: describeValue(raw[field]), expected });
  const reading = readLocalDay(reform, full.year, full.month, full.day);
  if (reading.kind === 'gap') {
    warn(
      `this day was skipped in ${where}: ${switched}`,
      recorded === 'local' ? 'a day that existed there (it is read as Old Style)' : 'a day that existed there, unless the source gives it so',
    );
    return;
  }
  const jd = toJulianDay(full);
  if (calendar === 'julian' && jd >= sw.firstGregorianJd && recorded === 'julian') {
    warn(`a julian date after ${where} changed to the Gregorian calendar (${switched})`, 'calendar "gregorian" or "local", unless the source really gives Old Style');
  } else if (calendar === 'gregorian' && jd < sw.firstGregorianJd && reform.before === 'julian' && recorded === 'gregorian' && raw['calendar'] === undefined) {
    // Only when the calendar was left to its default: `"calendar": "gregorian"` written out says
    // the New Style date is meant (Gallipoli as the Allies dated it, an armistice signed in Greece).
    const os = convertDate(full, 'julian');
    warn(
      `a gregorian date in ${where} before it changed to the Gregorian calendar (${switched}); sources there write it ${plainDate(os)} O.S.`,
      'calendar "julian" (or "local") with the date as the sources give it, or "calendar": "gregorian" written out if the New Style date is meant',
    );
  }
}

/** `dualYear` must agree with `date`: the historical year, a day from 1 January to 24 March, Old Style. */
function checkDualYear(text: string, date: PartialDate, calendar: CalendarName, index: number, issues: DataIssue[]): string | undefined {
  const parsed = parseDualYear(text);
  const problem = !parsed.ok
    ? parsed.problem
    : parsed.dualYear.historical !== date.year
      ? `the historical year of ${text} is ${parsed.dualYear.historical} but date is in ${date.year}`
      : date.month === undefined || date.month > 3 || (date.month === 3 && (date.day ?? 1) >= 25)
        ? 'a dual-dated year belongs only to a date from 1 January to 24 March'
        : calendar !== 'julian'
          ? 'a dual-dated year belongs to an Old Style date'
          : undefined;
  if (problem === undefined) return text;
  issues.push({
    severity: 'error',
    path: ['events', index, 'dualYear'],
    problem,
    found: describeValue(text),
    expected: 'the legal and historical years of a julian date between 1 January and 24 March, e.g. "1731/32" with date "1732-02-11"',
  });
  return undefined;
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

/** For an event the schema refused: the calendar check of `date` and `end`, where they are at least well formed. */
function checkWellFormedDates(raw: Record<string, unknown>, index: number, issues: DataIssue[]): void {
  const calendar = raw['calendar'];
  if (calendar !== undefined && calendar !== 'gregorian' && calendar !== 'julian') return;
  for (const field of ['date', 'end'] as const) {
    const value = raw[field];
    if (typeof value === 'string' && parsePartialDate(value)) checkDate(raw, field, index, calendar ?? 'gregorian', issues);
  }
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
        problem: `unknown field ${extra.length > 60 ? describeValue(extra) : `"${extra}"`}`,
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
