import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, cli, fixture } from '../helpers.js';

/**
 * The launcher answers a plain daily query from its own bundle, compiled with V8's code cache
 * kept in the cache directory, and hands everything else to the whole program. Whichever path
 * answers, the answer is the same; a damaged, foreign or unwritable code cache costs speed only.
 */
const scratch = mkdtempSync(join(tmpdir(), 'centenary-launcher-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const QUERY = ['--file', fixture('julian-os.json'), '--date', '2017-11-07', '--old-style', '--years', '100,200'];
const PLAIN = /answered by the plain query path; code cache (.*)\n/;

function codeCacheFile(cacheDir: string): string {
  const dir = join(cacheDir, 'v1', 'code');
  const files = readdirSync(dir).filter((name) => name.startsWith('code-'));
  expect(files).toHaveLength(1);
  return join(dir, files[0] ?? '');
}

describe('the launcher', () => {
  // The whole program's answer: --no-cache reads the dataset whole, which only it can do.
  const full = cli([...QUERY, '--no-cache']);

  it('answers a plain query itself, writes the code cache once and then uses it, and says so with --debug', () => {
    const env = { CENTENARY_CACHE_DIR: join(scratch, 'fresh') };
    // The first run builds the index, which takes the whole program: the plain path hands over.
    const building = cli([...QUERY, '--debug'], env);
    expect(building.stderr).toContain('events from rebuilt');
    expect(building.stderr).not.toMatch(PLAIN);
    // What V8 compiled before the hand-over is kept, marked partial; the first run the plain
    // path answers makes it whole (else every later query would compile the rest afresh).
    const partial = readFileSync(codeCacheFile(env.CENTENARY_CACHE_DIR));
    expect(partial.subarray(0, 60).toString('latin1')).toMatch(/^centenary-code-cache-1\n\S+ partial\n/);
    // Another run that hands over (another format) leaves it as it is: nothing to add.
    expect(cli([...QUERY, '--format', 'json'], env).code).toBe(0);
    expect(readFileSync(codeCacheFile(env.CENTENARY_CACHE_DIR)).equals(partial)).toBe(true);
    const first = cli([...QUERY, '--debug'], env);
    const second = cli([...QUERY, '--debug'], env);
    expect(PLAIN.exec(first.stderr)?.[1]).toBe('used, partial, rewritten');
    expect(PLAIN.exec(second.stderr)?.[1]).toBe('used');
    const whole = readFileSync(codeCacheFile(env.CENTENARY_CACHE_DIR));
    expect(whole.subarray(0, 60).toString('latin1')).toMatch(/^centenary-code-cache-1\n\S+\n/);
    expect(whole.length).toBeGreaterThan(partial.length);
    rmSync(join(env.CENTENARY_CACHE_DIR, 'v1', 'code'), { recursive: true, force: true });
    expect(PLAIN.exec(cli([...QUERY, '--debug'], env).stderr)?.[1]).toBe('written');
    expect(second.stderr).toContain('events from cache');
    for (const outcome of [building, first, second, cli(QUERY, env)]) {
      expect(outcome.code).toBe(0);
      expect(outcome.stdout).toBe(full.stdout);
    }
    expect(full.stdout).toContain('7 November 1917');
    expect(cli([...QUERY, '--no-cache', '--debug']).stderr).not.toMatch(PLAIN);
  });

  it('keeps the code cache partial after a run with nothing to print, and makes it whole after one that prints', () => {
    const env = { CENTENARY_CACHE_DIR: join(scratch, 'quiet') };
    expect(cli(QUERY, env).code).toBe(0);
    // A cron run with --quiet on a day with nothing: answered, exit 0, but no matching or rendering ran.
    const quiet = cli(['--file', fixture('julian-os.json'), '--date', '2017-01-01', '--years', '100', '--quiet', '--debug'], env);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).toBe('');
    expect(PLAIN.exec(quiet.stderr)?.[1]).toBe('used, partial');
    expect(readFileSync(codeCacheFile(env.CENTENARY_CACHE_DIR)).subarray(0, 60).toString('latin1')).toMatch(/ partial\n/);
    expect(PLAIN.exec(cli([...QUERY, '--debug'], env).stderr)?.[1]).toBe('used, partial, rewritten');
    expect(PLAIN.exec(cli([...QUERY, '--debug'], env).stderr)?.[1]).toBe('used');
  });

  it.each([
    ['flipped bytes in the middle', (data: Buffer) => Buffer.concat([data.subarray(0, data.length >> 1), Buffer.alloc(600, 0xa5), data.subarray((data.length >> 1) + 600)])],
    ['cut short', (data: Buffer) => data.subarray(0, data.length - 1000)],
    ['not a code cache at all', () => Buffer.from('centenary-code-cache-1\nnonsense\n')],
  ])('a code cache %s is noticed, never used, and rewritten', (_, damage) => {
    const env = { CENTENARY_CACHE_DIR: join(scratch, `damaged-${_.length}`) };
    cli(QUERY, env);
    const file = codeCacheFile(env.CENTENARY_CACHE_DIR);
    const good = readFileSync(file);
    writeFileSync(file, damage(good));
    const after = cli([...QUERY, '--debug'], env);
    expect(after.code).toBe(0);
    expect(after.stdout).toBe(full.stdout);
    expect(PLAIN.exec(after.stderr)?.[1]).toBe('damaged, rewritten');
    expect(PLAIN.exec(cli([...QUERY, '--debug'], env).stderr)?.[1]).toBe('used');
  });

  it('code compiled by another V8 configuration is refused by V8 and rewritten', () => {
    const env = { CENTENARY_CACHE_DIR: join(scratch, 'flags') };
    cli(QUERY, env);
    // Other V8 flags make V8 refuse code compiled without them.
    const other = spawnSync(process.execPath, ['--max-lazy', BIN, ...QUERY, '--debug'], { encoding: 'utf8', cwd: ROOT, env: { PATH: process.env['PATH'] ?? '', TZ: 'UTC', ...env } });
    expect(other.status).toBe(0);
    expect(other.stdout).toBe(full.stdout);
    expect(PLAIN.exec(other.stderr)?.[1]).toMatch(/^refused by V8 .*, rewritten$/);
  });

  it("keeps another version's code for a week, so two installed versions sharing a cache do not take turns compiling", () => {
    const env = { CENTENARY_CACHE_DIR: join(scratch, 'two-versions') };
    cli(QUERY, env);
    const own = codeCacheFile(env.CENTENARY_CACHE_DIR);
    const dir = join(env.CENTENARY_CACHE_DIR, 'v1', 'code');
    const recent = join(dir, 'code-zz-0000000a.bin');
    const old = join(dir, 'code-zz-0000000b.bin');
    writeFileSync(recent, 'another version');
    writeFileSync(old, 'an old version');
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 3600 * 1000);
    utimesSync(old, eightDaysAgo, eightDaysAgo);
    rmSync(own);
    expect(PLAIN.exec(cli([...QUERY, '--debug'], env).stderr)?.[1]).toBe('written');
    expect(readdirSync(dir).sort()).toEqual([own.split('/').pop(), 'code-zz-0000000a.bin'].sort());
  });

  it('answers on the plain path when the dataset was touched but not changed (its hash is checked)', () => {
    const env = { CENTENARY_CACHE_DIR: join(scratch, 'touched') };
    const file = join(scratch, 'touched.json');
    writeFileSync(file, readFileSync(fixture('julian-os.json')));
    const args = ['--file', file, '--date', '2017-11-07', '--old-style', '--years', '100,200'];
    cli(args, env);
    cli(args, env);
    // A fresh clone or a copy gives the same bytes a new modification time.
    const later = new Date(Date.now() + 60_000);
    utimesSync(file, later, later);
    const touched = cli([...args, '--debug'], env);
    expect(touched.stderr).not.toMatch(/unexpected error/);
    expect(touched.stderr).toMatch(PLAIN);
    expect(touched.code).toBe(0);
    expect(touched.stdout).toBe(full.stdout);
  });

  it('gives each install its own code cache, so a stack trace names the install that ran', () => {
    // A second install of the same build, sharing the cache directory.
    const other = join(scratch, 'second-install');
    for (const part of ['dist', 'bin', 'package.json', 'events.json']) cpSync(join(ROOT, part), join(other, part), { recursive: true });
    const env = { CENTENARY_CACHE_DIR: join(scratch, 'two-installs') };
    const run = (bin: string) => spawnSync(process.execPath, [bin, ...QUERY, '--debug'], { encoding: 'utf8', cwd: ROOT, env: { PATH: process.env['PATH'] ?? '', TZ: 'UTC', ...env } });
    for (let i = 0; i < 3; i++) {
      run(BIN);
      run(join(other, 'bin', 'centenary.js'));
    }
    expect(readdirSync(join(env.CENTENARY_CACHE_DIR, 'v1', 'code')).filter((name) => name.startsWith('code-'))).toHaveLength(2);
    expect(PLAIN.exec(run(BIN).stderr)?.[1]).toBe('used');
    expect(PLAIN.exec(run(join(other, 'bin', 'centenary.js')).stderr)?.[1]).toBe('used');
  });

  it('a cache directory that cannot be written costs the cache, not the answer', () => {
    const blocked = join(scratch, 'a-file');
    writeFileSync(blocked, 'not a directory');
    const outcome = cli([...QUERY, '--debug'], { CENTENARY_CACHE_DIR: blocked });
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toBe(full.stdout);
  });

  it.each([['text'], ['json'], ['markdown']])('hands over without printing anything twice (--format %s, a dataset with warnings)', (format) => {
    const env = { CENTENARY_CACHE_DIR: join(scratch, `warnings-${format}`) };
    const args = ['--file', fixture('reform-warnings.json'), '--date', '2017-11-07', '--format', format, '--month'];
    const whole = cli([...args, '--no-cache']);
    expect(whole.stderr).toMatch(/warning/);
    for (let run = 0; run < 2; run++) {
      const outcome = cli(args, env);
      expect(outcome).toEqual(whole);
    }
  });

  it('answers with a config file too, and leaves a broken one to the whole program to explain', () => {
    const home = join(scratch, 'home');
    mkdirSync(join(home, '.config', 'centenary'), { recursive: true });
    const config = join(home, '.config', 'centenary', 'config.json');
    writeFileSync(config, JSON.stringify({ years: [100, 200], oldStyle: true, timeZone: 'Europe/Moscow' }));
    const env = { HOME: home, CENTENARY_CACHE_DIR: join(scratch, 'configured') };
    const args = ['--file', fixture('julian-os.json'), '--date', '2017-11-07'];
    const whole = cli([...args, '--no-cache'], env);
    expect(whole.stdout).toContain('November');
    cli(args, env);
    const plain = cli([...args, '--debug'], env);
    expect(plain.stderr).toMatch(PLAIN);
    expect(plain.stdout).toBe(whole.stdout);
    writeFileSync(config, '{ "years": [100,, 200] }');
    const broken = cli(args, env);
    expect(broken).toEqual(cli([...args, '--no-cache'], env));
    expect(broken.code).toBe(1);
    expect(broken.stderr.match(/config/g)?.length).toBeGreaterThan(0);
  });

  it('stops quietly, with no stack trace, when the reader of its output stops early', () => {
    // Far more than a pipe holds, to a reader that takes ten bytes and leaves.
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" --date 2026-11-27 --month --format json | head -c 10`], {
      encoding: 'utf8',
      cwd: ROOT,
      env: { PATH: process.env['PATH'] ?? '', TZ: 'UTC' },
    });
    expect(result.stdout).toBe('{\n  "versi');
    expect(result.stderr).toBe('');
  });
});
