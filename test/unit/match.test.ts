import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CalendarDate, convertDate, daysInMonth, isLeapYear } from '../../src/core/calendar.js';
import type { HistoricalEvent } from '../../src/core/event.js';
import { buildEventIndex, findNearest, matchDay, matchMonth, matchWindow } from '../../src/core/match.js';
import { createDatasetValidator } from '../../src/core/validate-dataset.js';

const g = (year: number, month: number, day: number): CalendarDate => ({ calendar: 'gregorian', year, month, day });

function load(name: string): HistoricalEvent[] {
  const text = readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
  const { events, issues } = createDatasetValidator()(JSON.parse(text), name);
  expect(issues).toEqual([]);
  return events;
}

const ids = (result: { matches: readonly { event: HistoricalEvent; kind: string }[] }) => result.matches.map((m) => `${m.event.id}:${m.kind}`);

describe('Old Style events match on their Gregorian day (elapsed anniversary)', () => {
  const index = buildEventIndex(load('julian-os.json'));
  const day = (d: CalendarDate, ongoing = false) => matchDay(index, { day: d, yearsAgo: 100, ongoing });

  it('24–26 October 1917 O.S. is 6–8 November 1917', () => {
    expect(ids(day(g(2017, 11, 6)))).toEqual(['october-revolution:start']);
    expect(ids(day(g(2017, 11, 7)))).toEqual(['deposed:start']);
    expect(ids(day(g(2017, 11, 8)))).toEqual(['october-revolution:end']);
  });

  it('--ongoing shows a multi-day event on the days between', () => {
    expect(ids(day(g(2017, 11, 7), true))).toEqual(['october-revolution:ongoing', 'deposed:start']);
  });

  it('nothing on the Old Style day numbers themselves', () => {
    expect(ids(day(g(2017, 10, 25)))).toEqual([]);
    expect(ids(day(g(2017, 10, 24), true))).toEqual([]);
  });

  it('only the exact span of years matches', () => {
    expect(ids(matchDay(index, { day: g(2018, 11, 7), yearsAgo: 100, ongoing: false }))).toEqual([]);
    expect(ids(matchDay(index, { day: g(2018, 11, 7), yearsAgo: 101, ongoing: false }))).toEqual(['deposed:start']);
  });

  it('dates known only to the month or year never match a day, but --month lists them', () => {
    for (let d = 1; d <= 30; d++) {
      expect(ids(day(g(2017, 11, d))).filter((id) => id.startsWith('revolution-'))).toEqual([]);
    }
    const month = matchMonth(index, g(2017, 11, 26), 100);
    expect(month.matches.map((m) => m.event.id)).toEqual(['october-revolution', 'deposed']);
    expect(month.undated.map((e) => e.id)).toEqual(['revolution-month', 'revolution-year']);
  });

  it('a window groups results by day', () => {
    const days = matchWindow(index, { reference: g(2017, 11, 7), years: [100], behind: 1, ahead: 1, ongoing: false });
    expect(days.map((d) => [d.offset, ids(d)])).toEqual([
      [-1, ['october-revolution:start']],
      [0, ['deposed:start']],
      [1, ['october-revolution:end']],
    ]);
  });

  it('when nothing matches, the nearest days within a week are offered', () => {
    const nearest = findNearest(index, { reference: g(2018, 11, 14), years: [100], behind: 0, ahead: 0, ongoing: false });
    expect(nearest.map((d) => [d.offset, ids(d)])).toEqual([[-3, ['armistice:start']]]);
    expect(findNearest(index, { reference: g(2018, 6, 1), years: [100], behind: 0, ahead: 0, ongoing: false })).toEqual([]);
  });
});

describe('29 February', () => {
  const index = buildEventIndex(load('leap-day.json'));
  const on = (d: CalendarDate, yearsAgo: number) => ids(matchDay(index, { day: d, yearsAgo, ongoing: false }));

  it('1900 has no 29 February: an event of 29 February 1896 shows on 28 February 1900', () => {
    expect(on(g(1900, 2, 28), 4)).toEqual(['leap-1896:start']);
    expect(on(g(1900, 3, 1), 4)).toEqual([]);
  });

  it('2000 has one: the event shows on the 29th, not the 28th', () => {
    expect(on(g(2000, 2, 29), 104)).toEqual(['leap-1896:start']);
    expect(on(g(2000, 2, 28), 104)).toEqual([]);
    expect(on(g(2000, 2, 28), 100)).toEqual(['feb-28-1900:start']);
  });

  it('2100 has none: 29 February 1996 shows on 28 February 2100', () => {
    expect(on(g(2100, 2, 28), 104)).toEqual(['leap-1996:start']);
  });

  it('the day 100 years before 29 February 2000 did not exist', () => {
    const result = matchDay(index, { day: g(2000, 2, 29), yearsAgo: 100, ongoing: false });
    expect(result.target).toBeUndefined();
    expect(result.matches).toEqual([]);
  });

  it('29 February 1900 Old Style is remembered on 13 March', () => {
    expect(on(g(2000, 3, 13), 100)).toEqual(['julian-leap-1900:start']);
  });
});

describe('matching holds for every event date', () => {
  it('an event is found on its anniversary, and only there, for any N', () => {
    const arb = fc.record({
      year: fc.integer({ min: 1, max: 9000 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
      calendar: fc.constantFrom('gregorian' as const, 'julian' as const),
      yearsAgo: fc.integer({ min: 1, max: 999 }),
    });
    fc.assert(
      fc.property(arb, ({ year, month, day, calendar, yearsAgo }) => {
        fc.pre(day <= daysInMonth(calendar, year, month));
        const event: HistoricalEvent = {
          id: 'x', date: { year, month, day }, calendar, title: 'x', kind: 'event', tags: [], sources: [], origin: { file: 'f', index: 0 },
        };
        const index = buildEventIndex([event]);
        const start = convertDate({ calendar, year, month, day }, 'gregorian');
        const refYear = start.year + yearsAgo;
        const leapDay = start.month === 2 && start.day === 29 && !isLeapYear('gregorian', refYear);
        const reference = g(refYear, start.month, leapDay ? 28 : start.day);
        expect(matchDay(index, { day: reference, yearsAgo, ongoing: false }).matches).toHaveLength(1);
        expect(matchDay(index, { day: reference, yearsAgo: yearsAgo + 1, ongoing: false }).matches).toHaveLength(0);
      }),
      { numRuns: 5_000 },
    );
  });
});
