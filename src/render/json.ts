import { type CalendarDate, convertDate, formatIsoDate, weekdayOf } from '../core/calendar.js';
import type { HistoricalEvent } from '../core/event.js';
import type { DayResult, EventMatch, MonthResult } from '../core/match.js';
import { formatPartialDate } from '../core/partial-date.js';
import type { QueryResult } from '../core/query.js';
import type { RenderContext } from './context.js';
import { escapeJsonText } from './sanitize.js';

/** Version of the JSON document; bumped only on an incompatible change (see README, "JSON output"). */
export const JSON_FORMAT_VERSION = 1;

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

export interface DualDateJson {
  readonly gregorian: string;
  readonly julian: string;
  readonly weekday: (typeof WEEKDAYS)[number];
}

export function dualDateJson(date: CalendarDate): DualDateJson {
  return {
    gregorian: formatIsoDate(convertDate(date, 'gregorian')),
    julian: formatIsoDate(convertDate(date, 'julian')),
    weekday: WEEKDAYS[weekdayOf(date)] ?? 'Sunday',
  };
}

export function eventFields(event: HistoricalEvent) {
  return {
    id: event.id,
    title: event.title,
    ...(event.summary !== undefined ? { summary: event.summary } : {}),
    ...(event.place !== undefined ? { place: event.place } : {}),
    ...(event.country !== undefined ? { country: event.country } : {}),
    kind: event.kind,
    tags: event.tags,
    sources: event.sources,
    ...(event.note !== undefined ? { note: event.note } : {}),
    recorded: {
      calendar: event.recordedCalendar ?? event.calendar,
      ...(event.recordedCalendar ? { resolved: event.calendar } : {}),
      date: formatPartialDate(event.date),
      ...(event.dualYear !== undefined ? { dualYear: event.dualYear } : {}),
      ...(event.end ? { end: formatPartialDate(event.end) } : {}),
    },
  };
}

function matchJson(match: EventMatch) {
  return {
    ...eventFields(match.event),
    match: match.kind,
    anniversary: match.anniversary ?? 'elapsed',
    date: dualDateJson(match.start),
    ...(match.end ? { end: dualDateJson(match.end) } : {}),
  };
}

function dayJson(day: DayResult) {
  return {
    date: formatIsoDate(day.day),
    offset: day.offset,
    yearsAgo: day.yearsAgo,
    target: day.target ? dualDateJson(day.target) : null,
    events: day.matches.map(matchJson),
  };
}

function monthJson(month: MonthResult) {
  return {
    yearsAgo: month.yearsAgo,
    month: `${String(month.year).padStart(4, '0')}-${String(month.month).padStart(2, '0')}`,
    events: month.matches.map(matchJson),
    undated: month.undated.map(eventFields),
  };
}

/** A stable document for scripts and `jq`; keys and meanings are documented in the README. */
export function renderJson(result: QueryResult, ctx: RenderContext): string {
  const { options } = result;
  const head = {
    version: JSON_FORMAT_VERSION,
    reference: dualDateJson(options.reference),
    timeZone: ctx.timeZone,
    years: options.years,
    oldStyleAnniversary: options.anniversary ?? 'elapsed',
  };
  const body =
    result.type === 'days'
      ? {
          ...head,
          window: { behind: options.behind, ahead: options.ahead },
          ongoing: options.ongoing,
          days: result.days.map(dayJson),
          nearest: result.nearest.map(dayJson),
          ...(result.months ? { months: result.months.map(monthJson) } : {}),
        }
      : { ...head, months: result.months.map(monthJson) };
  return `${escapeJsonText(JSON.stringify(body, null, 2))}\n`;
}
