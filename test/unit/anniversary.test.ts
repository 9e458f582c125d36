import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CalendarDate, convertDate, fromJulianDay, toJulianDay } from '../../src/core/calendar.js';
import type { HistoricalEvent } from '../../src/core/event.js';
import { type AnniversaryRule, buildEventIndex, matchDay } from '../../src/core/match.js';
import { createDatasetValidator } from '../../src/core/validate-dataset.js';

const g = (year: number, month: number, day: number): CalendarDate => ({ calendar: 'gregorian', year, month, day });
const text = readFileSync(new URL('../fixtures/nominal-anniversary.json', import.meta.url), 'utf8');
const events: HistoricalEvent[] = createDatasetValidator()(JSON.parse(text), 'nominal-anniversary.json').events;
const index = buildEventIndex(events);
const on = (day: CalendarDate, yearsAgo: number, anniversary: AnniversaryRule, ongoing = false) =>
  matchDay(index, { day, yearsAgo, ongoing, anniversary }).matches.map((m) => `${m.event.id}:${m.kind}:${m.anniversary}`);

describe('both meanings of an Old Style anniversary', () => {
  it('elapsed: Peter the Great (30 May 1672 O.S. = 9 June N.S.) on 9 June', () => {
    expect(on(g(2022, 6, 9), 350, 'elapsed')).toEqual(['peter-the-great-born:start:elapsed']);
    expect(on(g(2022, 6, 12), 350, 'elapsed')).toEqual(['new-style:start:elapsed']);
  });

  it('nominal: 30 May O.S. in 2022 is 12 June N.S., three days later, since 1700, 1800 and 1900 were Julian leap years only', () => {
    expect(on(g(2022, 6, 12), 350, 'nominal')).toEqual(['peter-the-great-born:start:nominal', 'new-style:start:elapsed']);
    expect(on(g(2022, 6, 9), 350, 'nominal')).toEqual([]);
  });

  it('Pushkin (26 May 1799 O.S.): 6 June by elapsed time, 8 June 1999 by the O.S. day', () => {
    expect(on(g(1999, 6, 6), 200, 'elapsed')).toEqual(['pushkin-born:start:elapsed']);
    expect(on(g(1999, 6, 8), 200, 'nominal')).toEqual(['pushkin-born:start:nominal']);
  });

  it('the two agree for events from March 1900 to February 2100', () => {
    expect(on(g(2017, 11, 7), 100, 'elapsed')).toEqual(['deposed:start:elapsed']);
    expect(on(g(2017, 11, 7), 100, 'nominal')).toEqual(['deposed:start:nominal']);
  });

  it('a 29 February O.S. is kept on 28 February O.S. in a Julian common year; spans go on under the nominal rule', () => {
    // 28 February 1997 O.S. is 13 March 1997 N.S.
    expect(on(g(1997, 3, 13), 101, 'nominal')).toEqual(['leap-os:start:nominal']);
    // 1 March 1996 O.S. (14 March N.S.) is the middle day of 29 February – 2 March 1896 O.S.
    expect(on(g(1996, 3, 14), 100, 'nominal', true)).toEqual(['leap-os:ongoing:nominal']);
  });

  it('for any Old Style day, the nominal anniversary falls on the same Julian day and month', () => {
    const first = toJulianDay(g(1583, 1, 1));
    const last = toJulianDay(g(1917, 12, 31));
    fc.assert(
      fc.property(fc.integer({ min: first, max: last }), fc.integer({ min: 1, max: 400 }), (jd, years) => {
        const julian = fromJulianDay(jd, 'julian');
        if (julian.month === 2 && julian.day === 29) return;
        const event = { ...events[0]!, id: 'e', date: { year: julian.year, month: julian.month, day: julian.day } } as HistoricalEvent;
        delete (event as { end?: unknown }).end;
        const single = buildEventIndex([event]);
        const day = convertDate({ ...julian, year: julian.year + years }, 'gregorian');
        expect(matchDay(single, { day, yearsAgo: years, ongoing: false, anniversary: 'nominal' }).matches).toHaveLength(1);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('--month under both rules', () => {
  it('an Old Style event is listed in its Gregorian month when elapsed, in its own Julian month when nominal', async () => {
    const { buildEventIndex, matchMonth } = await import('../../src/core/match.js');
    const event = {
      id: 'os', date: { year: 1800, month: 10, day: 25 }, calendar: 'julian' as const, title: 'Old Style', kind: 'event',
      tags: [], sources: [], origin: { file: 'f', index: 0 },
    };
    const index = buildEventIndex([event]);
    // 25 October 1800 O.S. was 6 November 1800 N.S.
    // 20 November 2000 N.S. is 7 November 2000 O.S.: November in both calendars.
    const november = { calendar: 'gregorian' as const, year: 2000, month: 11, day: 20 };
    expect(matchMonth(index, november, 200).matches.map((m) => m.event.id)).toEqual(['os']);
    expect(matchMonth(index, november, 200, 'nominal').matches).toEqual([]);
    // 7 November 2000 N.S. is 25 October 2000 O.S.: its Julian month is October.
    const nominal = matchMonth(index, { calendar: 'gregorian', year: 2000, month: 11, day: 7 }, 200, 'nominal');
    expect(nominal.matches.map((m) => [m.event.id, m.anniversary])).toEqual([['os', 'nominal']]);
  });
});
