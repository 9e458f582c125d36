import { type CalendarDate, addDays, convertDate, daysInMonth } from './calendar.js';
import { type DayResult, type EventIndex, type MonthResult, findNearest, matchMonth, matchWindow } from './match.js';

export interface QueryOptions {
  readonly reference: CalendarDate;
  readonly years: readonly number[];
  readonly behind: number;
  readonly ahead: number;
  readonly ongoing: boolean;
  readonly month: boolean;
}

/** What a query found, ready for any renderer. */
export type QueryResult =
  | {
      readonly type: 'days';
      readonly options: QueryOptions;
      readonly days: readonly DayResult[];
      /** Filled only when no day in the window has events. */
      readonly nearest: readonly DayResult[];
    }
  | {
      readonly type: 'month';
      readonly options: QueryOptions;
      readonly months: readonly MonthResult[];
    };

export function runQuery(index: EventIndex, options: QueryOptions): QueryResult {
  if (options.month) {
    return { type: 'month', options, months: options.years.map((n) => matchMonth(index, options.reference, n)) };
  }
  const days = matchWindow(index, options);
  const empty = days.every((d) => d.matches.length === 0);
  return { type: 'days', options, days, nearest: empty ? findNearest(index, options, NEAREST_RADIUS) : [] };
}

export function isEmptyResult(result: QueryResult): boolean {
  if (result.type === 'days') return result.days.every((d) => d.matches.length === 0);
  return result.months.every((m) => m.matches.length === 0 && m.undated.length === 0);
}

/** Days around the window searched for the nearest events when nothing matched. */
export const NEAREST_RADIUS = 7;

/**
 * Which month-and-day buckets of a prepared index a query can touch: every day of the window
 * and of the "nearest" search around it, each as a Gregorian and as a Julian day (for Old Style
 * records), with 29 February whenever 28 February is asked for (the leap-day rule).
 */
export function queryNeeds(options: QueryOptions): { keys: Set<number>; spans: boolean; partial: boolean } {
  const keys = new Set<number>();
  const add = (day: CalendarDate) => {
    for (const d of [day, convertDate(day, 'julian')]) {
      keys.add(d.month * 100 + d.day);
      if (d.month === 2 && d.day === 28) keys.add(229);
    }
  };
  if (options.month) {
    const { year, month } = options.reference;
    for (let day = 1; day <= daysInMonth('gregorian', year, month); day++) add({ calendar: 'gregorian', year, month, day });
    if (month === 2) keys.add(229);
    return { keys, spans: false, partial: true };
  }
  for (let offset = -options.behind - NEAREST_RADIUS; offset <= options.ahead + NEAREST_RADIUS; offset++) add(addDays(options.reference, offset));
  return { keys, spans: options.ongoing, partial: false };
}
