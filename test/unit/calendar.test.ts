import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CalendarDate,
  type CalendarName,
  addDays,
  convertDate,
  daysInMonth,
  fromJulianDay,
  isLeapYear,
  isValidDate,
  julianLag,
  toJulianDay,
  weekdayOf,
} from '../../src/core/calendar.js';

const g = (year: number, month: number, day: number): CalendarDate => ({ calendar: 'gregorian', year, month, day });
const j = (year: number, month: number, day: number): CalendarDate => ({ calendar: 'julian', year, month, day });

const FIRST_JD = toJulianDay(j(1, 1, 1));
const LAST_JD = toJulianDay(g(9999, 12, 31));
const anyJulianDay = fc.integer({ min: FIRST_JD, max: LAST_JD });
const anyCalendar = fc.constantFrom<CalendarName>('gregorian', 'julian');

describe('Julian Day Numbers', () => {
  it.each([
    ['Gregorian 2000-01-01', g(2000, 1, 1), 2451545],
    ['Gregorian 1582-10-15, first day of the reform', g(1582, 10, 15), 2299161],
    ['Julian 1582-10-04, last day before the reform', j(1582, 10, 4), 2299160],
    ['Julian 4713 BC is out of range, but year 1 Jan 1 is', j(1, 1, 1), 1721424],
    ['Gregorian 1858-11-17, MJD epoch', g(1858, 11, 17), 2400001],
  ])('%s', (_name, date, jd) => {
    expect(toJulianDay(date)).toBe(jd);
    expect(fromJulianDay(jd, date.calendar)).toEqual(date);
  });

  it('every day from year 1 to 9999 converts to a JDN and back, in both calendars', () => {
    fc.assert(
      fc.property(anyJulianDay, anyCalendar, (jd, calendar) => {
        const date = fromJulianDay(jd, calendar);
        expect(isValidDate(date) || date.year < 1 || date.year > 9999).toBe(true);
        expect(toJulianDay(date)).toBe(jd);
      }),
      { numRuns: 20_000 },
    );
  });

  it('converting Julian to Gregorian and back returns the same date', () => {
    fc.assert(
      fc.property(anyJulianDay, (jd) => {
        const julian = fromJulianDay(jd, 'julian');
        const gregorian = convertDate(julian, 'gregorian');
        expect(convertDate(gregorian, 'julian')).toEqual(julian);
        expect(weekdayOf(julian)).toBe(weekdayOf(gregorian));
      }),
      { numRuns: 20_000 },
    );
  });

  it('consecutive days have consecutive JDNs (no gaps, no repeats) across every month end', () => {
    fc.assert(
      fc.property(anyJulianDay, anyCalendar, (jd, calendar) => {
        const date = fromJulianDay(jd, calendar);
        const next = addDays(date, 1);
        const sameMonth = next.month === date.month && next.day === date.day + 1;
        const nextMonth = next.day === 1 && date.day === daysInMonth(calendar, date.year, date.month);
        expect(sameMonth || nextMonth).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('validity', () => {
  it.each([
    [g(1900, 2, 29), false],
    [j(1900, 2, 29), true],
    [g(2000, 2, 29), true],
    [g(2100, 2, 29), false],
    [j(1700, 2, 29), true],
    [g(1917, 2, 30), false],
    [g(1917, 4, 31), false],
    [g(1917, 13, 1), false],
    [g(0, 1, 1), false],
    [g(10000, 1, 1), false],
    [g(1926, 11, 26), true],
  ])('%o valid: %s', (date, valid) => {
    expect(isValidDate(date)).toBe(valid);
  });

  it('Julian leap years: every fourth year, centuries included', () => {
    for (const year of [1700, 1800, 1900, 2100]) {
      expect(isLeapYear('julian', year)).toBe(true);
      expect(isLeapYear('gregorian', year)).toBe(false);
    }
    expect(isLeapYear('gregorian', 2000)).toBe(true);
    expect(isLeapYear('julian', 1901)).toBe(false);
  });
});

describe('weekdays', () => {
  it.each([
    ['1926-11-26 was a Friday', g(1926, 11, 26), 5],
    ['1917-11-07 was a Wednesday', g(1917, 11, 7), 3],
    ['25 October 1917 O.S. was a Wednesday', j(1917, 10, 25), 3],
    ['1582-10-15 was a Friday', g(1582, 10, 15), 5],
    ['1582-10-04 O.S. was a Thursday', j(1582, 10, 4), 4],
  ])('%s', (_name, date, weekday) => {
    expect(weekdayOf(date)).toBe(weekday);
  });
});

describe('the Julian calendar falls behind the Gregorian', () => {
  const lagOnJulianDay = (jd: number) => julianLag(jd);
  const span = (from: CalendarDate, to: CalendarDate) => fc.integer({ min: toJulianDay(from), max: toJulianDay(to) });

  it.each([
    [10, g(1582, 10, 15), j(1700, 2, 28)],
    [11, j(1700, 3, 1), j(1800, 2, 28)],
    [12, j(1800, 3, 1), j(1900, 2, 28)],
    [13, j(1900, 3, 1), j(2100, 2, 28)],
  ])('by %i days from %o to %o', (lag, from, to) => {
    expect(lagOnJulianDay(toJulianDay(from))).toBe(lag);
    expect(lagOnJulianDay(toJulianDay(to))).toBe(lag);
    fc.assert(fc.property(span(from, to), (jd) => lagOnJulianDay(jd) === lag), { numRuns: 5_000 });
  });

  it('by 13 days from 1 March 1900 (Julian) through 28 February 2100 (Julian), by 14 after', () => {
    expect(lagOnJulianDay(toJulianDay(j(1900, 3, 1)))).toBe(13);
    expect(lagOnJulianDay(toJulianDay(j(2100, 2, 28)))).toBe(13);
    expect(lagOnJulianDay(toJulianDay(j(2100, 3, 1)))).toBe(14);
  });

  it('the lag is the difference of the two calendars on every day both can name', () => {
    fc.assert(
      fc.property(anyJulianDay, (jd) => {
        const julian = fromJulianDay(jd, 'julian');
        const sameLabels = g(julian.year, julian.month, julian.day);
        fc.pre(isValidDate(sameLabels));
        expect(jd - toJulianDay(sameLabels)).toBe(lagOnJulianDay(jd));
      }),
      { numRuns: 10_000 },
    );
  });

  it.each([
    ['October Revolution', j(1917, 10, 25), g(1917, 11, 7)],
    ['February Revolution begins', j(1917, 2, 23), g(1917, 3, 8)],
    ['Bloody Sunday', j(1905, 1, 9), g(1905, 1, 22)],
    ['Battle of Borodino', j(1812, 8, 26), g(1812, 9, 7)],
    ['Newton born', j(1642, 12, 25), g(1643, 1, 4)],
    ['Washington born', j(1732, 2, 11), g(1732, 2, 22)],
    ['Shakespeare dies', j(1616, 4, 23), g(1616, 5, 3)],
    ['Russia switches: 31 January O.S. is followed by 14 February N.S.', j(1918, 2, 1), g(1918, 2, 14)],
  ])('%s', (_name, julian, gregorian) => {
    expect(convertDate(julian, 'gregorian')).toEqual(gregorian);
    expect(convertDate(gregorian, 'julian')).toEqual(julian);
  });
});
