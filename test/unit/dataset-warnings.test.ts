import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../src/core/calendar.js';
import { findSuspiciousEvents } from '../../src/core/dataset-warnings.js';
import type { HistoricalEvent } from '../../src/core/event.js';
import { parsePartialDate } from '../../src/core/partial-date.js';

const TODAY: CalendarDate = { calendar: 'gregorian', year: 2026, month: 11, day: 26 };
const SOURCE = [{ title: 'S', url: 'https://example.org/' }];
let n = 0;
function event(date: string, title: string, extra: Partial<HistoricalEvent> = {}): HistoricalEvent {
  const d = parsePartialDate(date);
  if (!d) throw new Error(date);
  return { id: `e${n}`, date: d, calendar: 'gregorian', title, kind: 'event', tags: [], sources: SOURCE, origin: { file: 'f.json', index: n++ }, ...extra };
}
const problems = (events: HistoricalEvent[]) => findSuspiciousEvents(events, TODAY).map((w) => `${w.path.join('.')}: ${w.problem.replace(/ \(id .*$/, '')}`);

describe('findSuspiciousEvents', () => {
  it.each([
    ['a clean event', [event('1917-11-07', 'A')], []],
    ['the same title on the same day, accents and case ignored', [event('1918-11-11', 'Armistice à Compiègne'), event('1918-11-11', 'ARMISTICE A COMPIEGNE')], ['same title']],
    ['the same title on different days', [event('1918-11-11', 'X'), event('1918-11-12', 'X')], []],
    ['the same day once Old Style is converted', [event('1917-11-07', 'X'), event('1917-10-25', 'X', { calendar: 'julian' })], ['same title']],
    ['the same title, one known only to the month', [event('1918-11', 'X'), event('1918-11-01', 'X')], []],
    ['a date after today', [event('2026-11-27', 'tomorrow')], ['the date is in the future']],
    ['today itself', [event('2026-11-26', 'today')], []],
    ['a year after today', [event('2027', 'next year')], ['the date is in the future']],
    ['an end after today', [event('2026-01-01', 'ongoing', { end: parsePartialDate('2027-01-01') ?? { year: 1 } })], ['the event ends in the future']],
    ['no sources', [event('1917-11-07', 'A', { sources: [] })], ['no sources']],
  ])('%s', (_name, events, expected) => {
    const found = problems(events);
    expect(found.length).toBe(expected.length);
    expected.forEach((e, i) => expect(found[i]).toContain(e));
  });

  it('every warning is a warning and names its file', () => {
    const warnings = findSuspiciousEvents([event('2999-01-01', 'Y', { sources: [] })], TODAY);
    expect(warnings.map((w) => [w.severity, w.file])).toEqual([
      ['warning', 'f.json'],
      ['warning', 'f.json'],
    ]);
  });
});
