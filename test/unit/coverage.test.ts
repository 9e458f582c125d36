import { describe, expect, it } from 'vitest';
import { measureCoverage } from '../../src/core/coverage.js';
import type { HistoricalEvent } from '../../src/core/event.js';
import { cli, fixture } from '../helpers.js';

const event = (id: string, date: HistoricalEvent['date'], extra: Partial<HistoricalEvent> = {}): HistoricalEvent => ({
  id, date, calendar: 'gregorian', title: id, kind: 'event', tags: [], sources: [], origin: { file: 'f', index: 0 }, ...extra,
});

describe('coverage report', () => {
  const events = [
    event('a', { year: 1917, month: 11, day: 1 }, { country: 'RU' }),
    event('b', { year: 1917, month: 11, day: 1 }, { kind: 'birth', country: 'FR' }),
    event('c', { year: 1917, month: 11, day: 2 }, { country: 'RU' }),
    event('os', { year: 1917, month: 10, day: 21 }, { calendar: 'julian', country: 'RU' }),
    event('month-only', { year: 1917, month: 11 }),
    event('outside', { year: 1918, month: 1, day: 1 }),
  ];
  const c = measureCoverage(events, {
    from: { calendar: 'gregorian', year: 1917, month: 11, day: 1 },
    to: { calendar: 'gregorian', year: 1917, month: 11, day: 4 },
    minimum: 2,
    minimumPerMonth: 2,
  });

  it('counts events per day by their Gregorian day', () => {
    expect(c.days).toBe(4);
    expect(c.events).toBe(4);
    expect(c.undated).toBe(1);
    expect(c.emptyDays).toEqual(['1917-11-04']);
    expect(c.thinDays).toEqual([
      { date: '1917-11-02', events: 1 },
      { date: '1917-11-03', events: 1 },
    ]);
    expect(c.perDay).toEqual({ min: 0, max: 2, mean: 1, median: 1 });
  });

  it('counts per kind and per country, largest first', () => {
    expect(c.byKind).toEqual({ event: 3, birth: 1 });
    expect(Object.entries(c.byCountry)).toEqual([['RU', 3], ['FR', 1]]);
  });

  it('finds the months below a floor, counting a month the span only touches', () => {
    const months = measureCoverage(events, {
      from: { calendar: 'gregorian', year: 1917, month: 10, day: 30 },
      to: { calendar: 'gregorian', year: 1918, month: 1, day: 1 },
      minimum: 1,
      minimumPerMonth: 2,
    });
    // October has no day-dated event in the span; 'os' (21 Oct O.S.) counts on 3 November N.S.
    expect(months.byMonth.map((m) => [m.month, m.events])).toEqual([['1917-10', 0], ['1917-11', 4], ['1917-12', 0], ['1918-01', 1]]);
    expect(months.thinMonths).toEqual([
      { month: '1917-10', events: 0 },
      { month: '1917-12', events: 0 },
      { month: '1918-01', events: 1 },
    ]);
  });

  it('is available from the CLI as text and JSON', () => {
    const text = cli(['stats', '--file', fixture('julian-os.json'), '--from', '1917-11-01', '--to', '1917-11-30']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Coverage 1917-11-01 to 1917-11-30: 30 days, 2 day-dated events (2 known only to the month or year)');
    const json = JSON.parse(cli(['stats', '--file', fixture('julian-os.json'), '--from', '1917-11-01', '--to', '1917-11-30', '--format', 'json']).stdout);
    expect(json.daysWithEvents).toBe(2);
    expect(json.thinMonths).toEqual([]);
    const floor = cli(['stats', '--file', fixture('julian-os.json'), '--from', '1917-11-01', '--to', '1917-11-30', '--min-per-month', '3']);
    expect(floor.stdout).toContain('Thin months, fewer than 3 (1): 1917-11 (2)');
    expect(cli(['stats', '--from', '1917-11-01', '--to', '1917-11-30', '--min-per-month', 'two']).code).toBe(2);
    expect(cli(['stats', '--from', '1917-11-30', '--to', '1917-11-01']).code).toBe(2);
  });
});
