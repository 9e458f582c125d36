import { type CalendarDate, addDays, convertDate, fromJulianDay, isLeapYear, isValidDate, toJulianDay } from './calendar.js';
import type { HistoricalEvent } from './event.js';
import { julianDayRange, precisionOf } from './partial-date.js';

/** How an event relates to the day asked about. */
export type MatchKind = 'start' | 'end' | 'ongoing';

/**
 * The two meanings of an Old Style anniversary. elapsed: the event's true (proleptic Gregorian)
 * date, so 25 October 1917 O.S. is remembered on 7 November. nominal: the same Julian day and
 * month every year, read on today's Gregorian date, as Orthodox feasts are kept. They differ for
 * events before March 1900 and after February 2100; for New Style events they are the same day.
 */
export type AnniversaryRule = 'elapsed' | 'nominal';
export const ANNIVERSARY_RULES: readonly AnniversaryRule[] = ['elapsed', 'nominal'];

export interface EventMatch {
  readonly event: HistoricalEvent;
  readonly kind: MatchKind;
  /** First day, proleptic Gregorian (Old Style dates converted). */
  readonly start: CalendarDate;
  /** Last day of a multi-day event, proleptic Gregorian. */
  readonly end?: CalendarDate;
  /** Which meaning of the anniversary matched (absent means elapsed). */
  readonly anniversary?: AnniversaryRule;
}

export interface DayResult {
  /** The day in the query window (Gregorian). */
  readonly day: CalendarDate;
  /** Offset of `day` from the reference day, in days. */
  readonly offset: number;
  readonly yearsAgo: number;
  /** The same day N years back; absent when it never existed (29 February 1900). */
  readonly target?: CalendarDate;
  readonly matches: readonly EventMatch[];
}

/** An event known to the day, with its Gregorian span worked out once. */
interface DatedEvent {
  readonly event: HistoricalEvent;
  readonly start: CalendarDate;
  readonly startJd: number;
  readonly end?: CalendarDate;
  readonly endJd?: number;
  /** Old Style events only: the Julian first and last days, for the nominal anniversary. */
  readonly julianStart?: CalendarDate;
  readonly julianEnd?: CalendarDate;
}

/** Events prepared for matching: by Gregorian month and day, plus the multi-day ones for --ongoing. */
export interface EventIndex {
  readonly byMonthDay: ReadonlyMap<number, readonly { dated: DatedEvent; kind: 'start' | 'end' }[]>;
  /** Old Style events by Julian month and day. */
  readonly byJulianMonthDay?: ReadonlyMap<number, readonly { dated: DatedEvent; kind: 'start' | 'end' }[]>;
  readonly spans: readonly DatedEvent[];
  readonly partial: readonly HistoricalEvent[];
  readonly size: number;
}

const monthDayKey = (month: number, day: number) => month * 100 + day;

export function buildEventIndex(events: readonly HistoricalEvent[]): EventIndex {
  const byMonthDay = new Map<number, { dated: DatedEvent; kind: 'start' | 'end' }[]>();
  const byJulianMonthDay = new Map<number, { dated: DatedEvent; kind: 'start' | 'end' }[]>();
  const spans: DatedEvent[] = [];
  const partial: HistoricalEvent[] = [];
  const add = (date: CalendarDate, entry: { dated: DatedEvent; kind: 'start' | 'end' }, map = byMonthDay) => {
    const key = monthDayKey(date.month, date.day);
    const list = map.get(key);
    if (list) list.push(entry);
    else map.set(key, [entry]);
  };
  for (const event of events) {
    if (precisionOf(event.date) !== 'day') {
      partial.push(event);
      continue;
    }
    const [startJd] = julianDayRange(event.date, event.calendar);
    const start = fromJulianDay(startJd, 'gregorian');
    let dated: DatedEvent = { event, start, startJd };
    if (event.end) {
      // An end known only to the month or year counts from its last possible day.
      const [, endJd] = julianDayRange(event.end, event.endCalendar ?? event.calendar);
      dated = { ...dated, end: fromJulianDay(endJd, 'gregorian'), endJd };
      spans.push(dated);
    }
    if (event.calendar === 'julian') {
      dated = { ...dated, julianStart: fromJulianDay(startJd, 'julian'), ...(dated.endJd !== undefined ? { julianEnd: fromJulianDay(dated.endJd, 'julian') } : {}) };
      if (event.end) spans[spans.length - 1] = dated;
    }
    const endToo = dated.end && precisionOf(event.end ?? event.date) === 'day';
    add(start, { dated, kind: 'start' });
    if (dated.end && endToo) add(dated.end, { dated, kind: 'end' });
    if (dated.julianStart) {
      add(dated.julianStart, { dated, kind: 'start' }, byJulianMonthDay);
      if (dated.julianEnd && endToo) add(dated.julianEnd, { dated, kind: 'end' }, byJulianMonthDay);
    }
  }
  return { byMonthDay, byJulianMonthDay, spans, partial, size: events.length };
}

export interface DayQuery {
  readonly day: CalendarDate;
  readonly yearsAgo: number;
  readonly ongoing: boolean;
  readonly offset?: number;
  readonly anniversary?: AnniversaryRule;
}

/**
 * Events whose anniversary falls on `day`, exactly `yearsAgo` years on.
 * Leap-day rule: an event of 29 February is remembered on 28 February in a year without one
 * (the rule most legal systems use for leap-day birthdays counting complete years).
 */
export function matchDay(index: EventIndex, query: DayQuery): DayResult {
  const { day, yearsAgo, ongoing } = query;
  const targetYear = day.year - yearsAgo;
  const matches: EventMatch[] = [];
  const seen = new Set<string>();
  const nominal = query.anniversary === 'nominal';
  // Under the nominal rule, Old Style events are matched by their Julian day and month instead.
  const byThisRule = (dated: DatedEvent) => !(nominal && dated.julianStart);
  const take = (dated: DatedEvent, kind: MatchKind, anniversary: AnniversaryRule = 'elapsed') => {
    const key = `${dated.event.origin.file}\u0000${dated.event.origin.index}`;
    if (seen.has(key)) return;
    seen.add(key);
    matches.push({ event: dated.event, kind, start: dated.start, ...(dated.end ? { end: dated.end } : {}), anniversary });
  };
  const keys = [monthDayKey(day.month, day.day)];
  if (day.month === 2 && day.day === 28 && !isLeapYear('gregorian', day.year)) keys.push(monthDayKey(2, 29));
  for (const key of keys) {
    for (const { dated, kind } of index.byMonthDay.get(key) ?? []) {
      const date = kind === 'start' ? dated.start : dated.end;
      if (date?.year === targetYear && byThisRule(dated)) take(dated, kind);
    }
  }
  const targetCandidate: CalendarDate = { calendar: 'gregorian', year: targetYear, month: day.month, day: day.day };
  const target = targetYear >= 1 && isValidDate(targetCandidate) ? targetCandidate : undefined;
  if (ongoing && target) {
    const targetJd = toJulianDay(target);
    for (const dated of index.spans) {
      if (dated.endJd !== undefined && dated.startJd < targetJd && targetJd < dated.endJd && byThisRule(dated)) take(dated, 'ongoing');
    }
  }
  if (nominal) matchNominal(index, day, yearsAgo, ongoing, take);
  matches.sort(compareMatches);
  return { day, offset: query.offset ?? 0, yearsAgo, ...(target ? { target } : {}), matches };
}

/**
 * The nominal rule: the day's Julian reading, N Julian years back, against the Julian day and month
 * of Old Style events (29 February O.S. on 28 February O.S. in a Julian common year, as above).
 */
function matchNominal(
  index: EventIndex,
  day: CalendarDate,
  yearsAgo: number,
  ongoing: boolean,
  take: (dated: DatedEvent, kind: MatchKind, anniversary: AnniversaryRule) => void,
): void {
  const julianDay = convertDate(day, 'julian');
  const targetYear = julianDay.year - yearsAgo;
  const keys = [monthDayKey(julianDay.month, julianDay.day)];
  if (julianDay.month === 2 && julianDay.day === 28 && !isLeapYear('julian', julianDay.year)) keys.push(monthDayKey(2, 29));
  for (const key of keys) {
    for (const { dated, kind } of index.byJulianMonthDay?.get(key) ?? []) {
      const date = kind === 'start' ? dated.julianStart : dated.julianEnd;
      if (date?.year === targetYear) take(dated, kind, 'nominal');
    }
  }
  const target: CalendarDate = { calendar: 'julian', year: targetYear, month: julianDay.month, day: julianDay.day };
  if (!ongoing || targetYear < 1 || !isValidDate(target)) return;
  const targetJd = toJulianDay(target);
  for (const dated of index.spans) {
    if (dated.julianStart && dated.endJd !== undefined && dated.startJd < targetJd && targetJd < dated.endJd) take(dated, 'ongoing', 'nominal');
  }
}

/**
 * A stable, locale-independent order for titles (by UTF-16 code units). Not localeCompare: its
 * ICU collator costs a cron run more start-up time than the whole match does.
 */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const KIND_ORDER: Record<MatchKind, number> = { start: 0, ongoing: 1, end: 2 };

function compareMatches(a: EventMatch, b: EventMatch): number {
  return (
    toJulianDay(a.start) - toJulianDay(b.start) ||
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    compareText(a.event.title, b.event.title) ||
    (a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0)
  );
}

export interface WindowQuery {
  readonly reference: CalendarDate;
  readonly years: readonly number[];
  readonly behind: number;
  readonly ahead: number;
  readonly ongoing: boolean;
  readonly anniversary?: AnniversaryRule;
}

/** Every day from `behind` days before the reference to `ahead` days after, for each span of years. */
export function matchWindow(index: EventIndex, query: WindowQuery): DayResult[] {
  const days: DayResult[] = [];
  for (let offset = -query.behind; offset <= query.ahead; offset++) {
    const day = addDays(query.reference, offset);
    for (const yearsAgo of query.years) days.push(matchDay(index, { day, yearsAgo, ongoing: query.ongoing, offset, ...rule(query) }));
  }
  return days;
}

const rule = (query: WindowQuery) => (query.anniversary ? { anniversary: query.anniversary } : {});

/** When a query finds nothing: the closest days within `radius` that do have events. */
export function findNearest(index: EventIndex, query: WindowQuery, radius = 7): DayResult[] {
  for (let distance = 1; distance <= radius; distance++) {
    const found: DayResult[] = [];
    for (const offset of [-query.behind - distance, query.ahead + distance]) {
      const day = addDays(query.reference, offset);
      for (const yearsAgo of query.years) {
        const result = matchDay(index, { day, yearsAgo, ongoing: false, offset, ...rule(query) });
        if (result.matches.length > 0) found.push(result);
      }
    }
    if (found.length > 0) return found;
  }
  return [];
}

export interface MonthResult {
  readonly yearsAgo: number;
  readonly year: number;
  readonly month: number;
  /** Day-precise events of that month, by Gregorian date. */
  readonly matches: readonly EventMatch[];
  /** Events known only to the month (or only to the year) that fall in it. */
  readonly undated: readonly HistoricalEvent[];
}

/**
 * The events of one month N years back. Day-precise events are placed by their Gregorian date;
 * an Old Style event known only to the month keeps its own month number, since its Gregorian
 * month cannot be known (it straddles two).
 */
export function matchMonth(index: EventIndex, reference: CalendarDate, yearsAgo: number, anniversary: AnniversaryRule = 'elapsed'): MonthResult {
  const year = reference.year - yearsAgo;
  const month = reference.month;
  // Under the nominal rule an Old Style event belongs to its own Julian month, N Julian years back
  // from the reference day's Julian reading, as Orthodox feasts keep their Old Style month.
  const julian = convertDate(reference, 'julian');
  const nominal = anniversary === 'nominal';
  const matches: EventMatch[] = [];
  const take = (dated: DatedEvent, rule: AnniversaryRule) =>
    matches.push({ event: dated.event, kind: 'start', start: dated.start, ...(dated.end ? { end: dated.end } : {}), ...(rule === 'nominal' ? { anniversary: rule } : {}) });
  for (const [key, entries] of index.byMonthDay) {
    if (Math.floor(key / 100) !== month) continue;
    for (const { dated, kind } of entries) {
      if (kind === 'start' && dated.start.year === year && !(nominal && dated.julianStart)) take(dated, 'elapsed');
    }
  }
  if (nominal) {
    for (const [key, entries] of index.byJulianMonthDay ?? []) {
      if (Math.floor(key / 100) !== julian.month) continue;
      for (const { dated, kind } of entries) {
        if (kind === 'start' && dated.julianStart?.year === julian.year - yearsAgo) take(dated, 'nominal');
      }
    }
  }
  matches.sort(compareMatches);
  const undated = index.partial
    .filter((e) => e.date.year === year && (e.date.month === undefined || e.date.month === month))
    .sort((a, b) => (a.date.month ?? 13) - (b.date.month ?? 13) || compareText(a.title, b.title));
  return { yearsAgo, year, month, matches, undated };
}

/** Every event known to the day, taken on its first day: what a calendar file to subscribe to holds. */
export function allDatedMatches(index: EventIndex): EventMatch[] {
  const matches: EventMatch[] = [];
  for (const entries of index.byMonthDay.values()) {
    for (const { dated, kind } of entries) {
      if (kind === 'start') matches.push({ event: dated.event, kind, start: dated.start, ...(dated.end ? { end: dated.end } : {}) });
    }
  }
  return matches.sort(compareMatches);
}
