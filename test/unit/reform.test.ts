import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CalendarDate, addDays, convertDate, fromJulianDay, isValidDate, toJulianDay, weekdayOf } from '../../src/core/calendar.js';
import { convertWrittenDate } from '../../src/core/convert.js';
import { REFORMS, calendarInForce, findReform, readLocalDay, skippedDays, switchOf } from '../../src/core/reform.js';

/** Every country `ncal -p` lists (FreeBSD and Debian ncal.c), by the code this table files it under. */
const NCAL_COUNTRIES = ['AL', 'AT', 'AU', 'BE', 'BG', 'CA', 'CH', 'CN', 'CZ', 'DE', 'DK', 'ES', 'FI', 'FR', 'GB', 'GR', 'HU', 'IS', 'IT', 'JP', 'LT', 'LN', 'LU', 'LV', 'NL', 'NO', 'PL', 'PT', 'RO', 'RU', 'SE', 'SI', 'SU', 'TR', 'US', 'YU'];

describe('the reform table', () => {
  it('holds every country ncal -p lists, each once', () => {
    const codes = REFORMS.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of NCAL_COUNTRIES) expect(codes).toContain(code);
  });

  it.each(REFORMS.filter((r) => r.lastJulian !== undefined).map((r) => [r.code, r] as const))('%s: the first Gregorian day follows the last Julian day', (_code, reform) => {
    const sw = switchOf(reform);
    expect(sw?.lastJulian && isValidDate(sw.lastJulian)).toBe(true);
    expect(sw && isValidDate(sw.firstGregorian)).toBe(true);
    if (!sw?.lastJulian) return;
    expect(toJulianDay(sw.lastJulian) + 1).toBe(sw.firstGregorianJd);
  });

  it('every entry cites a source, and a corrected ncal date says it is disputed', () => {
    for (const r of REFORMS) {
      expect(r.source.url).toMatch(/^https:\/\//);
      if (r.ncal?.lastJulian) expect(r.disputed).toBeTruthy();
    }
  });

  it.each([
    ['GR', '1923-02-15', '1923-03-01', 'ncal has 9 March 1924'],
    ['BG', '1916-03-31', '1916-04-14', 'ncal has 18 March 1916'],
    ['RU', '1918-01-31', '1918-02-14', undefined],
    ['GB', '1752-09-02', '1752-09-14', undefined],
    ['SE', '1753-02-17', '1753-03-01', undefined],
  ])('%s switched %s O.S. → %s N.S.', (code, last, first, disputed) => {
    const reform = findReform(code);
    expect(reform).toMatchObject({ lastJulian: last, firstGregorian: first });
    if (disputed) expect(reform?.disputed).toContain(disputed);
  });

  it('Great Britain and its colonies began the legal year on 25 March until 1751', () => {
    for (const code of ['GB', 'US', 'IE']) expect(findReform(code)?.yearStart).toEqual({ month: 3, day: 25, until: 1751 });
    expect(findReform('RU')?.yearStart).toBeUndefined();
  });
});

describe('reading a day in a country’s own reckoning', () => {
  const reforms = REFORMS.filter((r) => r.lastJulian !== undefined);

  it('every date in a skipped gap is rejected for that country', () => {
    for (const reform of reforms) {
      const gap = skippedDays(reform);
      const sw = switchOf(reform);
      if (!sw?.lastJulian) continue;
      expect(gap.length).toBe(toJulianDay({ ...sw.firstGregorian, calendar: 'julian' }) - toJulianDay(sw.lastJulian) - 1);
      for (const d of gap) {
        expect(readLocalDay(reform, d.year, d.month, d.day).kind).toBe('gap');
        expect(() => convertWrittenDate(`${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`, { country: reform })).toThrow(/never existed in/);
      }
    }
  });

  it('Great Britain skipped 3–13 September 1752, Russia 1–13 February 1918', () => {
    expect(skippedDays(findReform('GB')!).map((d) => d.day)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(skippedDays(findReform('RU')!).map((d) => `${d.month}-${d.day}`)).toEqual(Array.from({ length: 13 }, (_, i) => `2-${i + 1}`));
  });

  it('any day outside the gap reads as one real day, in the calendar in force that day', () => {
    const anyReform = fc.constantFrom(...reforms);
    fc.assert(
      fc.property(anyReform, fc.integer({ min: toJulianDay({ calendar: 'julian', year: 1500, month: 1, day: 1 }), max: toJulianDay({ calendar: 'gregorian', year: 1950, month: 12, day: 31 }) }), (reform, jd) => {
        const inForce = calendarInForce(reform, jd);
        if (inForce === 'lunisolar') return;
        const local = fromJulianDay(jd, inForce);
        const reading = readLocalDay(reform, local.year, local.month, local.day);
        expect(reading).toEqual({ kind: 'day', date: local });
      }),
      { numRuns: 5_000 },
    );
  });

  it('a day and the next are consecutive days in the local reckoning across the switch', () => {
    const gb = findReform('GB')!;
    const last: CalendarDate = { calendar: 'julian', year: 1752, month: 9, day: 2 };
    const next = addDays(convertDate(last, 'gregorian'), 1);
    expect(next).toEqual({ calendar: 'gregorian', year: 1752, month: 9, day: 14 });
    expect(weekdayOf(last)).toBe(3); // Wednesday 2 September, then Thursday 14 September
    expect(readLocalDay(gb, 1752, 9, 14)).toEqual({ kind: 'day', date: next });
  });
});
