import type { CalendarDate } from './calendar.js';
import { type AnniversaryRule, type DayResult, type EventIndex, type MonthResult, findNearest, matchMonth, matchWindow } from './match.js';

export interface QueryOptions {
  readonly reference: CalendarDate;
  readonly years: readonly number[];
  readonly behind: number;
  readonly ahead: number;
  readonly ongoing: boolean;
  readonly month: boolean;
  /** Which meaning of an Old Style anniversary to match; default elapsed. */
  readonly anniversary?: AnniversaryRule;
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
  return { type: 'days', options, days, nearest: empty ? findNearest(index, options) : [] };
}

export function isEmptyResult(result: QueryResult): boolean {
  if (result.type === 'days') return result.days.every((d) => d.matches.length === 0);
  return result.months.every((m) => m.matches.length === 0 && m.undated.length === 0);
}
