/**
 * Calendar arithmetic on plain values. Historical dates never pass through JS `Date`:
 * `Date` is proleptic Gregorian only, maps years 0–99 to 1900–1999 and cannot hold a
 * Julian (Old Style) date. Every conversion goes through the integer Julian Day Number.
 */

export type CalendarName = 'gregorian' | 'julian';

export interface CalendarDate {
  readonly calendar: CalendarName;
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** The range the tool promises to handle; the formulas below are exact well beyond it. */
export const MIN_YEAR = 1;
export const MAX_YEAR = 9999;

/** 0 = Sunday … 6 = Saturday, the order date-fns locales use for weekday names. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export function isLeapYear(calendar: CalendarName, year: number): boolean {
  // Julian rule (Julius Caesar, 45 BC, as restored by Augustus): every fourth year.
  if (calendar === 'julian') return year % 4 === 0;
  // Gregorian rule (bull Inter gravissimas, 1582): century years only when divisible by 400.
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function daysInMonth(calendar: CalendarName, year: number, month: number): number {
  if (month === 2 && isLeapYear(calendar, year)) return 29;
  return MONTH_LENGTHS[month - 1] ?? 0;
}

export function isValidDate(date: CalendarDate): boolean {
  const { calendar, year, month, day } = date;
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= MIN_YEAR &&
    year <= MAX_YEAR &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(calendar, year, month)
  );
}

/**
 * Julian Day Number of a date at noon (Fliegel & Van Flandern, 1968; the month is counted
 * from March so that the leap day falls at the end of the computational year).
 */
export function toJulianDay(date: CalendarDate): number {
  const a = Math.floor((14 - date.month) / 12);
  const y = date.year + 4800 - a;
  const m = date.month + 12 * a - 3;
  const base = date.day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4);
  if (date.calendar === 'julian') return base - 32083;
  return base - Math.floor(y / 100) + Math.floor(y / 400) - 32045;
}

/** The inverse of `toJulianDay` (E. G. Richards, "Mapping Time", 1998). */
export function fromJulianDay(jdn: number, calendar: CalendarName): CalendarDate {
  let c: number;
  let centuries = 0;
  if (calendar === 'gregorian') {
    const a = jdn + 32044;
    centuries = Math.floor((4 * a + 3) / 146097);
    c = a - Math.floor((146097 * centuries) / 4);
  } else {
    c = jdn + 32082;
  }
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  const day = e - Math.floor((153 * m + 2) / 5) + 1;
  const month = m + 3 - 12 * Math.floor(m / 10);
  const year = 100 * centuries + d - 4800 + Math.floor(m / 10);
  return { calendar, year, month, day };
}

export function convertDate(date: CalendarDate, to: CalendarName): CalendarDate {
  if (date.calendar === to) return date;
  return fromJulianDay(toJulianDay(date), to);
}

export function weekdayOf(date: CalendarDate): Weekday {
  // JDN 0 was a Monday; (JDN + 1) mod 7 counts from Sunday.
  return ((toJulianDay(date) + 1) % 7) as Weekday;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromJulianDay(toJulianDay(date) + days, date.calendar);
}

/**
 * Days by which the Julian calendar runs behind the Gregorian on a given day: the Gregorian
 * reform dropped the leap day of 1700, 1800, 1900, 2100 … (but not 1600, 2000), so the gap
 * grows by one on each such Julian 29 February: 10 days after 1582, 13 from 1 March 1900
 * (Julian) through 28 February 2100 (Julian). Counting years from March puts the change there.
 */
export function julianLag(jdn: number): number {
  const { year, month } = fromJulianDay(jdn, 'julian');
  const marchYear = month < 3 ? year - 1 : year;
  return Math.floor(marchYear / 100) - Math.floor(marchYear / 400) - 2;
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return toJulianDay(a) - toJulianDay(b);
}

/** `YYYY-MM-DD`, with the year padded to four digits so that year 33 stays year 33. */
export function formatIsoDate(date: Pick<CalendarDate, 'year' | 'month' | 'day'>): string {
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
