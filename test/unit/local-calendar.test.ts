import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/core/dataset-issue.js';
import { locateIssues } from '../../src/core/json-location.js';
import { createDatasetValidator } from '../../src/core/validate-dataset.js';

const validate = createDatasetValidator();
function check(name: string) {
  const text = readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
  const { events, issues } = validate(JSON.parse(text), name);
  return { events, lines: locateIssues(text, name, issues).map(formatIssue) };
}

describe('calendar "local" and dual-dated years in the dataset', () => {
  it('resolves "local" through the reform table, date by date', () => {
    const { events, lines } = check('local-calendar.json');
    expect(lines).toEqual([]);
    const calendarOf = Object.fromEntries(events.map((e) => [e.id, e.calendar]));
    expect(calendarOf).toEqual({
      'revolution-local': 'julian',
      'russia-switches': 'gregorian',
      'greece-switches': 'gregorian',
      'newton-local': 'julian',
      'washington-dual': 'julian',
      'armistice-local': 'gregorian',
    });
    expect(events.every((e) => e.recordedCalendar === 'local')).toBe(true);
    expect(events.find((e) => e.id === 'washington-dual')?.dualYear).toBe('1731/32');
  });

  it('a New Style date in a country still on the Julian calendar warns only when the calendar was left to its default', () => {
    const landing = { id: 'anzac', date: '1915-04-25', title: 'Landing at Anzac Cove', country: 'TR' };
    expect(validate({ events: [landing] }, 'x.json').issues.map((i) => i.severity)).toEqual(['warning']);
    expect(validate({ events: [{ ...landing, calendar: 'gregorian' }] }, 'x.json').issues).toEqual([]);
  });

  it('a "local" event that straddles the switch reads each end in its own calendar', () => {
    const { events } = validate(
      { events: [{ id: 'x', date: '1918-01-30', end: '1918-02-15', calendar: 'local', country: 'RU', title: 'across the switch' }] },
      'inline.json',
    );
    expect(events[0]).toMatchObject({ calendar: 'julian', endCalendar: 'gregorian' });
  });

  it('warns, without failing, about dates that disagree with the country’s switch', () => {
    const { events, lines } = check('reform-warnings.json');
    expect(events).toHaveLength(5);
    expect(lines).toEqual([
      'reform-warnings.json:3:40: warning: events[0].date: a julian date after Russia changed to the Gregorian calendar (31 January 1918 (Julian) was followed by 14 February 1918 (Gregorian)); found "1920-01-07", expected calendar "gregorian" or "local", unless the source really gives Old Style',
      'reform-warnings.json:4:44: warning: events[1].date: a gregorian date in the United Kingdom before it changed to the Gregorian calendar (2 September 1752 (Julian) was followed by 14 September 1752 (Gregorian)); sources there write it 25 December 1642 O.S.; found "1643-01-04", expected calendar "julian" (or "local") with the date as the sources give it, or "calendar": "gregorian" written out if the New Style date is meant',
      'reform-warnings.json:5:31: warning: events[2].date: this day was skipped in the United Kingdom: 2 September 1752 (Julian) was followed by 14 September 1752 (Gregorian); found "1752-09-05", expected a day that existed there, unless the source gives it so',
      'reform-warnings.json:6:37: warning: events[3].date: this day was skipped in Russia: 31 January 1918 (Julian) was followed by 14 February 1918 (Gregorian); found "1918-02-05", expected a day that existed there (it is read as Old Style)',
    ]);
    expect(events.find((e) => e.id === 'local-in-the-gap')?.calendar).toBe('julian');
  });

  it('reports what cannot be resolved, and dual years that disagree with the date, as errors', () => {
    const { lines } = check('invalid-local.json');
    expect(lines).toEqual([
      'invalid-local.json:3:55: error: events[0].calendar: calendar "local" needs a country; found "local", expected a country field (ISO code such as "GB" or "RU")',
      expect.stringMatching(/^invalid-local\.json:4:\d+: error: events\[1\]\.country: no reform date known for this country, so "local" cannot be resolved; found "LI", expected one of AL AT/),
      'invalid-local.json:5:30: error: events[2].date: Japan used a lunisolar calendar before 1 January 1873, so "local" cannot be resolved; found "1850-05-01", expected the date converted to calendar "julian" or "gregorian"',
      'invalid-local.json:6:32: error: events[3].date: no such day in the gregorian calendar: 1800 is not a leap year in the gregorian calendar (it is in the julian calendar); found "1800-02-29", expected a real gregorian date',
      'invalid-local.json:7:80: error: events[4].dualYear: the historical year of 1731/32 is 1732 but date is in 1731; found "1731/32", expected the legal and historical years of a julian date between 1 January and 24 March, e.g. "1731/32" with date "1732-02-11"',
      expect.stringMatching(/^invalid-local\.json:8:\d+: error: events\[5\]\.dualYear: a dual-dated year belongs only to a date from 1 January to 24 March/),
      expect.stringMatching(/^invalid-local\.json:9:\d+: error: events\[6\]\.dualYear: a dual-dated year belongs to an Old Style date/),
    ]);
  });
});
