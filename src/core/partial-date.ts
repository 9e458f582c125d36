import { type CalendarDate, type CalendarName, isValidDate, daysInMonth, toJulianDay, MIN_YEAR, MAX_YEAR } from './calendar.js';

/** A date known to the day, or only to the month or the year, as sources often give it. */
export interface PartialDate {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
}

export type Precision = 'day' | 'month' | 'year';

export const PARTIAL_DATE_PATTERN = '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$';
const PARTIAL_DATE_RE = new RegExp(PARTIAL_DATE_PATTERN);

/** Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; returns undefined for any other shape. */
export function parsePartialDate(text: string): PartialDate | undefined {
  // The usual YYYY-MM-DD read digit by digit: validating a large dataset reads two dates an event,
  // and the pattern, split and Number() came to a twentieth of its time.
  if (text.length === 10 && text.charCodeAt(4) === 0x2d && text.charCodeAt(7) === 0x2d) {
    const year = digits(text, 0, 4);
    const month = digits(text, 5, 7);
    const day = digits(text, 8, 10);
    if (year >= 0 && month >= 0 && day >= 0) return { year, month, day };
  }
  if (!PARTIAL_DATE_RE.test(text)) return undefined;
  const [y, m, d] = text.split('-').map(Number);
  if (y === undefined) return undefined;
  if (m === undefined) return { year: y };
  if (d === undefined) return { year: y, month: m };
  return { year: y, month: m, day: d };
}

/** The number written in text[from, to) with ASCII digits only, else -1. */
function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

export function precisionOf(date: PartialDate): Precision {
  if (date.day !== undefined) return 'day';
  if (date.month !== undefined) return 'month';
  return 'year';
}

/** The full date when the day is known. */
export function toCalendarDate(date: PartialDate, calendar: CalendarName): CalendarDate | undefined {
  if (date.month === undefined || date.day === undefined) return undefined;
  return { calendar, year: date.year, month: date.month, day: date.day };
}

/** Why a partial date cannot exist in a calendar, or undefined when it can. */
export function explainInvalidPartialDate(date: PartialDate, calendar: CalendarName): string | undefined {
  if (date.year < MIN_YEAR || date.year > MAX_YEAR) return `the year must be between ${MIN_YEAR} and ${MAX_YEAR}`;
  if (date.month === undefined) return undefined;
  if (date.month < 1 || date.month > 12) return `there is no month ${date.month}`;
  if (date.day === undefined) return undefined;
  const full = { calendar, year: date.year, month: date.month, day: date.day };
  if (isValidDate(full)) return undefined;
  const last = daysInMonth(calendar, date.year, date.month);
  if (date.month === 2 && date.day === 29) {
    const other: CalendarName = calendar === 'gregorian' ? 'julian' : 'gregorian';
    const otherValid = isValidDate({ ...full, calendar: other });
    return `${date.year} is not a leap year in the ${calendar} calendar${otherValid ? ` (it is in the ${other} calendar)` : ''}`;
  }
  return `month ${date.month} of ${date.year} has ${last} days`;
}

/** First and last Julian Day Numbers a partial date can stand for. */
export function julianDayRange(date: PartialDate, calendar: CalendarName): readonly [number, number] {
  const firstMonth = date.month ?? 1;
  const lastMonth = date.month ?? 12;
  const first = toJulianDay({ calendar, year: date.year, month: firstMonth, day: date.day ?? 1 });
  const last = toJulianDay({
    calendar,
    year: date.year,
    month: lastMonth,
    day: date.day ?? daysInMonth(calendar, date.year, lastMonth),
  });
  return [first, last];
}

export function formatPartialDate(date: PartialDate): string {
  const y = String(date.year).padStart(4, '0');
  if (date.month === undefined) return y;
  const m = String(date.month).padStart(2, '0');
  if (date.day === undefined) return `${y}-${m}`;
  return `${y}-${m}-${String(date.day).padStart(2, '0')}`;
}
