import { describe, expect, it } from 'vitest';
import { convertDate, fromJulianDay, isValidDate, toJulianDay, weekdayOf } from '../../src/core/calendar.js';

describe('every day from year 1 to 9999, exhaustively', () => {
  it('converts Julian → Gregorian → Julian unchanged, each reading valid, on the same weekday', () => {
    const first = toJulianDay({ calendar: 'julian', year: 1, month: 1, day: 1 });
    const last = toJulianDay({ calendar: 'julian', year: 9999, month: 12, day: 31 });
    let failures = 0;
    for (let jd = first; jd <= last; jd++) {
      const julian = fromJulianDay(jd, 'julian');
      const gregorian = convertDate(julian, 'gregorian');
      const back = convertDate(gregorian, 'julian');
      if (
        !isValidDate(julian) ||
        back.year !== julian.year ||
        back.month !== julian.month ||
        back.day !== julian.day ||
        toJulianDay(gregorian) !== jd ||
        weekdayOf(gregorian) !== weekdayOf(julian) ||
        weekdayOf(julian) !== (jd + 1) % 7
      ) {
        failures++;
      }
    }
    expect(failures).toBe(0);
    expect(last - first + 1).toBe(9999 * 365 + Math.floor(9999 / 4));
  });

  it('every Gregorian day from 1 to 9999 converts to Julian and back', () => {
    const first = toJulianDay({ calendar: 'gregorian', year: 1, month: 1, day: 1 });
    const last = toJulianDay({ calendar: 'gregorian', year: 9999, month: 12, day: 31 });
    let failures = 0;
    for (let jd = first; jd <= last; jd++) {
      const gregorian = fromJulianDay(jd, 'gregorian');
      const back = convertDate(convertDate(gregorian, 'julian'), 'gregorian');
      if (!isValidDate(gregorian) || back.year !== gregorian.year || back.month !== gregorian.month || back.day !== gregorian.day) failures++;
    }
    expect(failures).toBe(0);
  });
});
