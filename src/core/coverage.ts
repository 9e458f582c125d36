import { type CalendarDate, formatIsoDate, fromJulianDay, toJulianDay } from './calendar.js';
import type { HistoricalEvent } from './event.js';
import { julianDayRange, precisionOf } from './partial-date.js';

export interface CoverageOptions {
  readonly from: CalendarDate;
  readonly to: CalendarDate;
  /** A day with fewer events than this is "thin". */
  readonly minimum: number;
  /** A month with fewer day-dated events than this is "thin" (the floor for the sparser spans). */
  readonly minimumPerMonth: number;
}

export interface Coverage {
  readonly from: string;
  readonly to: string;
  readonly minimum: number;
  readonly minimumPerMonth: number;
  readonly days: number;
  readonly events: number;
  /** Events in range known only to the month or year. */
  readonly undated: number;
  readonly daysWithEvents: number;
  readonly emptyDays: readonly string[];
  readonly thinDays: readonly { readonly date: string; readonly events: number }[];
  readonly perDay: { readonly min: number; readonly max: number; readonly mean: number; readonly median: number };
  readonly byKind: Readonly<Record<string, number>>;
  readonly byCountry: Readonly<Record<string, number>>;
  readonly byMonth: readonly { readonly month: string; readonly events: number; readonly emptyDays: number; readonly thinDays: number }[];
  /** Months of the span (whole or in part) with fewer events than `minimumPerMonth`. */
  readonly thinMonths: readonly { readonly month: string; readonly events: number }[];
}

const sortedRecord = (counts: Map<string, number>) =>
  Object.fromEntries([...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));

/**
 * How well a span of days is covered: events per day (by Gregorian start day, so Old Style
 * events count on the day they are remembered), empty and thin days, counts per kind and country.
 */
export function measureCoverage(events: readonly HistoricalEvent[], options: CoverageOptions): Coverage {
  const first = toJulianDay(options.from);
  const last = toJulianDay(options.to);
  const perDay = new Map<number, number>();
  const byKind = new Map<string, number>();
  const byCountry = new Map<string, number>();
  let inRange = 0;
  let undated = 0;
  for (const event of events) {
    const [start, end] = julianDayRange(event.date, event.calendar);
    if (end < first || start > last) continue;
    if (precisionOf(event.date) !== 'day') {
      undated++;
      continue;
    }
    inRange++;
    perDay.set(start, (perDay.get(start) ?? 0) + 1);
    byKind.set(event.kind, (byKind.get(event.kind) ?? 0) + 1);
    const country = event.country ?? '(none)';
    byCountry.set(country, (byCountry.get(country) ?? 0) + 1);
  }
  const counts: number[] = [];
  const emptyDays: string[] = [];
  const thinDays: { date: string; events: number }[] = [];
  const months = new Map<string, { events: number; emptyDays: number; thinDays: number }>();
  for (let jd = first; jd <= last; jd++) {
    const n = perDay.get(jd) ?? 0;
    const date = fromJulianDay(jd, 'gregorian');
    const iso = formatIsoDate(date);
    counts.push(n);
    const month = months.get(iso.slice(0, 7)) ?? { events: 0, emptyDays: 0, thinDays: 0 };
    month.events += n;
    if (n === 0) {
      emptyDays.push(iso);
      month.emptyDays++;
    } else if (n < options.minimum) {
      thinDays.push({ date: iso, events: n });
      month.thinDays++;
    }
    months.set(iso.slice(0, 7), month);
  }
  const sorted = [...counts].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length === 0 ? 0 : sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return {
    from: formatIsoDate(options.from),
    to: formatIsoDate(options.to),
    minimum: options.minimum,
    minimumPerMonth: options.minimumPerMonth,
    days: counts.length,
    events: inRange,
    undated,
    daysWithEvents: counts.filter((n) => n > 0).length,
    emptyDays,
    thinDays,
    perDay: {
      min: sorted[0] ?? 0,
      max: sorted[sorted.length - 1] ?? 0,
      mean: counts.length === 0 ? 0 : Math.round((inRange / counts.length) * 100) / 100,
      median,
    },
    byKind: sortedRecord(byKind),
    byCountry: sortedRecord(byCountry),
    byMonth: [...months].map(([month, m]) => ({ month, ...m })),
    thinMonths: [...months].filter(([, m]) => m.events < options.minimumPerMonth).map(([month, m]) => ({ month, events: m.events })),
  };
}
