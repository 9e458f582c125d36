import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/cli-io.js';
import { run } from '../../src/cli/run.js';
import { BIN, ROOT, cli, fixture, runInProcess } from '../helpers.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'centenary-add-'));

function copyOf(name: string): string {
  const file = join(tempDir(), name);
  copyFileSync(fixture(name), file);
  return file;
}

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));

describe('centenary add from options', () => {
  it('adds one line at its place by date; the rest of the file is untouched', async () => {
    const file = copyOf('search-accents.json');
    const before = readFileSync(file, 'utf8').split('\n');
    const { stdout, stderr, code } = await runInProcess(['add', '-f', file, '--date', '1917-10-26', '--calendar', 'julian', '--title', 'Decree on Peace', '--country', 'RU', '--tag', 'russian-revolution', '--source', 'https://en.wikipedia.org/wiki/Decree_on_Peace']);
    expect([stderr, code]).toEqual(['', 0]);
    expect(stdout).toBe(`added 1917-10-26-decree-on-peace to ${file}\n`);
    const after = readFileSync(file, 'utf8').split('\n');
    expect(after.length).toBe(before.length + 1);
    // The file was not in date order (the birth of 1879 comes third), so the event goes last.
    // Appending to the end puts a comma after the old last event; nothing else changes.
    expect(after.filter((l) => !before.includes(l)).slice(0, 1)).toEqual([`${before[6]},`]);
    const added = after.filter((l) => !before.includes(l)).slice(1);
    expect(added).toEqual([
      '    {"id":"1917-10-26-decree-on-peace","date":"1917-10-26","calendar":"julian","title":"Decree on Peace","country":"RU","tags":["russian-revolution"],"sources":[{"title":"en.wikipedia.org","url":"https://en.wikipedia.org/wiki/Decree_on_Peace"}]}',
    ]);
  });

  it('in a file sorted by date the new event lands in order, whatever its calendar', async () => {
    const file = join(tempDir(), 'sorted.json');
    writeFileSync(file, '{\n  "events": [\n    {"id":"a","date":"1917-11-01","title":"A"},\n    {"id":"c","date":"1917-11-30","title":"C"}\n  ]\n}\n');
    // 25 October 1917 O.S. is 7 November: between A and C.
    await runInProcess(['add', '-f', file, '--id', 'b', '--date', '1917-10-25', '--calendar', 'julian', '--title', 'B']);
    expect(readFileSync(file, 'utf8')).toBe(
      '{\n  "events": [\n    {"id":"a","date":"1917-11-01","title":"A"},\n    {"id":"b","date":"1917-10-25","calendar":"julian","title":"B"},\n    {"id":"c","date":"1917-11-30","title":"C"}\n  ]\n}\n',
    );
  });

  it('keeps a multi-line layout and CRLF line ends', async () => {
    const file = join(tempDir(), 'pretty.json');
    writeFileSync(file, '{\r\n\t"events": [\r\n\t\t{\r\n\t\t\t"id": "a",\r\n\t\t\t"date": "1917",\r\n\t\t\t"title": "A"\r\n\t\t}\r\n\t]\r\n}\r\n');
    await runInProcess(['add', '-f', file, '--id', 'b', '--date', '1918', '--title', 'B']);
    expect(readFileSync(file, 'utf8')).toBe(
      '{\r\n\t"events": [\r\n\t\t{\r\n\t\t\t"id": "a",\r\n\t\t\t"date": "1917",\r\n\t\t\t"title": "A"\r\n\t\t},\r\n\t\t{\r\n\t\t\t"id": "b",\r\n\t\t\t"date": "1918",\r\n\t\t\t"title": "B"\r\n\t\t}\r\n\t]\r\n}\r\n',
    );
  });

  it('creates a new file in the canonical layout, and fills an empty list', async () => {
    const dir = tempDir();
    await runInProcess(['add', '-f', join(dir, 'new.json'), '--date', '1916-07-01', '--title', 'First day on the Somme']);
    expect(readFileSync(join(dir, 'new.json'), 'utf8')).toBe(
      '{\n  "$schema": "https://github.com/centenary/centenary/raw/main/schema/events.schema.json",\n  "events": [\n    {"id":"1916-07-01-first-day-on-the-somme","date":"1916-07-01","title":"First day on the Somme"}\n  ]\n}\n',
    );
    writeFileSync(join(dir, 'empty.json'), '{ "events": [] }\n');
    await runInProcess(['add', '-f', join(dir, 'empty.json'), '--id', 'x', '--date', '1916', '--title', 'X']);
    expect(readFileSync(join(dir, 'empty.json'), 'utf8')).toBe('{ "events": [\n  {"id":"x","date":"1916","title":"X"}\n] }\n');
  });

  it('refuses a duplicate id: exit 1, file unchanged', async () => {
    const file = copyOf('search-accents.json');
    const before = readFileSync(file, 'utf8');
    const { stderr, stdout, code } = await runInProcess(['add', '-f', file, '--id', '1914-war', '--date', '1914', '--title', 'Again']);
    expect([stdout, code]).toEqual(['', 1]);
    expect(stderr).toMatch(/^centenary: id "1914-war" is already used by events\[4\] in .*search-accents\.json \("The First World War"\); nothing was added — choose another --id\n$/);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('validates first: every bad value at once, exit 2, nothing written', async () => {
    const dir = tempDir();
    const { stderr, code } = await runInProcess(['add', '-f', join(dir, 'x.json'), '--date', '1900-02-29', '--country', 'Russia', '--source', 'not-a-url']);
    expect(code).toBe(2);
    expect(stderr).toContain('--title: missing');
    expect(stderr).toContain('--country: badly written; found "Russia"');
    expect(stderr).toContain('--source ([0].url): badly written; found "not-a-url"');
    expect(readdirSync(dir)).toEqual([]);
    const leap = await runInProcess(['add', '-f', join(dir, 'x.json'), '--date', '1900-02-29', '--title', 'Leap']);
    expect(leap.stderr).toContain('--date: no such day in the gregorian calendar: 1900 is not a leap year in the gregorian calendar (it is in the julian calendar)');
  });

  it('refuses to change an invalid file, and reports its problems located', async () => {
    const file = copyOf('invalid-bad-month.json');
    const before = readFileSync(file, 'utf8');
    const { stderr, code } = await runInProcess(['add', '-f', file, '--date', '1917', '--title', 'X']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/invalid-bad-month\.json:4:30: error: events\[1\]\.date/);
    expect(stderr).toMatch(/centenary: .*invalid-bad-month\.json has 11 problems; nothing was changed — fix it first/);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it.each([
    [['add', '--date', '1917', '--title', 'X'], 2, /no dataset file to add to — give --file PATH/],
    [['add', '-f', '/nonexistent-dir/x.json', '--date', '1917', '--title', 'X'], 1, /cannot lock \/nonexistent-dir\/x\.json: its directory does not exist — check the path/],
    [['add', '-f', 'x.json', '--calendar', 'mayan'], 2, /argument 'mayan' is invalid/],
  ])('bad input %j: exit %i', async (args, exit, message) => {
    const { stderr, code } = await runInProcess(args);
    expect(code).toBe(exit);
    expect(stderr).toMatch(message);
  });
});

describe('centenary add on a terminal', () => {
  it('asks for each field not given, asks again after a bad answer, then adds', async () => {
    const file = join(tempDir(), 'asked.json');
    const stdin = Object.assign(new PassThrough(), { isTTY: true });
        // calendar, date (a bad one first), end, title (empty first), summary, place, kind, tags, source, its title, note
    stdin.end(['julian', '1917-02-30', '1917-02-23', '', '', "International Women's Day strike", '', 'Petrograd', '', '', 'https://example.org/strike', 'Example', ''].join('\n'));
    let stdout = '';
    let stderr = '';
    const io: CliIO = {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      env: { TZ: 'UTC' },
      now: () => Date.UTC(2026, 10, 26),
      stdin,
    };
    const code = await run(['add', '-f', file, '--country', 'RU'], io);
    expect([code, stdout, code === 0 ? "" : stderr]).toEqual([0, `added 1917-02-23-international-womens-day-strike to ${file}\n`, ""]);
    expect(stderr).toContain('date (YYYY-MM-DD, or YYYY-MM / YYYY): ');
    expect(stderr).toContain('no such day in the julian calendar: month 2 of 1917 has 28 days');
    expect(stderr).toContain('title is required.');
    expect(stderr).not.toContain('country');
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { events: unknown[] };
    expect(saved.events).toEqual([
      { id: '1917-02-23-international-womens-day-strike', date: '1917-02-23', calendar: 'julian', title: "International Women's Day strike", place: 'Petrograd', country: 'RU', sources: [{ title: 'Example', url: 'https://example.org/strike' }] },
    ]);
  });

  it('off a terminal, nothing is asked: a missing field is a usage error', async () => {
    const { stderr, code } = await runInProcess(['add', '-f', join(tempDir(), 'x.json'), '--date', '1917']);
    expect(code).toBe(2);
    expect(stderr).toContain('--title: missing');
  });
});

describe('two writers and a killed writer', () => {
  it('four add runs started at the same moment on the same file all land', async () => {
    const file = copyOf('search-accents.json');
    const children = [1, 2, 3, 4].map((n) =>
      spawn(process.execPath, [BIN, 'add', '-f', file, '--id', `parallel-${n}`, '--date', `190${n}`, '--title', `Parallel ${n}`], { cwd: ROOT, stdio: 'ignore' }),
    );
    const results = await Promise.all(children.map(exited));
    expect(results.map((r) => r.code)).toEqual([0, 0, 0, 0]);
    const ids = (JSON.parse(readFileSync(file, 'utf8')) as { events: { id: string }[] }).events.map((e) => e.id);
    expect(ids.filter((id) => id.startsWith('parallel-')).sort()).toEqual(['parallel-1', 'parallel-2', 'parallel-3', 'parallel-4']);
    expect(ids.length).toBe(5 + 4);
    expect(cli(['validate', file]).code).toBe(0);
  });

  it('a run killed (SIGKILL) while writing a large file leaves it byte for byte as it was; the next run still works', async () => {
    const dir = tempDir();
    const file = join(dir, 'large.json');
    const events = Array.from({ length: 3000 }, (_, i) => `    {"id":"e${i}","date":"1900-01-01","title":"Event ${i}","summary":"${'x'.repeat(3000)}"}`);
    writeFileSync(file, `{\n  "events": [\n${events.join(',\n')}\n  ]\n}\n`);
    const before = readFileSync(file);
    const child = spawn(process.execPath, [BIN, 'add', '-f', file, '--id', 'late', '--date', '1901', '--title', 'Late'], { stdio: 'ignore' });
    // The temporary file appears when the write begins; the kill lands while it is being filled.
    const watcher = watch(dir, (_event, name) => {
      if (name !== null && name.startsWith('large.json.') && name !== 'large.json.lock') child.kill('SIGKILL');
    });
    const { signal } = await exited(child);
    watcher.close();
    expect(signal).toBe('SIGKILL');
    expect(readFileSync(file).equals(before)).toBe(true);
    // Left behind by the killed run: its unfinished temporary file (proof it died mid-write) and its lock.
    expect(readdirSync(dir).filter((f) => /^large\.json\.\d+-[a-z0-9]+\.new\.\d+$/.test(f)).length).toBe(1);
    // The stale lock is taken over after about ten seconds, and the next run adds its event.
    const next = cli(['add', '-f', file, '--id', 'after', '--date', '1901', '--title', 'After']);
    expect(next.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('{"id":"after","date":"1901","title":"After"}');
  }, 60_000);
});
