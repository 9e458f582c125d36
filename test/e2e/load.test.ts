import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, cli, runInProcess } from '../helpers.js';

/**
 * Concurrency and load: twenty processes at once adding to one dataset and twenty appending to
 * one feed (different days) — every event and entry lands exactly once and both files stay
 * valid; and a year of daily digests in a row, after each of which the feed holds exactly the
 * newest --feed-size entries.
 */

const WRITERS = 20;
const FEED_SIZE = 7;
const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' });
const dir = mkdtempSync(join(tmpdir(), 'centenary-load-'));

/** ISO days of a year, 1 January first. */
function daysOf(year: number): string[] {
  const out: string[] = [];
  for (let t = Date.UTC(year, 0, 1); new Date(t).getUTCFullYear() === year; t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** One event on every day of 1926, so that every day of 2026 has an edition. */
const DATASET = join(dir, 'every-day-1926.json');
writeFileSync(
  DATASET,
  `{\n  "events": [\n${daysOf(1926)
    .map((day) => `    {"id":"d-${day}","date":"${day}","title":"Event of ${day}","place":"Somewhere","sources":[{"title":"Test","url":"https://example.org/${day}"}]}`)
    .join(',\n')}\n  ]\n}\n`,
);

/** The feed's entry titles, newest first; fails unless the file is well-formed XML. */
function feedTitles(file: string): string[] {
  const xml = readFileSync(file, 'utf8');
  expect(XMLValidator.validate(xml)).toBe(true);
  const entries = (parser.parse(xml) as { feed: { entry?: { id: string; title: { '#text': string } }[] } }).feed.entry ?? [];
  expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
  return entries.map((e) => e.title['#text']);
}

const titleOf = (day: string) => `100 Years Ago: Event of ${String(Number(day.slice(0, 4)) - 100)}${day.slice(4)}`;

function start(args: readonly string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child: ChildProcess = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', TZ: 'UTC' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('concurrency and load', () => {
  it(`${WRITERS} processes adding to one dataset and ${WRITERS} appending to one feed, all at once: each lands exactly once`, async () => {
    const dataset = join(dir, 'shared.json');
    writeFileSync(dataset, readFileSync(DATASET));
    const feed = join(dir, 'shared-feed.xml');
    const days = daysOf(2026).slice(100, 100 + WRITERS);
    const runs = await Promise.all([
      ...days.map((_, n) => start(['add', '-f', dataset, '--id', `writer-${n}`, '--date', `1917-03-${String(n + 1).padStart(2, '0')}`, '--title', `Writer ${n}`])),
      ...days.map((day) => start(['digest', '-f', DATASET, '--date', day, '--feed', feed])),
    ]);
    expect(runs.filter((r) => r.code !== 0 || r.stderr !== '')).toEqual([]);

    const ids = (JSON.parse(readFileSync(dataset, 'utf8')) as { events: { id: string }[] }).events.map((e) => e.id);
    const added = ids.filter((id) => id.startsWith('writer-'));
    expect(added.sort()).toEqual(days.map((_, n) => `writer-${n}`).sort());
    expect(ids.length).toBe(365 + WRITERS);
    expect(cli(['validate', dataset]).code).toBe(0);

    expect(feedTitles(feed).sort()).toEqual(days.map(titleOf).sort());
    expect(existsSync(`${dataset}.lock`) || existsSync(`${feed}.lock`)).toBe(false);
  }, 60_000);

  it(`a year of daily digests (365 runs in a row): every run succeeds, the feed holds exactly the newest ${FEED_SIZE}`, async () => {
    const feed = join(dir, 'year-feed.xml');
    const page = join(dir, 'index.html');
    const days = daysOf(2026);
    // In-process for speed (the clock fixed), the last days of the year by the built CLI.
    const spawned = 5;
    for (const [i, day] of days.entries()) {
      const args = ['digest', '-f', DATASET, '--date', day, '--format', 'html', '--output', page, '--feed', feed, '--feed-size', String(FEED_SIZE)];
      const run = i < days.length - spawned ? await runInProcess(args) : cli(args);
      expect([run.code, run.stderr, run.stdout], day).toEqual([0, '', '']);
      expect(feedTitles(feed), day).toEqual(days.slice(Math.max(0, i + 1 - FEED_SIZE), i + 1).reverse().map(titleOf));
      expect(readFileSync(page, 'utf8')).toContain(`Event of 1926${day.slice(4)}`);
    }
  }, 60_000);
});
