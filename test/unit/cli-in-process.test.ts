import { describe, expect, it } from 'vitest';
import { fixture, runInProcess } from '../helpers.js';

const OS = fixture('julian-os.json');
// 21:05 UTC on 6 November 2017 is 00:05 on 7 November in Moscow (UTC+3).
const LATE_EVENING_UTC = Date.UTC(2017, 10, 6, 21, 5, 0);

describe('today depends on an explicit time zone', () => {
  it('a job at 00:05 in Europe/Moscow gets Moscow’s day (TZ)', async () => {
    const { stdout } = await runInProcess(['--file', OS], { env: { TZ: 'Europe/Moscow' }, now: LATE_EVENING_UTC });
    expect(stdout).toMatch(/^100 years ago today: Wednesday, 7 November 1917/);
    expect(stdout).toContain('Provisional Government deposed');
  });

  it('the same instant in UTC is still 6 November', async () => {
    const { stdout } = await runInProcess(['--file', OS], { env: { TZ: 'UTC' }, now: LATE_EVENING_UTC });
    expect(stdout).toMatch(/^100 years ago today: Tuesday, 6 November 1917/);
  });

  it('--tz wins over TZ', async () => {
    const { stdout } = await runInProcess(['--file', OS, '--tz', 'Europe/Moscow'], { env: { TZ: 'America/New_York' }, now: LATE_EVENING_UTC });
    expect(stdout).toMatch(/^100 years ago today: Wednesday, 7 November 1917/);
  });

  it('a window around today is labelled relative to today', async () => {
    const { stdout } = await runInProcess(['--file', OS, '-B', '1', '-A', '1'], { env: { TZ: 'UTC' }, now: Date.UTC(2017, 10, 7, 12) });
    expect(stdout).toContain('100 years ago yesterday: Tuesday, 6 November 1917');
    expect(stdout).toContain('100 years ago today: Wednesday, 7 November 1917');
    expect(stdout).toContain('100 years ago tomorrow: Thursday, 8 November 1917');
  });
});

describe('terminal width', () => {
  it('output off a terminal is the same whatever the columns', async () => {
    const narrow = await runInProcess(['--file', OS, '--date', '2017-11-07'], { columns: 40 });
    const wide = await runInProcess(['--file', OS, '--date', '2017-11-07'], { columns: 200 });
    expect(narrow.stdout).toBe(wide.stdout);
  });

  it('on a terminal, text wraps to its width', async () => {
    const { stdout } = await runInProcess(['--file', OS, '--date', '2017-11-07', '--no-color', '--years', '100'], { tty: true, columns: 50 });
    for (const line of stdout.split('\n').slice(1)) expect([...line].length).toBeLessThanOrEqual(50);
  });
});

describe('several spans and whole months', () => {
  it('--years 100,101 lists each span under its own heading', async () => {
    const { stdout } = await runInProcess(['--file', OS, '--date', '2018-11-11', '--years', '100,101']);
    expect(stdout).toContain('100 years before 11 November 2018: Monday, 11 November 1918');
    expect(stdout).toContain('Armistice of Compiègne');
  });

  it('--month lists the month, with events known only to the month or year', async () => {
    const { stdout } = await runInProcess(['--file', OS, '--date', '2017-11-20', '--month']);
    expect(stdout).toMatch(/^November 1917, 100 years ago this month/);
    expect(stdout).toContain('The October Revolution');
    expect(stdout).toContain('November 1917 (day not known)');
    expect(stdout).toContain('1917 (day not known)');
  });
});
