import { describe, expect, it } from 'vitest';
import { cli, fixture, runInProcess } from '../helpers.js';

const SUSPICIOUS = fixture('suspicious.json');
const ACCENTS = fixture('search-accents.json');

describe('centenary validate', () => {
  it('lists every warning located, and exits 0 when there are only warnings', async () => {
    const { stdout, stderr, code } = await runInProcess(['validate', SUSPICIOUS]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/suspicious\.json:4:57: warning: events\[1\]\.title: the same title on the same day as events\[0\] \(id "armistice"\); found "ARMISTICE of Compiegne"/),
      expect.stringMatching(/suspicious\.json:5:33: warning: events\[2\]\.date: the date is in the future; found "2918-11-11", expected a date up to 2026-11-26/),
      expect.stringMatching(/suspicious\.json:6:5: warning: events\[3\]: no sources/),
      'ok: 1 file, 4 valid events, 0 errors, 3 warnings',
    ]);
  });

  it('"the future" is measured from the injected clock, not the real one', async () => {
    const { stdout } = await runInProcess(['validate', SUSPICIOUS], { now: Date.UTC(2918, 10, 12) });
    expect(stdout).not.toContain('future');
  });

  it('errors and warnings together, exit 1, in file order', async () => {
    const { stdout, code } = await runInProcess(['validate', fixture('invalid-bad-month.json'), SUSPICIOUS]);
    expect(code).toBe(1);
    const files = stdout.split('\n').filter((l) => l.includes('.json:')).map((l) => l.split(':')[0]);
    expect(files.indexOf(SUSPICIOUS)).toBeGreaterThan(files.lastIndexOf(fixture('invalid-bad-month.json')));
    expect(stdout).toMatch(/invalid-bad-month\.json:4:30: error: events\[1\]\.date/);
    expect(stdout).toMatch(/^not usable: 2 files, \d+ valid events, 11 errors, \d+ warnings$/m);
  });

  it('--format json is a document for scripts', async () => {
    const { stdout, code } = await runInProcess(['validate', SUSPICIOUS, '--format', 'json']);
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as { errors: number; warnings: number; issues: { line: number; column: number; path: string; severity: string }[] };
    expect(doc.errors).toBe(0);
    expect(doc.warnings).toBe(3);
    expect(doc.issues[1]).toMatchObject({ line: 5, column: 33, path: 'events[2].date', severity: 'warning' });
  });

  it('the built CLI: a missing file is an error with exit 1; a bad option exit 2', () => {
    const missing = cli(['validate', '/nonexistent.json']);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('/nonexistent.json:1:1: error: (top level): cannot read the file: no such file');
    expect(missing.stderr).toBe('');
    const bad = cli(['validate', '--format', 'xml']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^centenary: option '--format <format>' argument 'xml' is invalid/);
  });
});

describe('centenary search and list', () => {
  it('search ignores accents and case', async () => {
    const { stdout, code } = await runInProcess(['search', 'COMPIEGNE', '--file', ACCENTS]);
    expect(code).toBe(0);
    expect(stdout).toBe('Armistice signed at Compiègne\n  11 November 1918 · Compiègne, France · id 1918-11-11-armistice\n\n1 event.\n');
  });

  it('list filters by dates, tag, kind and country, and shows Old Style dates', async () => {
    const { stdout } = await runInProcess(['list', '--file', ACCENTS, '--from', '1917-11', '--to', '1917-11', '--country', 'ru']);
    expect(stdout).toContain('7 November 1917 (25 October O.S.) · Petrograd, Russia');
    expect(stdout).toMatch(/1 event\.\n$/);
  });

  it('nothing found is said plainly, exit 0', async () => {
    const { stdout, code } = await runInProcess(['search', 'zeppelin', '--file', ACCENTS]);
    expect([stdout, code]).toEqual(['No events match.\n', 0]);
  });

  it('--format json lists the events with both calendars', async () => {
    const { stdout } = await runInProcess(['list', '--file', ACCENTS, '--kind', 'birth', '--format', 'json']);
    const doc = JSON.parse(stdout) as { type: string; count: number; events: { id: string; date: { julian: string } }[] };
    expect(doc).toMatchObject({ type: 'list', count: 1 });
    expect(doc.events[0]).toMatchObject({ id: '1921-01-15-einstein', date: { julian: '1879-03-02' } });
  });

  it('--locale names the months in another language', async () => {
    const { stdout } = await runInProcess(['search', 'armistice', '--file', ACCENTS, '--locale', 'fr']);
    expect(stdout).toContain('11 novembre 1918');
  });

  it.each([
    [['search'], /missing required argument 'words'/],
    [['list', '--from', '1917-13'], /"1917-13" is not a date: there is no month 13/],
    [['list', '--country', 'Russia'], /expected an ISO 3166-1 alpha-2 code/],
    [['list', '--from', '1918', '--to', '1917'], /--to is before --from/],
    [['list', '--locale', 'xx'], /argument 'xx' is invalid. Allowed choices are en, de, fr, ru, es/],
  ])('bad usage %j: exit 2 and a message', async (args, message) => {
    const { stderr, stdout, code } = await runInProcess([...args, '--file', ACCENTS]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  it('bad data: exit 1, located, nothing on stdout', async () => {
    const { stdout, stderr, code } = await runInProcess(['list', '--file', fixture('invalid-syntax.json')]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/invalid-syntax\.json:4:38/);
  });
});
