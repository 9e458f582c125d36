import { type CalendarDate, addDays, convertDate, daysInMonth } from './calendar.js';
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
    return { type: 'month', options, months: options.years.map((n) => matchMonth(index, options.reference, n, options.anniversary)) };
  }
  const days = matchWindow(index, options);
  const empty = days.every((d) => d.matches.length === 0);
  return { type: 'days', options, days, nearest: empty ? findNearest(index, options, NEAREST_RADIUS) : [] };
}

/** A day's edition for `centenary digest`: the window of days, and with `thisMonth` the month N years back. */
export function runDigest(index: EventIndex, options: Omit<QueryOptions, 'month'> & { readonly thisMonth: boolean }): QueryResult {
  const { thisMonth, ...rest } = options;
  const result = runQuery(index, { ...rest, month: false });
  if (!thisMonth || result.type !== 'days') return result;
  return { ...result, months: options.years.map((n) => matchMonth(index, options.reference, n, options.anniversary)) };
}

const emptyMonth = (m: MonthResult) => m.matches.length === 0 && m.undated.length === 0;

export function isEmptyResult(result: QueryResult): boolean {
  if (result.type === 'days') return result.days.every((d) => d.matches.length === 0) && (result.months ?? []).every(emptyMonth);
  return result.months.every(emptyMonth);
}

/** Days around the window searched for the nearest events when nothing matched. */
export const NEAREST_RADIUS = 7;

/** What part of a prepared index a query can touch. */
export interface QueryNeeds {
  /** Month-and-day buckets, as month * 100 + day. */
  readonly keys: ReadonlySet<number>;
  /** Only events whose years reach one of these can match. */
  readonly years: ReadonlySet<number>;
  /** Multi-day events, any year (for --ongoing). */
  readonly spans: boolean;
  /** Events known only to the month or year. */
  readonly partial: boolean;
}

/**
 * The buckets and years a query needs: every day of the window (with 29 February whenever
 * 28 February is asked for — the leap-day rule), widened by NEAREST_RADIUS days when the
 * nearest events are to be searched because the window itself found nothing.
 */
export function queryNeeds(options: QueryOptions, withNearest = false): QueryNeeds {
  const keys = new Set<number>();
  const years = new Set<number>();
  const add = (day: CalendarDate) => {
    // Under the nominal rule Old Style events are found by the day's Julian reading as well.
    const readings = options.anniversary === 'nominal' ? [day, convertDate(day, 'julian')] : [day];
    for (const d of readings) {
      keys.add(d.month * 100 + d.day);
      if (d.month === 2 && d.day === 28) keys.add(229);
      for (const n of options.years) years.add(d.year - n);
    }
  };
  if (options.month) {
    const { year, month } = options.reference;
    for (let day = 1; day <= daysInMonth('gregorian', year, month); day++) add({ calendar: 'gregorian', year, month, day });
    if (month === 2) keys.add(229);
    if (options.anniversary === 'nominal') {
      // The Julian month of the reference day, for Old Style events kept by their own month.
      const julian = convertDate(options.reference, 'julian');
      for (let day = 1; day <= 31; day++) keys.add(julian.month * 100 + day);
      for (const n of options.years) years.add(julian.year - n);
    }
    return { keys, years, spans: false, partial: true };
  }
  const radius = withNearest ? NEAREST_RADIUS : 0;
  for (let offset = -options.behind - radius; offset <= options.ahead + radius; offset++) add(addDays(options.reference, offset));
  return { keys, years, spans: options.ongoing, partial: false };
}
