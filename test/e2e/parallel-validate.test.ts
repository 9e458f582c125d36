import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, cli } from '../helpers.js';

/**
 * `validate` checks a large file in the one-event-per-line layout in several threads; the checks
 * across events (duplicate ids, the same title on the same day) then run in file order. Whatever
 * the number of threads, the report is the same to the byte — problems that straddle the places
 * where the file is cut included.
 */
const dir = mkdtempSync(join(tmpdir(), 'centenary-parallel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const generated = join(dir, 'generated.json');
spawnSync(process.execPath, [join(ROOT, 'dist/scripts/generate-dataset.js'), generated, '10000', '3'], { cwd: ROOT });
const lines = readFileSync(generated, 'utf8').split('\n');
const first = lines.findIndex((l) => l.includes('"id":"gen-3-0"'));
const edit = (n: number, change: (event: Record<string, unknown>) => void) => {
  const line = lines[first + n] ?? '';
  const comma = line.endsWith(',');
  const event = JSON.parse(line.trim().replace(/,$/, '')) as Record<string, unknown>;
  change(event);
  lines[first + n] = `    ${JSON.stringify(event)}${comma ? ',' : ''}`;
};
// Problems spread over the whole file, so that every part has some and some pairs cross parts.
const early = JSON.parse((lines[first + 10] ?? '').trim().replace(/,$/, '')) as Record<string, unknown>;
edit(6000, (e) => (e['id'] = early['id'])); // the same id, half a file apart
edit(9500, (e) => Object.assign(e, { date: early['date'], title: String(early['title']).toUpperCase() })); // the same title, the same day
edit(200, (e) => (e['date'] = '1917-02-30')); // no such day
edit(3000, (e) => (e['date'] = '2999-01-01')); // in the future
edit(4500, (e) => (e['sources'] = [])); // nothing to check it by
edit(7500, (e) => Object.assign(e, { date: '1916-05-01', country: 'RU' })); // New Style in Russia before its switch
edit(9999, (e) => (e['kind'] = 42)); // the last event, wrong type
lines[first + 5000] = (lines[first + 5000] ?? '').replace('"title":', '"title":"first","title":'); // a key twice
const broken = join(dir, 'broken.json');
writeFileSync(broken, lines.join('\n'));
const second = join(dir, 'second.json');
writeFileSync(second, JSON.stringify({ events: [{ ...early, sources: [{ title: 't', url: 'https://example.org/' }] }] }));

describe('validate in several threads', () => {
  it.each([
    ['a clean generated file', [generated]],
    ['a file with problems everywhere', [broken]],
    ['two files sharing an id', [broken, second]],
  ])('reports %s exactly as one thread does', (_, files) => {
    for (const [format, threads] of [['text', '3'], ['json', '2']] as const) {
      const one = cli(['validate', ...files, '--threads', '1', '--format', format]);
      const many = cli(['validate', ...files, '--threads', threads, '--format', format]);
      expect(many).toEqual(one);
    }
    const report = cli(['validate', ...files, '--threads', '3', '--debug']);
    // More parts than threads: each thread takes the next part when it is done with one.
    const parts = Number(new RegExp(`${files[0]} checked in 3 threads, (\\d+) parts`).exec(report.stderr)?.[1]);
    expect(parts).toBeGreaterThan(3);
    if (files.includes(broken)) {
      expect(report.code).toBe(1);
      for (const problem of ['duplicate id', 'no such day', 'the same key twice', 'the same title on the same day', 'the date is in the future', 'no sources', 'before it changed to the Gregorian calendar', 'kind']) {
        expect(report.stderr + report.stdout).toContain(problem);
      }
    } else expect(report.code).toBe(0);
  });

  it('gives up threads for a file whose last part is not one event per line, and reports as one thread does', () => {
    // An event spread over two lines near the end: found only when the last part is checked,
    // after the parts before it were merged. What they added must be taken back.
    const spread = readFileSync(generated, 'utf8').split('\n');
    const at = first + 9800;
    spread[at] = (spread[at] ?? '').replace('"title":', '\n      "title":');
    const file = join(dir, 'spread.json');
    writeFileSync(file, spread.join('\n'));
    const one = cli(['validate', file, '--threads', '1']);
    expect(one.code).toBe(0);
    const many = cli(['validate', file, '--threads', '2', '--debug']);
    expect(many.stderr).toContain(`${file} checked in one thread`);
    expect(many.stdout).toBe(one.stdout);
    expect(many.stderr.replace(/^centenary: .*\n/gm, '')).toBe(one.stderr);
    expect(many.code).toBe(0);
  });

  it('refuses a thread count that is not one', () => {
    expect(cli(['validate', generated, '--threads', '0']).code).toBe(2);
    expect(cli(['validate', generated, '--threads', 'many']).stderr).toContain('expected a number of threads from 1 to 64');
  });
});
