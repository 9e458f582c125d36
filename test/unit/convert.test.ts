import { describe, expect, it } from 'vitest';
import { convertWrittenDate } from '../../src/core/convert.js';
import { UsageError } from '../../src/core/errors.js';
import { type CountryReform, findReform } from '../../src/core/reform.js';
import { parseDualYear, parseWrittenDate } from '../../src/core/written-date.js';

const country = (code: string): CountryReform => {
  const reform = findReform(code);
  if (!reform) throw new Error(`no ${code}`);
  return reform;
};

describe('reading dates as sources write them', () => {
  it.each([
    ['1917-10-25', { year: 1917, month: 10, day: 25 }],
    ['25 October 1917', { year: 1917, month: 10, day: 25 }],
    ['25 Oct 1917 O.S.', { year: 1917, month: 10, day: 25, marker: 'julian' }],
    ['25 Oct. 1917 (O.S.)', { year: 1917, month: 10, day: 25, marker: 'julian' }],
    ['7 Nov 1917 N.S.', { year: 1917, month: 11, day: 7, marker: 'gregorian' }],
    ['7 November 1917 New Style', { year: 1917, month: 11, day: 7, marker: 'gregorian' }],
    ['October 25, 1917', { year: 1917, month: 10, day: 25 }],
    ['3rd Sept 1752', { year: 1752, month: 9, day: 3 }],
    ['11 February 1731/32', { year: 1732, month: 2, day: 11, dualYear: { legal: 1731, historical: 1732, text: '1731/32' } }],
    ['24 March 1699/1700 O.S.', { year: 1700, month: 3, day: 24, marker: 'julian', dualYear: { legal: 1699, historical: 1700, text: '1699/1700' } }],
  ])('%s', (text, expected) => {
    expect(parseWrittenDate(text)).toEqual({ ok: true, date: expected });
  });

  it.each([
    ['yesterday', /cannot read "yesterday" as a date/],
    ['25 Brumaire 1917', /"Brumaire" is not the name of a month/],
    ['1917-13-01', /there is no month 13/],
    ['11 February 1731/33', /the second year follows the first/],
    ['25 March 1731/32', /belongs only to 1 January – 24 March/],
  ])('%s is refused with a reason', (text, problem) => {
    const result = parseWrittenDate(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatch(problem);
  });

  it('dual years may be written in full or by their last digits', () => {
    expect(parseDualYear('1731/2')).toMatchObject({ ok: true, dualYear: { historical: 1732 } });
    expect(parseDualYear('1699/00')).toMatchObject({ ok: true, dualYear: { historical: 1700 } });
    expect(parseDualYear('1731/1733').ok).toBe(false);
  });
});

describe('converting', () => {
  const iso = (c: { year: number; month: number; day: number }) => `${c.year}-${String(c.month).padStart(2, '0')}-${String(c.day).padStart(2, '0')}`;
  const both = (text: string, options = {}) => {
    const c = convertWrittenDate(text, options);
    return [c.readAs, c.reason, iso(c.julian), iso(c.gregorian)];
  };

  it.each([
    ['1917-10-25', {}, ['julian', 'default', '1917-10-25', '1917-11-07']],
    ['1917-11-07', { from: 'gregorian' }, ['gregorian', 'flag', '1917-10-25', '1917-11-07']],
    ['7 Nov 1917 N.S.', {}, ['gregorian', 'marker', '1917-10-25', '1917-11-07']],
    ['11 February 1731/32', {}, ['julian', 'dual-year', '1732-02-11', '1732-02-22']],
    ['1917-10-25', { country: country('RU') }, ['julian', 'country', '1917-10-25', '1917-11-07']],
    ['1918-02-14', { country: country('RU') }, ['gregorian', 'country', '1918-02-01', '1918-02-14']],
    ['1752-09-02', { country: country('GB') }, ['julian', 'country', '1752-09-02', '1752-09-13']],
    ['1923-03-01', { country: country('GR') }, ['gregorian', 'country', '1923-02-16', '1923-03-01']],
  ] as const)('%s %j', (text, options, expected) => {
    expect(both(text, options)).toEqual(expected);
  });

  it.each([
    ['1900-02-29', { from: 'gregorian' }, '1900-02-29 does not exist in the Gregorian calendar; in the Julian calendar it does, and it is 13 March 1900 N.S.'],
    ['2100-02-29 N.S.', {}, '2100-02-29 does not exist in the Gregorian calendar; in the Julian calendar it does, and it is 14 March 2100 N.S.'],
    ['1917-02-30', {}, '1917-02-30 does not exist in either calendar: February has at most 29 days'],
    ['1917-02-29', {}, '1917-02-29 does not exist in either calendar: 1917 is a leap year in neither'],
    ['1752-09-05', { country: country('GB') }, '5 September 1752 never existed in the United Kingdom: 2 September 1752 (Julian) was followed by 14 September 1752 (Gregorian)'],
    ['1918-02-05', { country: country('RU') }, '5 February 1918 never existed in Russia: 31 January 1918 (Julian) was followed by 14 February 1918 (Gregorian)'],
    ['1800-02-29', { country: country('GB') }, '1800-02-29 does not exist in the Gregorian calendar (the calendar in force in the United Kingdom then)'],
    ['1872-06-01', { country: country('JP') }, 'Japan used a lunisolar calendar before 1 January 1873'],
    ['7 Nov 1917 N.S.', { from: 'julian' }, 'the date is marked N.S. but --from says julian'],
    ['11 February 1731/32 N.S.', {}, 'a dual-dated year (1731/32) is an Old Style date'],
  ] as const)('%s %j is an error that explains itself', (text, options, message) => {
    expect(() => convertWrittenDate(text, options)).toThrow(UsageError);
    expect(() => convertWrittenDate(text, options)).toThrow(message);
  });

  it('29 February 1700, 1800, 1900 and 2100 exist only in the Julian calendar; 2000 in both', () => {
    for (const year of [1700, 1800, 1900, 2100]) {
      expect(() => convertWrittenDate(`${year}-02-29 N.S.`)).toThrow(/does not exist in the Gregorian calendar; in the Julian calendar it does/);
      const c = convertWrittenDate(`${year}-02-29 O.S.`);
      expect(c.gregorian.month).toBe(3);
    }
    expect(iso(convertWrittenDate('2000-02-29 N.S.').julian)).toBe('2000-02-16');
  });

  it('a mark that disagrees with the country, and the English legal year, are noted', () => {
    expect(convertWrittenDate('7 Nov 1917 N.S.', { country: country('RU') }).notes).toEqual(['Russia used the Julian calendar on that day, where it was written 25 October 1917.']);
    expect(convertWrittenDate('11 February 1731', { country: country('GB') }).notes[0]).toMatch(/legal year began on 25 March until 1751: this is read as the historical year \(11 February 1730\/31\); if the source counts the legal year, it means 11 February 1732 O\.S\., 22 February 1732 N\.S\./);
  });
});
