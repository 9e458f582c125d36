import { type CalendarDate, fromJulianDay, toJulianDay } from './calendar.js';
import type { DataIssue } from './dataset-issue.js';
import type { HistoricalEvent } from './event.js';
import { foldText } from './fold-text.js';
import { formatPartialDate, julianDayRange } from './partial-date.js';

/** A warning about one event, tied to its file; the caller places it at a line and column. */
export interface EventWarning extends DataIssue {
  readonly file: string;
}

/** Two 32-bit FNV-1a hashes with different offsets, as one 16-digit hex string. */
function titleHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/**
 * What is legal but suspicious in validated events: the same title twice on the same day (a
 * copy-and-paste slip, or two files that overlap), a date after `today` (a typo in the year),
 * and an event nobody can check (no sources). Pure: `today` is passed in, never read from a clock.
 */
export function findSuspiciousEvents(events: readonly HistoricalEvent[], today: CalendarDate): EventWarning[] {
  const check = createSuspicionCheck(today);
  return events.flatMap((event) => check(event));
}

/**
 * The same checks one event at a time, for a stream of events: it remembers only what the
 * same-title rule needs (a key and the first event's id and place), not the events themselves.
 * A caller that also checks events elsewhere (in worker threads) passes its own same-title check.
 */
export function createSuspicionCheck(today: CalendarDate, sameTitle = createSameTitleCheck()): (event: HistoricalEvent) => EventWarning[] {
  const todayJd = toJulianDay(today);
  return (event) => {
    const { key, warnings } = eventSuspicions(event, todayJd);
    const repeated = sameTitle(key, event);
    return repeated ? [repeated, ...warnings] : warnings;
  };
}

/**
 * What one event shows on its own — the key of the same-title rule, and a date in the future or
 * no sources — so that a worker thread can find it, leaving only the same-title rule, which
 * needs every event before, to the one thread that sees them all in order.
 */
export function eventSuspicions(event: HistoricalEvent, todayJd: number): { key: string; warnings: EventWarning[] } {
  const warnings: EventWarning[] = [];
  const at = (field: string) => ['events', event.origin.index, field];
  const [first] = julianDayRange(event.date, event.calendar);
  // Same day means the same first possible day and the same precision, in either calendar.
  // The folded title is kept as a 64-bit hash, not as text: a million-event file then needs a
  // few dozen bytes per event for this rule (two titles colliding by chance: about 1 in 10^7).
  const key = `${first}:${formatPartialDate(event.date).length}:${titleHash(foldText(event.title).trim())}`;
  if (first > todayJd) {
    warnings.push({
      severity: 'warning',
      file: event.origin.file,
      path: at('date'),
      problem: 'the date is in the future',
      found: JSON.stringify(formatPartialDate(event.date)),
      expected: `a date up to ${formatPartialDate(fromJulianDay(todayJd, 'gregorian'))} (a typo in the year?)`,
    });
  } else if (event.end && julianDayRange(event.end, event.calendar)[0] > todayJd) {
    warnings.push({
      severity: 'warning',
      file: event.origin.file,
      path: at('end'),
      problem: 'the event ends in the future',
      found: JSON.stringify(formatPartialDate(event.end)),
      expected: `a date up to ${formatPartialDate(fromJulianDay(todayJd, 'gregorian'))}`,
    });
  }
  if (event.sources.length === 0) {
    warnings.push({
      severity: 'warning',
      file: event.origin.file,
      path: ['events', event.origin.index],
      problem: 'no sources',
      expected: 'at least one { "title", "url" } in "sources" so readers can check it',
    });
  }
  return { key, warnings };
}

/**
 * The same title on the same day as an earlier event: given each event's key in order, the
 * repeats. `forget` takes back a key it kept (a threaded check given up half-way).
 */
export type SameTitleCheck = ((key: string, event: Pick<HistoricalEvent, 'id' | 'origin' | 'title'>) => EventWarning | undefined) & {
  readonly forget: (key: string) => void;
};

export function createSameTitleCheck(): SameTitleCheck {
  const seen = new Map<string, Pick<HistoricalEvent, 'id' | 'origin'>>();
  const check = (key: string, event: Pick<HistoricalEvent, 'id' | 'origin' | 'title'>): EventWarning | undefined => {
    const earlier = seen.get(key);
    if (!earlier) {
      seen.set(key, { id: event.id, origin: event.origin });
      return undefined;
    }
    const where = earlier.origin.file === event.origin.file ? '' : ` in ${earlier.origin.file}`;
    return {
      severity: 'warning',
      file: event.origin.file,
      path: ['events', event.origin.index, 'title'],
      problem: `the same title on the same day as events[${earlier.origin.index}] (id ${JSON.stringify(earlier.id)})${where}`,
      found: JSON.stringify(event.title),
      expected: 'one event per happening (merge them, or tell them apart in the title)',
    };
  };
  return Object.assign(check, { forget: (key: string) => void seen.delete(key) });
}
