import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, ROOT, cli, fixture, runInProcess, type Outcome } from '../helpers.js';

const DAY = fixture('digest-day.json');
const OS = fixture('julian-os.json');
// The clock of in-process runs: 26 November 2026. Spawned runs assert nothing that depends on the real date.
const NOW = Date.UTC(2026, 10, 26, 6, 0, 0);
const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' });

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'centenary-digest-'));
});
afterEach(() => {
  chmodSync(dir, 0o755);
});

function feedEntries(file: string): { id: string; title: { '#text': string }; updated: string }[] {
  const xml = readFileSync(file, 'utf8');
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml).feed.entry ?? [];
}

/** Spawns the built CLI without waiting, so that several runs overlap. */
function start(args: readonly string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', TZ: 'UTC' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ stdout, stderr, code: code ?? -1 }));
  });
}

describe('centenary digest', () => {
  it("prints today's edition; exit 0", async () => {
    const { stdout, stderr, code } = await runInProcess(['digest', '--file', DAY], { env: { TZ: 'UTC' }, now: NOW });
    expect([stderr, code]).toEqual(['', 0]);
    expect(stdout).toMatch(/^100 years ago today: Friday, 26 November 1926\n/);
    expect(stdout).toContain('John Moses Browning dies');
  });

  it('an empty day: exit 0, and --quiet prints nothing at all', () => {
    expect(cli(['digest', '--file', DAY, '--date', '2026-06-15', '--quiet'])).toEqual({ stdout: '', stderr: '', code: 0 });
    const loud = cli(['digest', '--file', DAY, '--date', '2026-06-15']);
    expect(loud.code).toBe(0);
    expect(loud.stdout).toMatch(/^Nothing in the dataset/);
  });

  it('--week and --this-month add the days ahead and the month', async () => {
    const { stdout } = await runInProcess(['digest', '--file', DAY, '--week', '--this-month'], { env: { TZ: 'UTC' }, now: NOW });
    expect(stdout).toContain('100 years ago tomorrow: Saturday, 27 November 1926');
    expect(stdout).toContain('Agatha Christie disappears');
    expect(stdout).toContain('November 1926, 100 years ago this month');
    expect(stdout).toContain('An event known only to the month');
  });

  it('a job at 00:05 in Europe/Moscow gets Moscow’s day', async () => {
    // 21:05 UTC on 6 November 2017 is 00:05 on 7 November in Moscow.
    const now = Date.UTC(2017, 10, 6, 21, 5);
    const moscow = await runInProcess(['digest', '--file', OS], { env: { TZ: 'Europe/Moscow' }, now });
    expect(moscow.stdout).toMatch(/^100 years ago today: Wednesday, 7 November 1917/);
    const utc = await runInProcess(['digest', '--file', OS, '--tz', 'UTC'], { env: { TZ: 'Europe/Moscow' }, now });
    expect(utc.stdout).toMatch(/^100 years ago today: Tuesday, 6 November 1917/);
  });

  it('a bad dataset: exit 1, the reason on stderr, nothing on stdout', () => {
    const { stdout, stderr, code } = cli(['digest', '--file', fixture('invalid-syntax.json'), '--date', '2026-11-26']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^centenary: .* — /m);
  });

  it('never colours, spins or prompts without a terminal', () => {
    const { stdout } = cli(['digest', '--file', DAY, '--date', '2026-11-26'], { FORCE_COLOR: '0' });
    expect(stdout).not.toContain('\u001b');
  });
});

describe('digest --output FILE', () => {
  it('writes the edition to the file, not to stdout', () => {
    const out = join(dir, 'index.html');
    const { stdout, code } = cli(['digest', '--file', DAY, '--date', '2026-11-26', '--format', 'html', '--output', out]);
    expect([stdout, code]).toEqual(['', 0]);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!DOCTYPE html>[\s\S]*John Moses Browning dies[\s\S]*<\/html>\n$/);
    expect(readdirSync(dir)).toEqual(['index.html']);
  });

  it('a failed run leaves the old file in place', () => {
    const out = join(dir, 'index.html');
    writeFileSync(out, 'yesterday');
    const bad = cli(['digest', '--file', fixture('invalid-syntax.json'), '--date', '2026-11-26', '--output', out]);
    expect(bad.code).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe('yesterday');
  });

  it('an unwritable directory: exit 1, a reason, the old file untouched and no temporary file left', () => {
    if (process.getuid?.() === 0) {
      // root writes anywhere; a missing directory fails the same way.
      const { stderr, code } = cli(['digest', '--file', DAY, '--date', '2026-11-26', '--output', join(dir, 'missing', 'index.html')]);
      expect(code).toBe(1);
      expect(stderr).toMatch(/^centenary: cannot write .*index\.html: its directory does not exist — /);
      return;
    }
    const out = join(dir, 'index.html');
    writeFileSync(out, 'yesterday');
    chmodSync(dir, 0o555);
    const { stderr, code } = cli(['digest', '--file', DAY, '--date', '2026-11-26', '--output', out]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^centenary: cannot write/);
    expect(readFileSync(out, 'utf8')).toBe('yesterday');
    expect(readdirSync(dir)).toEqual(['index.html']);
  });
});

describe('digest --feed FILE', () => {
  it("creates the feed with today's entry; a second run the same day adds nothing", () => {
    const feed = join(dir, 'feed.xml');
    expect(cli(['digest', '--file', DAY, '--date', '2026-11-26', '--feed', feed]).code).toBe(0);
    const first = readFileSync(feed, 'utf8');
    expect(feedEntries(feed)).toHaveLength(1);
    expect(cli(['digest', '--file', DAY, '--date', '2026-11-26', '--feed', feed]).code).toBe(0);
    expect(readFileSync(feed, 'utf8')).toBe(first);
    expect(existsSync(`${feed}.lock`)).toBe(false);
  });

  it('adds a new day on top and keeps the existing entries byte for byte', () => {
    const feed = join(dir, 'feed.xml');
    cli(['digest', '--file', DAY, '--date', '2026-11-26', '--feed', feed]);
    const before = readFileSync(feed, 'utf8');
    const oldEntry = /<entry>[\s\S]*<\/entry>/.exec(before)?.[0];
    cli(['digest', '--file', DAY, '--date', '2026-11-27', '--feed', feed]);
    const entries = feedEntries(feed);
    expect(entries.map((e) => e.title['#text'])).toEqual(['100 Years Ago: Italy and Albania sign the First Treaty of Tirana', '100 Years Ago: A feast kept by the Old Style church calendar']);
    expect(readFileSync(feed, 'utf8')).toContain(oldEntry);
  });

  it('an empty day adds no entry', () => {
    const feed = join(dir, 'feed.xml');
    cli(['digest', '--file', DAY, '--date', '2026-11-26', '--feed', feed]);
    cli(['digest', '--file', DAY, '--date', '2026-06-15', '--feed', feed]);
    expect(feedEntries(feed)).toHaveLength(1);
  });

  it('keeps only the newest --feed-size entries', () => {
    const feed = join(dir, 'feed.xml');
    for (const date of ['2026-11-26', '2026-11-27', '2026-12-03']) cli(['digest', '--file', DAY, '--date', date, '--feed', feed, '--feed-size', '2']);
    expect(feedEntries(feed).map((e) => e.title['#text'])).toEqual(['100 Years Ago: Agatha Christie disappears', '100 Years Ago: Italy and Albania sign the First Treaty of Tirana']);
  });

  it('refuses to add to a file that is not a feed it wrote, and leaves it alone', () => {
    const feed = join(dir, 'feed.xml');
    writeFileSync(feed, '<html><body>not a feed</body></html>');
    const { stderr, code } = cli(['digest', '--file', DAY, '--date', '2026-11-26', '--feed', feed]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^centenary: .*feed\.xml is not an Atom feed centenary can add to: no Atom <feed> element — /);
    expect(readFileSync(feed, 'utf8')).toBe('<html><body>not a feed</body></html>');
  });

  it('a lock left behind by a crashed run is taken over once stale', () => {
    const feed = join(dir, 'feed.xml');
    mkdirSync(`${feed}.lock`);
    const longAgo = new Date(Date.now() - 10 * 60_000);
    utimesSync(`${feed}.lock`, longAgo, longAgo);
    const { stderr, code } = cli(['digest', '--file', DAY, '--date', '2026-11-26', '--feed', feed]);
    expect([stderr, code]).toEqual(['', 0]);
    expect(feedEntries(feed)).toHaveLength(1);
  });

  it('--feed-size 0 is a usage error', () => {
    const { stderr, code } = cli(['digest', '--feed', join(dir, 'f.xml'), '--feed-size', '0']);
    expect(code).toBe(2);
    expect(stderr).toContain('expected a number of entries from 1 to 10000');
  });

  it('two runs at the same moment, same day: one entry, a valid feed', async () => {
    const feed = join(dir, 'feed.xml');
    const runs = await Promise.all([1, 2, 3, 4].map(() => start(['digest', '--file', DAY, '--date', '2026-11-26', '--feed', feed])));
    for (const run of runs) expect([run.stderr, run.code]).toEqual(['', 0]);
    expect(feedEntries(feed)).toHaveLength(1);
    expect(existsSync(`${feed}.lock`)).toBe(false);
  });

  it('overlapping updates for different days lose no entry (in one process, where they interleave for sure)', async () => {
    const feed = join(dir, 'feed.xml');
    const days = ['2026-11-26', '2026-11-27', '2026-12-03', '2026-11-26', '2026-11-27', '2026-12-03'];
    const runs = await Promise.all(days.map((date) => runInProcess(['digest', '--file', DAY, '--date', date, '--feed', feed], { env: { TZ: 'UTC' }, now: NOW })));
    for (const run of runs) expect([run.stderr, run.code]).toEqual(['', 0]);
    expect(feedEntries(feed)).toHaveLength(3);
  });

  it('runs at the same moment for different days lose no entry', async () => {
    const feed = join(dir, 'feed.xml');
    const days = ['2026-11-26', '2026-11-27', '2026-12-03', '2026-11-26', '2026-11-27', '2026-12-03'];
    const runs = await Promise.all(days.map((date) => start(['digest', '--file', DAY, '--date', date, '--feed', feed])));
    for (const run of runs) expect([run.stderr, run.code]).toEqual(['', 0]);
    expect(feedEntries(feed)).toHaveLength(3);
  });
});
