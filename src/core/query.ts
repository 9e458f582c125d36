import type { CalendarDate } from './calendar.js';
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
      /** A digest's "this month N years ago", after the days; absent in a plain query. */
      readonly months?: readonly MonthResult[];
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
  return { type: 'days', options, days, nearest: empty ? findNearest(index, options) : [] };
}

/** A day's edition for `centenary digest`: the window of days, and with `thisMonth` the month N years back. */
export function runDigest(index: EventIndex, options: Omit<QueryOptions, 'month'> & { readonly thisMonth: boolean }): QueryResult {
  const { thisMonth, ...rest } = options;
  const result = runQuery(index, { ...rest, month: false });
  if (!thisMonth || result.type !== 'days') return result;
  return { ...result, months: options.years.map((n) => matchMonth(index, options.reference, n)) };
}

const emptyMonth = (m: MonthResult) => m.matches.length === 0 && m.undated.length === 0;

export function isEmptyResult(result: QueryResult): boolean {
  if (result.type === 'days') return result.days.every((d) => d.matches.length === 0) && (result.months ?? []).every(emptyMonth);
  return result.months.every(emptyMonth);
}
