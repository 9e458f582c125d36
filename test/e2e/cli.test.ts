import { describe, expect, it } from 'vitest';
import { cli, fixture } from '../helpers.js';

const ESC = '\u001b';
const OS = fixture('julian-os.json');

describe('the October Revolution, dated 24–26 October 1917 O.S.', () => {
  it.each([
    ['2017-11-06', 'The October Revolution', '6–8 November 1917 (24–26 October O.S.)', 'first day'],
    ['2017-11-07', 'Provisional Government deposed', '7 November 1917 (25 October O.S.)', 'Petrograd, Russia'],
    ['2017-11-08', 'The October Revolution', '6–8 November 1917 (24–26 October O.S.)', 'last day'],
  ])('shows on %s', (date, title, when, extra) => {
    const { stdout, stderr, code } = cli(['--file', OS, '--date', date]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain(title);
    expect(stdout).toContain(when);
    expect(stdout).toContain(extra);
  });

  it('does not show on 2017-10-25, the Old Style day number', () => {
    const { stdout, code } = cli(['--file', OS, '--date', '2017-10-25']);
    expect(code).toBe(0);
    expect(stdout).not.toContain('Revolution');
    expect(stdout).toMatch(/^Nothing in the dataset for 100 years before 25 October 2017: Thursday, 25 October 1917\./);
  });

  it('--old-style adds the Julian date to the heading of a day with Old Style events', () => {
    const { stdout } = cli(['--file', OS, '--date', '2017-11-07', '--old-style']);
    expect(stdout.split('\n')[0]).toBe('100 years before 7 November 2017: Wednesday, 7 November 1917 (25 October O.S.)');
  });

  it('--old-style leaves New Style days alone; --old-style=always converts every date', () => {
    const auto = cli(['--file', OS, '--date', '2018-11-11', '--old-style']).stdout;
    expect(auto.split('\n')[0]).toBe('100 years before 11 November 2018: Monday, 11 November 1918');
    expect(auto).not.toContain('O.S.');
    const always = cli(['--file', OS, '--date', '2018-11-11', '--old-style=always']).stdout;
    expect(always.split('\n')[0]).toBe('100 years before 11 November 2018: Monday, 11 November 1918 (29 October O.S.)');
    expect(always).toContain('11 November 1918 (29 October O.S.)');
  });

  it('--old-style shows the Old Style date of a New Style record from a country still on the Julian calendar', () => {
    const { stdout } = cli(['--file', fixture('reform-warnings.json'), '--date', '2043-01-04', '--years', '400', '--old-style']);
    expect(stdout).toContain('Newton born, converted to New Style');
    expect(stdout).toContain('4 January 1643 (25 December 1642 O.S.)');
  });

  it('--date may be given in Old Style with --calendar julian', () => {
    const { stdout, code } = cli(['--file', OS, '--date', '2017-10-25', '--calendar', 'julian']);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('100 years before 7 November 2017: Wednesday, 7 November 1917');
    expect(stdout).toContain('Provisional Government deposed');
    expect(stdout).toContain('elapsed anniversary');
  });

  it('a day only the Julian calendar has needs --calendar julian', () => {
    const { stderr, code } = cli(['--file', OS, '--date', '1900-02-29']);
    expect(code).toBe(2);
    expect(stderr).toBe("centenary: 1900-02-29 is not a real date: 1900 is not a leap year in the gregorian calendar (it is in the julian calendar) — add --calendar julian for an Old Style date; see 'centenary --help'\n");
    expect(cli(['--file', OS, '--date', '1900-02-29', '--calendar', 'julian', '--years', '50']).stdout).toMatch(/^Nothing in the dataset for 50 years before 13 March 1900/);
  });
});

describe('the bundled dataset', () => {
  it('prints a summary for a fixed day with no options but --date', () => {
    const { stdout, stderr, code } = cli(['--date', '2026-11-26']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^100 years before 26 November 2026: Friday, 26 November 1926\n/);
  });

  it('CENTENARY_EVENTS points at another dataset', () => {
    const { stdout } = cli(['--date', '2017-11-07'], { CENTENARY_EVENTS: OS });
    expect(stdout).toContain('Provisional Government deposed');
  });
});

describe('a broken dataset', () => {
  it('gives every located error on stderr, nothing on stdout, exit 1, no stack trace', () => {
    const { stdout, stderr, code } = cli(['--file', fixture('invalid-bad-month.json'), '--date', '2026-11-26']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/invalid-bad-month\.json:4:30: error: events\[1\]\.date: no such day in the gregorian calendar: there is no month 13; found "1926-13-01"/);
    expect(stderr).toMatch(/events\[5\]\.id: duplicate id/);
    expect(stderr).toMatch(/^centenary: 11 problems in .*invalid-bad-month\.json; nothing was shown — /m);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('invalid JSON is located', () => {
    const { stderr, code } = cli(['--file', fixture('invalid-syntax.json')]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/invalid-syntax\.json:4:38: error: \(top level\): invalid JSON; found "\\"title\\"", expected a comma/);
  });

  it('a missing file is reported with the others', () => {
    const { stderr, code } = cli(['--file', '/nonexistent/events.json', '--file', fixture('invalid-syntax.json')]);
    expect(code).toBe(1);
    expect(stderr).toContain('/nonexistent/events.json:1:1: error: (top level): cannot read the file: no such file');
    expect(stderr).toContain('invalid-syntax.json:4:38');
  });

  it('--debug adds a stack trace', () => {
    const { stderr } = cli(['--file', fixture('invalid-syntax.json'), '--debug']);
    expect(stderr).toMatch(/\n\s+at /);
  });
});

describe('output safety and colour', () => {
  it('piped output carries no escape codes, even from hostile data', () => {
    const { stdout, code } = cli(['--file', fixture('hostile-text.json'), '--date', '2026-11-26']);
    expect(code).toBe(0);
    expect(stdout).not.toContain(ESC);
    expect(stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(stdout).toContain('Title with red and title');
  });

  it('FORCE_COLOR colours the output but never passes the data’s own escapes through', () => {
    const { stdout } = cli(['--file', fixture('hostile-text.json'), '--date', '2026-11-26'], { FORCE_COLOR: '1' });
    expect(stdout).toContain(`${ESC}[1m`);
    expect(stdout).not.toContain('31m');
    expect(stdout).not.toContain(']0;');
  });

  it('--no-color wins over FORCE_COLOR; NO_COLOR wins over FORCE_COLOR', () => {
    expect(cli(['--file', OS, '--date', '2017-11-07', '--no-color'], { FORCE_COLOR: '1' }).stdout).not.toContain(ESC);
    expect(cli(['--file', OS, '--date', '2017-11-07'], { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout).not.toContain(ESC);
  });
});

describe('JSON output', () => {
  it('parses and has the documented shape', () => {
    const { stdout, code } = cli(['--file', OS, '--date', '2017-11-07', '--format', 'json', '-B', '1']);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    expect(Object.keys(doc)).toEqual(['version', 'reference', 'timeZone', 'years', 'oldStyleAnniversary', 'window', 'ongoing', 'days', 'nearest']);
    expect(doc).toMatchObject({
      version: 1,
      reference: { gregorian: '2017-11-07', julian: '2017-10-25', weekday: 'Tuesday' },
      timeZone: 'UTC',
      years: [100],
      oldStyleAnniversary: 'elapsed',
      window: { behind: 1, ahead: 0 },
      ongoing: false,
      nearest: [],
    });
    expect(doc.days).toHaveLength(2);
    expect(doc.days[1]).toMatchObject({
      date: '2017-11-07',
      offset: 0,
      yearsAgo: 100,
      target: { gregorian: '1917-11-07', julian: '1917-10-25', weekday: 'Wednesday' },
    });
    expect(doc.days[0].events[0]).toMatchObject({
      id: 'october-revolution',
      title: 'The October Revolution',
      match: 'start',
      anniversary: 'elapsed',
      recorded: { calendar: 'julian', date: '1917-10-24', end: '1917-10-26' },
      date: { gregorian: '1917-11-06', julian: '1917-10-24', weekday: 'Tuesday' },
      end: { gregorian: '1917-11-08', julian: '1917-10-26', weekday: 'Thursday' },
      sources: [{ title: 'October Revolution (Wikipedia)', url: 'https://en.wikipedia.org/wiki/October_Revolution' }],
    });
  });
});

describe('usage', () => {
  it.each([
    [['--bogus'], /unknown option '--bogus'/],
    [['--date', '2017-02-30'], /2017-02-30 is not a real date: month 2 of 2017 has 28 days/],
    [['--date', 'tomorrow'], /expected a day written YYYY-MM-DD/],
    [['--years', 'ten'], /expected whole numbers of years/],
    [['--tz', 'Mars/Olympus'], /is not an IANA time zone/],
    [['--format', 'pdf'], /Allowed choices are text, json/],
    [['--old-style-anniversary', 'lunar'], /Allowed choices are elapsed, nominal/],
    [['--old-style=sometimes'], /Allowed choices are auto, always/],
    [['--date', '2017-01-01', '--calendar', 'mayan'], /Allowed choices are gregorian, julian/],
    [['extra-argument'], /too many arguments/],
  ])('%j is a usage error with exit 2 and a hint', (args, message) => {
    const { stdout, stderr, code } = cli(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).toMatch(/^centenary: .* — see 'centenary --help'\n$/);
  });

  it('a bad TZ is a usage error', () => {
    const { stderr, code } = cli(['--date', '2026-11-26'], { TZ: 'Not/AZone' });
    expect(code).toBe(2);
    expect(stderr).toContain('TZ="Not/AZone" is not an IANA time zone');
  });

  it('--help shows examples and exit codes; --version prints the version', () => {
    const help = cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:');
    expect(help.stdout).toContain('Exit codes: 0 success, 1 failure or bad data, 2 bad usage.');
    expect(cli(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('--quiet prints nothing when nothing matched', () => {
    const { stdout, stderr, code } = cli(['--file', OS, '--date', '2017-06-01', '--quiet']);
    expect([stdout, stderr, code]).toEqual(['', '', 0]);
    expect(cli(['--file', OS, '--date', '2017-11-07', '--quiet']).stdout).toContain('deposed');
  });
});
