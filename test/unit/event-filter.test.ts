import { describe, expect, it } from 'vitest';
import { type EventFilter, filterEvents, listAsQueryResult } from '../../src/core/event-filter.js';
import { loadDatasets } from '../../src/io/dataset-files.js';
import { fixture } from '../helpers.js';

const { events } = await loadDatasets([fixture('search-accents.json')]);
const none: EventFilter = { words: [], tags: [], kinds: [], countries: [] };
const ids = (filter: Partial<EventFilter>) => filterEvents(events, { ...none, ...filter }).events.map((e) => e.id);
const day = (year: number, month: number, d: number) => ({ calendar: 'gregorian' as const, year, month, day: d });

describe('filterEvents', () => {
  it.each<[string, Partial<EventFilter>, string[]]>([
    ['everything, in date order', {}, ['1921-01-15-einstein', '1914-war', '1917-10-25-winter-palace', '1918-11-11-armistice', '1920-month']],
    ['a word without its accent', { words: ['compiegne'] }, ['1918-11-11-armistice']],
    ['a word with an accent the text lacks', { words: ['lodz'] }, ['1920-month']],
    ['all words must occur', { words: ['armistice', 'petrograd'] }, []],
    ['a word in the summary', { words: ['western'] }, ['1918-11-11-armistice']],
    ['part of a word', { words: ['revol'] }, ['1917-10-25-winter-palace']],
    ['a tag, case and accents ignored', { tags: ['premiere GUERRE'] }, ['1918-11-11-armistice']],
    ['any of several tags', { tags: ['science', 'labour'] }, ['1921-01-15-einstein', '1920-month']],
    ['a kind', { kinds: ['birth'] }, ['1921-01-15-einstein']],
    ['a country', { countries: ['ru'] }, ['1917-10-25-winter-palace']],
    // 25 October 1917 O.S. is 7 November: a --to of 6 November excludes it.
    ['Old Style dates compare by their Gregorian day', { from: day(1917, 11, 7), to: day(1917, 11, 7) }, ['1914-war', '1917-10-25-winter-palace']],
    ['an Old Style day number alone does not match', { from: day(1917, 10, 25), to: day(1917, 10, 25) }, ['1914-war']],
    ['a month-only event overlaps the range', { from: day(1920, 8, 31), to: day(1920, 12, 31) }, ['1920-month']],
  ])('%s', (_name, filter, expected) => {
    expect(ids(filter)).toEqual(expected);
  });

  it('as a query result: one day per first day, month-only events left out', () => {
    const result = listAsQueryResult(filterEvents(events, none));
    expect(result.type).toBe('days');
    if (result.type !== 'days') return;
    expect(result.days.map((d) => d.matches.map((m) => m.event.id))).toEqual([['1921-01-15-einstein'], ['1914-war'], ['1917-10-25-winter-palace'], ['1918-11-11-armistice']]);
    expect(result.days[2]?.day).toEqual(day(1917, 11, 7));
  });
});
