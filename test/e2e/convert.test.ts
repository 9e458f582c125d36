import { describe, expect, it } from 'vitest';
import { cli, fixture } from '../helpers.js';

describe('centenary convert', () => {
  it.each([
    [['1917-10-25'], 'Wednesday, 25 October 1917', 'Wednesday, 7 November 1917', 'Read as Old Style (Julian): no O.S./N.S. mark'],
    [['25 October 1917'], 'Wednesday, 25 October 1917', 'Wednesday, 7 November 1917', 'Read as Old Style (Julian)'],
    [['25', 'Oct', '1917', 'O.S.'], 'Wednesday, 25 October 1917', 'Wednesday, 7 November 1917', 'Read as Old Style (Julian): as marked.'],
    [['7 Nov 1917 N.S.'], 'Wednesday, 25 October 1917', 'Wednesday, 7 November 1917', 'Read as New Style (Gregorian): as marked.'],
    [['11 February 1731/32'], 'Friday, 11 February 1731/32', 'Friday, 22 February 1732', 'a dual-dated year is Old Style'],
    [['1752-09-14', '--country', 'GB'], 'Thursday, 3 September 1752', 'Thursday, 14 September 1752', 'the calendar in force in the United Kingdom on that day'],
  ])('%j prints both dates with weekdays and the reading it took', (args, os, ns, reading) => {
    const { stdout, stderr, code } = cli(['convert', ...args]);
    expect([stderr, code]).toEqual(['', 0]);
    expect(stdout).toContain(`Old Style (Julian):     ${os}`);
    expect(stdout).toContain(`New Style (Gregorian):  ${ns}`);
    expect(stdout.replace(/\n/g, ' ')).toContain(reading);
  });

  it('--format json', () => {
    const { stdout, code } = cli(['convert', '25 Oct 1917 O.S.', '--country', 'RU', '--format', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      version: 1,
      input: '25 Oct 1917 O.S.',
      readAs: 'julian',
      reason: 'marker',
      gregorian: '1917-11-07',
      julian: '1917-10-25',
      weekday: 'Wednesday',
      lag: 13,
      country: { code: 'RU', name: 'Russia', inForce: 'julian', lastJulian: '1918-01-31', firstGregorian: '1918-02-14' },
      notes: [],
    });
  });

  it.each([
    [['1900-02-29', '--from', 'gregorian'], /^centenary: 1900-02-29 does not exist in the Gregorian calendar; in the Julian calendar it does, and it is 13 March 1900 N\.S\. — add O\.S\. or --from julian/],
    [['1752-09-05', '--country', 'GB'], /^centenary: 5 September 1752 never existed in the United Kingdom: 2 September 1752 \(Julian\) was followed by 14 September 1752 \(Gregorian\)/],
    [['1918-02-05', '--country', 'RU'], /^centenary: 5 February 1918 never existed in Russia/],
    [['next', 'Tuesday'], /^centenary: cannot read "next Tuesday" as a date/],
    [['1917-10-25', '--country', 'XX'], /"XX" is not a country in the reform table/],
    [['1917-10-25', '--from', 'french'], /Allowed choices are julian, gregorian/],
  ])('%j is a usage error that explains itself', (args, message) => {
    const { stdout, stderr, code } = cli(['convert', ...args]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });
});

describe('a dataset with calendar "local" events', () => {
  const LOCAL = fixture('local-calendar.json');
  it.each([
    ['2017-11-07', '100', 'Lenin proclaims Soviet power (local date)', '7 November 1917 (25 October O.S.)'],
    ['2018-02-14', '100', 'First Gregorian day in Russia', '14 February 1918'],
    ['2023-03-01', '100', 'First Gregorian day in Greece', '1 March 1923'],
    ['2018-11-11', '100', 'Armistice of Compiègne', '11 November 1918'],
    ['2043-01-04', '400', 'Isaac Newton born (local date)', '4 January 1643 (25 December 1642 O.S.)'],
    ['2032-02-22', '300', 'George Washington born', '22 February 1732 (11 February 1731/32 O.S.)'],
  ])('on %s (%s years) shows %s', (date, years, title, when) => {
    const { stdout, stderr, code } = cli(['--file', LOCAL, '--date', date, '--years', years]);
    expect([stderr, code]).toEqual(['', 0]);
    expect(stdout).toContain(title);
    expect(stdout).toContain(when);
  });

  it('not on the local day numbers of an Old Style date', () => {
    expect(cli(['--file', LOCAL, '--date', '2017-10-25']).stdout).not.toContain('Lenin');
  });

  it('JSON keeps "local" as recorded and says what it resolved to', () => {
    const doc = JSON.parse(cli(['--file', LOCAL, '--date', '2017-11-07', '--format', 'json']).stdout);
    expect(doc.days[0].events[0].recorded).toEqual({ calendar: 'local', resolved: 'julian', date: '1917-10-25' });
  });

  it('reform warnings go to stderr and the events are still shown', () => {
    const { stdout, stderr, code } = cli(['--file', fixture('reform-warnings.json'), '--date', '2017-11-07']);
    expect(code).toBe(0);
    expect(stdout).toContain('A proper Old Style date');
    expect(stderr.trim().split('\n')).toHaveLength(4);
    expect(stderr).toMatch(/^.*reform-warnings\.json:3:40: warning: events\[0\]\.date: a julian date after Russia changed/);
  });
});
