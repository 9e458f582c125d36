import { type CalendarDate, type CalendarName, convertDate, isValidDate, toJulianDay } from './calendar.js';
import type { HistoricalEvent } from './event.js';
import { julianDayRange, precisionOf } from './partial-date.js';
import { type CountryReform, readLocalDay, switchOf } from './reform.js';

/** One day of a month as a calendar shows it. */
export interface GridDay {
  readonly date: CalendarDate;
  readonly jd: number;
  /** The same day in the other calendar, when the grid shows both numbers. */
  readonly other?: CalendarDate;
  readonly events: readonly HistoricalEvent[];
}

export interface MonthGrid {
  readonly year: number;
  readonly month: number;
  readonly country?: CountryReform;
  /** The days that existed, in order (a switch month has fewer). */
  readonly days: readonly GridDay[];
  /** Day numbers of this month that a country's switch skipped. */
  readonly skipped: readonly number[];
  /** Which calendars the days are in: one, or both in a switch month. */
  readonly calendars: readonly CalendarName[];
  /** The country used a calendar centenary cannot show then (Japan before 1873): Gregorian days instead. */
  readonly unreadable: boolean;
}

export interface MonthGridOptions {
  readonly year: number;
  readonly month: number;
  /** Show the month as it was numbered in this country, switch included. */
  readonly country?: CountryReform;
  /** Show each day's number in the other calendar beside its own. */
  readonly oldStyle: boolean;
  readonly events: readonly HistoricalEvent[];
}

/**
 * A month as `cal` shows it: the Gregorian month, or with a country the month as it was numbered
 * there, in the calendar in force on each day, without the days its switch skipped.
 */
export function buildMonthGrid(options: MonthGridOptions): MonthGrid {
  const { year, month, country } = options;
  const dates: CalendarDate[] = [];
  const skipped: number[] = [];
  let unreadable = false;
  for (let day = 1; day <= 31; day++) {
    const gregorian: CalendarDate = { calendar: 'gregorian', year, month, day };
    if (!country) {
      if (isValidDate(gregorian)) dates.push(gregorian);
      continue;
    }
    const reading = readLocalDay(country, year, month, day);
    if (reading.kind === 'day') dates.push(reading.date);
    else if (reading.kind === 'gap') skipped.push(day);
    else if (reading.kind === 'unreadable' && isValidDate(gregorian)) {
      unreadable = true;
      dates.push(gregorian);
    }
  }
  const calendars = [...new Set(dates.map((d) => d.calendar))];
  const both = options.oldStyle || (country !== undefined && (calendars.includes('julian') || skipped.length > 0));
  const spans = eventSpans(options.events);
  const days = dates.map((date): GridDay => {
    const jd = toJulianDay(date);
    const events = spans.filter((s) => s.first <= jd && jd <= s.last).map((s) => s.event);
    return { date, jd, ...(both ? { other: convertDate(date, date.calendar === 'julian' ? 'gregorian' : 'julian') } : {}), events };
  });
  return { year, month, ...(country ? { country } : {}), days, skipped, calendars, unreadable };
}

function eventSpans(events: readonly HistoricalEvent[]): { event: HistoricalEvent; first: number; last: number }[] {
  return events
    .filter((e) => precisionOf(e.date) === 'day')
    .map((event) => {
      const [first] = julianDayRange(event.date, event.calendar);
      const last = event.end ? julianDayRange(event.end, event.endCalendar ?? event.calendar)[1] : first;
      return { event, first, last };
    });
}

/** The switch a month's skipped days belong to, for the note under the grid. */
export function switchNote(grid: MonthGrid) {
  return grid.country && grid.skipped.length > 0 ? switchOf(grid.country) : undefined;
}
