import type { Locale } from 'date-fns';
import { type CalendarDate, type Weekday, convertDate, weekdayOf } from '../core/calendar.js';
import type { PartialDate } from '../core/partial-date.js';

/** Month and weekday names come from a date-fns locale; the dates themselves never become `Date`s. */
export interface DateWords {
  readonly locale: Locale;
}

export function monthName(words: DateWords, month: number): string {
  return words.locale.localize.month((month - 1) as never, { width: 'wide', context: 'formatting' });
}

export function weekdayName(words: DateWords, weekday: Weekday): string {
  return words.locale.localize.day(weekday, { width: 'wide', context: 'formatting' });
}

/** "26 November 1926", or "Friday, 26 November 1926" with the weekday. */
export function longDate(words: DateWords, date: CalendarDate, withWeekday = false): string {
  const text = `${date.day} ${monthName(words, date.month)} ${date.year}`;
  return withWeekday ? `${capitalise(weekdayName(words, weekdayOf(date)))}, ${text}` : text;
}

/** "6–8 November 1917", "30 October – 2 November 1917", "30 December 1926 – 2 January 1927". */
export function dateRange(words: DateWords, start: CalendarDate, end: CalendarDate | undefined, withYear = true): string {
  const year = (d: CalendarDate) => (withYear ? ` ${d.year}` : '');
  const dayMonth = (d: CalendarDate) => `${d.day} ${monthName(words, d.month)}`;
  if (!end) return `${dayMonth(start)}${year(start)}`;
  if (start.year === end.year && start.month === end.month) return `${start.day}–${dayMonth(end)}${year(end)}`;
  if (start.year === end.year) return `${dayMonth(start)} – ${dayMonth(end)}${year(end)}`;
  return `${dayMonth(start)} ${start.year} – ${dayMonth(end)} ${end.year}`;
}

/**
 * A Gregorian date or range with its Old Style reading, as the blog wrote it:
 * "7 November 1917 (25 October O.S.)"; the O.S. year is given only when it differs.
 */
export function dualDate(words: DateWords, start: CalendarDate, end: CalendarDate | undefined, oldStyle: boolean): string {
  const newStyle = dateRange(words, start, end);
  if (!oldStyle) return newStyle;
  const jStart = convertDate(start, 'julian');
  const jEnd = end ? convertDate(end, 'julian') : undefined;
  const sameYears = jStart.year === start.year && (jEnd?.year ?? jStart.year) === (end?.year ?? start.year);
  return `${newStyle} (${dateRange(words, jStart, jEnd, !sameYears)} O.S.)`;
}

/** "Friday, 26 November 1926 (13 November O.S.)" */
export function dualDayHeading(words: DateWords, date: CalendarDate, oldStyle: boolean): string {
  const text = longDate(words, date, true);
  if (!oldStyle) return text;
  const j = convertDate(date, 'julian');
  return `${text} (${dateRange(words, j, undefined, j.year !== date.year)} O.S.)`;
}

/** "November 1926", "1926" for dates known only that far. */
export function partialDateText(words: DateWords, date: PartialDate): string {
  if (date.month === undefined) return String(date.year);
  return `${capitalise(monthName(words, date.month))} ${date.year}`;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
