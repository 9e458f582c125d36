import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, fixture, runInProcess } from '../helpers.js';

const BSD = fixture('bsd/calendar.every-feature');
const SYSTEM = fixture('bsd/system');
const target = () => join(mkdtempSync(join(tmpdir(), 'centenary-import-')), 'imported.json');
const importBsd = (into: string, ...more: string[]) => runInProcess(['import', BSD, '--from', 'bsd-calendar', '-f', into, '--include-dir', SYSTEM, ...more]);
const datasetOf = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as { events: { id: string; date: string; calendar?: string; title: string; kind?: string; tags?: string[] }[] };

describe('import from a BSD calendar file', () => {
  it('reads every feature of the format, and says what it skipped and why', async () => {
    const into = target();
    const { stdout, stderr, code } = await importBsd(into, '-v');
    expect([stderr, code]).toEqual(['', 0]);
    const byTitle = new Map(datasetOf(into).events.map((e) => [e.title, e]));
    // MM/DD, Mon DD, DD Mon, a trailing *, YYYY/MM/DD, the year in parentheses and after a comma.
    expect(byTitle.get('October Revolution: the Bolsheviks take the Winter Palace')).toMatchObject({ date: '1917-11-07', tags: ['every-feature'] });
    expect(byTitle.get('Marie Curie born in Warsaw')).toMatchObject({ date: '1867-11-07', kind: 'birth' });
    expect(byTitle.get('Leon Trotsky born')).toMatchObject({ date: '1879-11-07', kind: 'birth' });
    expect(byTitle.get('Fog over Petrograd, varying date')).toMatchObject({ date: '1900-11-07' });
    expect(byTitle.get('Decree on Peace adopted')).toMatchObject({ date: '1917-11-08' });
    // A comment before the entry on the same line; a comment over several lines hides its lines.
    expect(byTitle.get('Armistice of Compiegne')).toMatchObject({ date: '1918-11-11' });
    expect([...byTitle.keys()].some((t) => t.includes('Inside a comment'))).toBe(false);
    // Marked Old Style: recorded as Julian.
    expect(byTitle.get('Storming of the Winter Palace (O.S.)')).toMatchObject({ date: '1917-10-25', calendar: 'julian' });
    // A tab-continued line belongs to its entry.
    expect(byTitle.get('A long entry that goes on onto a tab-continued line, Christmas truce')).toMatchObject({ date: '1914-12-25' });
    // #ifdef / #else
    expect(byTitle.has('Hidden by #ifdef')).toBe(false);
    expect(byTitle.get("Shown by #else: Lenin's Decree on Land")).toMatchObject({ date: '1917-11-08' });
    // #include <…> and "…", found next to the file and on the include path; each file read once.
    expect(byTitle.get('Battle of Kalka River')).toMatchObject({ date: '1223-01-02', tags: ['history'] });
    expect(byTitle.get('From the include path: Britain declares war')).toMatchObject({ date: '1914-08-04' });
    expect(byTitle.get('Assassination in Sarajevo')).toMatchObject({ date: '1914-06-28' });
    // Locale month names, in the character set LANG= names: German in Latin-1, Russian in KOI8-R, French in UTF-8.
    expect(byTitle.get('Gründung des Beispielvereins')).toMatchObject({ date: '1916-03-09' });
    expect(byTitle.get('Tag der Deutschen Einheit')).toMatchObject({ date: '1990-10-03' });
    expect(byTitle.get('Prise de la Bastille')).toMatchObject({ date: '1789-07-14' });
    expect(byTitle.get('Полёт Гагарина')).toMatchObject({ date: '1961-04-12' });
    expect(byTitle.get('Октябрьская революция (по новому стилю)')).toMatchObject({ date: '1917-11-07' });
    expect(byTitle.size).toBe(18);

    expect(stdout).toMatch(/^Imported 18 events into .*imported\.json\.\nSkipped 17 entries:\n/);
    const skips = [
      [5, 'a rule that recurs'],
      [3, 'no year in the text'],
      [2, 'an #include that would loop back'],
      [2, 'a moving feast'],
      [1, 'a line with no tab'],
      [1, 'a year before 1 (BC)'],
      [1, 'no such day in that year'],
      [1, 'a date that could not be read'],
      [1, 'the same entry twice'],
    ] as const;
    for (const [n, why] of skips) expect(stdout).toMatch(new RegExp(`^ +${n}  ${why.replace(/[()#]/g, '\\$&')}`, 'm'));
    expect(stdout).toMatch(/calendar\.every-feature:32: before-year-1: 03\/15 Julius Caesar assassinated; Ides of March, 44 BC/);
    expect(stdout).toMatch(/calendar\.every-feature:39: moving-feast: Ostern-2 Good Friday/);
    expect(stdout).toMatch(/calendar\.loop-b:1: include-loop: #include of .*calendar\.loop-a/);
    expect(stdout).toMatch(/calendar\.german:3: no-year: 1\. Mai Tag der Arbeit/);
    expect(cli(['validate', into]).code).toBe(0);
  });

  it('a second import of the same file adds nothing, and leaves the file byte for byte', async () => {
    const into = target();
    await importBsd(into);
    const before = readFileSync(into);
    const { stdout } = await importBsd(into);
    expect(stdout).toMatch(/^Imported 0 events/);
    expect(stdout).toMatch(/ 18  already in the dataset/);
    expect(readFileSync(into).equals(before)).toBe(true);
  });

  it('round trip: a day’s query lists what the file lists for that day, each with its year', async () => {
    const into = target();
    await importBsd(into);
    // calendar.every-feature lists 11/07 for 1867, 1879, 1900 and 1917, and 25 October 1917 O.S.,
    // which is 7 November; calendar.russian lists 7 November 1917 too.
    const { stdout } = await runInProcess(['--file', into, '--date', '2017-11-07', '--years', '100,117,138,150']);
    const sections = stdout.split(/\n(?=\d+ years before)/);
    const titlesIn = (heading: string) => (sections.find((s) => s.startsWith(heading)) ?? '').split('\n').filter((l) => /^ {2}\S/.test(l) && !/\d{4}/.test(l));
    expect(titlesIn('100 years before 7 November 2017: Wednesday, 7 November 1917').sort()).toEqual(
      ['  October Revolution: the Bolsheviks take the Winter Palace', '  Storming of the Winter Palace (O.S.)', '  Октябрьская революция (по новому стилю)'].sort(),
    );
    expect(titlesIn('117 years before 7 November 2017: Wednesday, 7 November 1900')).toEqual(['  Fog over Petrograd, varying date']);
    expect(titlesIn('138 years before 7 November 2017: Friday, 7 November 1879')).toEqual(['  Leon Trotsky born']);
    expect(titlesIn('150 years before 7 November 2017: Thursday, 7 November 1867')).toEqual(['  Marie Curie born in Warsaw']);
  });

  it('--dry-run shows what would be added and writes nothing', async () => {
    const into = target();
    const { stdout, code } = await importBsd(into, '--dry-run');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Would import 18 events into .* \(dry run: nothing was written\)\.\n/);
    expect(stdout).toContain('  + 1917-11-07  October Revolution: the Bolsheviks take the Winter Palace');
    expect(() => readFileSync(into)).toThrow();
  });

  it('into an existing dataset: the new events go to their places; the old lines stay', async () => {
    const into = target();
    writeFileSync(into, '{\n  "events": [\n    {"id":"mine","date":"1917-11-01","title":"Mine","sources":[{"title":"t","url":"https://example.org/"}]}\n  ]\n}\n');
    await importBsd(into);
    const lines = readFileSync(into, 'utf8').split('\n');
    expect(lines).toContain('    {"id":"mine","date":"1917-11-01","title":"Mine","sources":[{"title":"t","url":"https://example.org/"}]},');
    expect(datasetOf(into).events.map((e) => e.id).indexOf('mine')).toBeGreaterThan(0);
  });

  it('--format json reports counts and each entry', async () => {
    const { stdout } = await importBsd(target(), '--format', 'json', '--dry-run');
    const report = JSON.parse(stdout) as { imported: number; skipped: Record<string, number>; skippedEntries: unknown[] };
    expect(report.imported).toBe(18);
    expect(report.skipped).toMatchObject({ recurring: 5, 'no-year': 3, 'before-year-1': 1, 'include-loop': 2 });
    expect(report.skippedEntries).toHaveLength(17);
  });

  it('#include <…> finds files in ~/.calendar ($HOME from the environment)', async () => {
    const { stdout } = await runInProcess(['import', fixture('bsd/calendar.uses-home'), '--from', 'bsd-calendar', '-f', target(), '-n'], { env: { TZ: 'UTC', HOME: fixture('bsd/home') } });
    expect(stdout).toContain('+ 1916-07-01  From ~/.calendar: the Somme');
  });

  it('a missing #include is an error (calendar(1) would exit 0): located, exit 1, nothing written', async () => {
    const into = target();
    const { stdout, stderr, code } = await runInProcess(['import', fixture('bsd/calendar.missing-include'), '--from', 'bsd-calendar', '-f', into]);
    expect([stdout, code]).toEqual(['', 1]);
    expect(stderr).toMatch(/calendar\.missing-include:2:1: error: include: calendar\.nowhere not found, expected a file in .*bsd, .*\/usr\/share\/calendar/);
    expect(stderr).toMatch(/calendar\.missing-include:3:1: error: include: also-missing not found/);
    expect(stderr).toMatch(/centenary: 2 problems in .*calendar\.missing-include; nothing was imported — fix the file; for a missing #include, add its directory with --include-dir/);
    expect(() => readFileSync(into)).toThrow();
  });
});

describe('import from CSV', () => {
  it('maps the header row by the default names; ids are stable', async () => {
    const into = target();
    const { stderr, code } = await runInProcess(['import', fixture('csv/diary.csv'), '--from', 'csv', '-f', into]);
    expect(code).toBe(0);
    expect(stderr).toBe('centenary: note: columns not imported: "Notes column" (map them with --map COLUMN=FIELD)\n');
    const events = datasetOf(into).events;
    expect(events[0]).toEqual({
      id: '1916-07-01-first-day-on-the-somme-ffbd2caf',
      date: '1916-07-01',
      title: 'First day on the Somme',
      summary: "The British Army's bloodiest day, 57,470 casualties.",
      place: 'Somme',
      country: 'FR',
      tags: ['war', 'somme'],
      sources: [{ title: 'en.wikipedia.org', url: 'https://en.wikipedia.org/wiki/First_day_on_the_Somme' }],
    });
    expect(events.map((e) => e.date)).toEqual(['1916-07-01', '1917-10-25', '1918-11']);
    const again = await runInProcess(['import', fixture('csv/diary.csv'), '--from', 'csv', '-f', into]);
    expect(again.stdout).toMatch(/^Imported 0 events/);
  });

  it('--map names the columns; every bad row is reported with its line and column; nothing is half-imported', async () => {
    const into = target();
    const { stdout, stderr, code } = await runInProcess(['import', fixture('csv/mapped.csv'), '--from', 'csv', '-f', into, '--map', 'When=date,What=title', '--map', 'Style=calendar,Where=place']);
    expect([stdout, code]).toEqual(['', 1]);
    expect(stderr).toMatch(/mapped\.csv:2:1: error: When: badly written; found "25\.10\.1917", expected a date written YYYY-MM-DD/);
    expect(stderr).toMatch(/mapped\.csv:4:1: error: When: no such day in the gregorian calendar: month 2 of 1917 has 28 days/);
    expect(stderr).toMatch(/centenary: 2 problems in .*mapped\.csv; nothing was imported/);
    expect(() => readFileSync(into)).toThrow();
  });

  it('a CSV without a title column says which names it looked for', async () => {
    const { stderr, code } = await runInProcess(['import', fixture('csv/mapped.csv'), '--from', 'csv', '-f', target()]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/mapped\.csv:1:1: error: header: no column for "date"; found the columns "When", "What", "Style", "Where", expected a column named "date" or "start"/);
  });
});

describe('import: bad usage', () => {
  it.each([
    [['import', BSD, '-f', 'x.json'], 2, /required option '--from <format>' not specified/],
    [['import', BSD, '--from', 'ical', '-f', 'x.json'], 2, /argument 'ical' is invalid. Allowed choices are bsd-calendar, csv/],
    [['import', BSD, '--from', 'bsd-calendar'], 2, /no dataset file to import into — give --file PATH/],
    [['import', '/nonexistent', '--from', 'bsd-calendar', '-f', 'x.json'], 1, /\/nonexistent:1:1: error: \(top level\): cannot read \/nonexistent: no such file/],
    [['import', '/nonexistent', '--from', 'csv', '-f', 'x.json'], 1, /cannot read \/nonexistent: no such file/],
    [['import', BSD, '--from', 'csv', '-f', 'x.json', '--map', 'Date'], 2, /expected COLUMN=FIELD pairs/],
    [['import', BSD, '--from', 'csv', '-f', 'x.json', '--map', 'Date=when'], 2, /FIELD one of id, date/],
  ])('%j: exit %i', async (args, exit, message) => {
    const { stderr, code } = await runInProcess(args);
    expect(code).toBe(exit);
    expect(stderr).toMatch(message);
  });

  it('into an invalid dataset: refused, located, nothing changed', async () => {
    const into = target();
    writeFileSync(into, '{"events": [{"id": "x"}]}');
    const { stderr, code } = await importBsd(into);
    expect(code).toBe(1);
    expect(stderr).toMatch(/imported\.json:1:13: error: events\[0\]: missing field "date"/);
    expect(readFileSync(into, 'utf8')).toBe('{"events": [{"id": "x"}]}');
  });
});
