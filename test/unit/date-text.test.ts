import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../src/core/calendar.js';
import { dateRange, dualDate, dualDayHeading, longDate, partialDateText } from '../../src/render/date-text.js';
import type { DateWords } from '../../src/render/date-text.js';
import { LOCALE_NAMES, type LocaleName, loadDateWords } from '../../src/render/locales.js';

const LOCALES = Object.fromEntries(await Promise.all(LOCALE_NAMES.map(async (n) => [n, await loadDateWords(n)] as const))) as Record<LocaleName, DateWords>;

const g = (year: number, month: number, day: number): CalendarDate => ({ calendar: 'gregorian', year, month, day });

describe('dates follow --locale: names, order and grammar from date-fns', () => {
  it.each<[LocaleName, string, string]>([
    ['en', 'Friday, 26 November 1926', '26 November 1926'],
    ['de', 'Freitag, 26. November 1926', '26. November 1926'],
    ['fr', 'vendredi 26 novembre 1926', '26 novembre 1926'],
    // Russian months take the genitive in a date: "ноября", not "ноябрь".
    ['ru', 'пятница, 26 ноября 1926 г.', '26 ноября 1926 г.'],
    ['es', 'viernes, 26 de noviembre de 1926', '26 de noviembre de 1926'],
  ])('%s: %s', (locale, withWeekday, plain) => {
    expect(longDate(LOCALES[locale], g(1926, 11, 26), true)).toBe(withWeekday);
    expect(longDate(LOCALES[locale], g(1926, 11, 26))).toBe(plain);
  });

  it.each<[LocaleName, string, string, string]>([
    ['en', '6–8 November 1917', '30 October – 2 November 1917', '30 December 1926 – 2 January 1927'],
    ['de', '6.–8. November 1917', '30. Oktober – 2. November 1917', '30. Dezember 1926 – 2. Januar 1927'],
    ['fr', '6–8 novembre 1917', '30 octobre – 2 novembre 1917', '30 décembre 1926 – 2 janvier 1927'],
    ['ru', '6–8 ноября 1917 г.', '30 октября – 2 ноября 1917 г.', '30 декабря 1926 г. – 2 января 1927 г.'],
    ['es', '6–8 de noviembre de 1917', '30 de octubre – 2 de noviembre de 1917', '30 de diciembre de 1926 – 2 de enero de 1927'],
  ])('%s ranges: %s; %s; %s', (locale, sameMonth, sameYear, twoYears) => {
    const words = LOCALES[locale];
    expect(dateRange(words, g(1917, 11, 6), g(1917, 11, 8))).toBe(sameMonth);
    expect(dateRange(words, g(1917, 10, 30), g(1917, 11, 2))).toBe(sameYear);
    expect(dateRange(words, g(1926, 12, 30), g(1927, 1, 2))).toBe(twoYears);
  });

  it.each<[LocaleName, string]>([
    ['en', '7 November 1917 (25 October O.S.)'],
    ['de', '7. November 1917 (25. Oktober a. St.)'],
    ['fr', '7 novembre 1917 (25 octobre a. s.)'],
    ['ru', '7 ноября 1917 г. (25 октября по ст. ст.)'],
    ['es', '7 de noviembre de 1917 (25 de octubre del calendario juliano)'],
  ])('%s marks the Old Style date in its own way: %s', (locale, text) => {
    expect(dualDate(LOCALES[locale], g(1917, 11, 7), undefined, true)).toBe(text);
  });

  it('the Old Style year is written when it differs: 12 January 1918 was 30 December 1917 O.S.', () => {
    expect(dualDayHeading(LOCALES.en, g(1918, 1, 12), true)).toBe('Saturday, 12 January 1918 (30 December 1917 O.S.)');
    expect(dualDayHeading(LOCALES.ru, g(1918, 1, 12), true)).toBe('суббота, 12 января 1918 г. (30 декабря 1917 г. по ст. ст.)');
  });

  it('French writes the first of the month "1er"', () => {
    expect(longDate(LOCALES.fr, g(1917, 11, 1))).toBe('1er novembre 1917');
  });

  it('a month on its own takes the nominative ("Ноябрь 1917")', () => {
    expect(partialDateText(LOCALES.ru, { year: 1917, month: 11 })).toBe('Ноябрь 1917');
    expect(partialDateText(LOCALES.en, { year: 1917, month: 11 })).toBe('November 1917');
  });

  it('years below 100 stay what they are (no Date involved)', () => {
    expect(longDate(LOCALES.en, g(33, 4, 3))).toBe('3 April 33');
  });
});
