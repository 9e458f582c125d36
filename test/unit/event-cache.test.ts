import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDataset } from '../../scripts/dataset-generator.js';
import type { CalendarDate } from '../../src/core/calendar.js';
import { DataError } from '../../src/core/errors.js';
import { buildEventIndex } from '../../src/core/match.js';
import { type QueryOptions, isEmptyResult, queryNeeds, runQuery } from '../../src/core/query.js';
import { loadDatasets } from '../../src/io/dataset-files.js';
import { checksum } from '../../src/core/checksum.js';
import { CACHE_FORMAT, indexSettings, loadForQuery } from '../../src/io/event-cache.js';
import { fixture } from '../helpers.js';

const work = mkdtempSync(join(tmpdir(), 'centenary-cache-'));
const dataset = join(work, 'generated.json');
let fullIndex: ReturnType<typeof buildEventIndex>;

beforeAll(async () => {
  await writeDataset(dataset, { count: 4000, seed: 7, firstYear: 1890, lastYear: 1930 });
  fullIndex = buildEventIndex((await loadDatasets([dataset])).events);
});

const optionsArb = fc.record({
  reference: fc
    .record({ year: fc.integer({ min: 1950, max: 2030 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) })
    .map((d): CalendarDate => ({ calendar: 'gregorian', ...d })),
  years: fc.uniqueArray(fc.integer({ min: 20, max: 140 }), { minLength: 1, maxLength: 3 }).map((a) => a.sort((x, y) => x - y)),
  behind: fc.integer({ min: 0, max: 5 }),
  ahead: fc.integer({ min: 0, max: 5 }),
  ongoing: fc.boolean(),
  month: fc.boolean(),
  anniversary: fc.constantFrom('elapsed' as const, 'nominal' as const),
});

/** Plain data for comparison: events compared by identity (file and index), not object identity. */
function comparable(options: QueryOptions, events: Parameters<typeof buildEventIndex>[0]) {
  return JSON.parse(JSON.stringify(runQuery(buildEventIndex(events), options)));
}

/** As the CLI does it: the window's buckets first, the days around it only when the window is empty. */
async function viaIndex(paths: string[], options: QueryOptions, cache: string) {
  const first = await loadForQuery(paths, queryNeeds(options), cache);
  const result = runQuery(buildEventIndex(first.events), options);
  if (!isEmptyResult(result) || options.month) return first;
  return first.widen(queryNeeds(options, true));
}

describe('the prepared index in the cache directory', () => {
  it('gives exactly the results of reading the dataset whole, for any query', async () => {
    const cache = join(work, 'cache-equivalence');
    await fc.assert(
      fc.asyncProperty(optionsArb, async (options) => {
        const viaCache = await viaIndex([dataset], options, cache);
        expect(comparable(options, viaCache.events)).toEqual(JSON.parse(JSON.stringify(runQuery(fullIndex, options))));
      }),
      { numRuns: 150 },
    );
  });

  it('widens a read to the days around it with the events a fresh read of those days gives', async () => {
    const cache = join(work, 'cache-widen');
    const origins = (events: { origin: { file: string; index: number } }[]) => events.map((e) => `${e.origin.file}#${e.origin.index}`).sort();
    await fc.assert(
      fc.asyncProperty(optionsArb, async (options) => {
        const first = await loadForQuery([dataset], queryNeeds(options), cache);
        const widened = await first.widen(queryNeeds(options, true));
        const fresh = await loadForQuery([dataset], queryNeeds(options, true), cache);
        // A fresh read is filtered by its own years; the widened one keeps what the first read had too.
        expect(origins(widened.events)).toEqual(expect.arrayContaining(origins(fresh.events)));
        expect(comparable({ ...options }, widened.events)).toEqual(comparable({ ...options }, fresh.events));
      }),
      { numRuns: 60 },
    );
  });

  it('widening what was read whole reads nothing again', async () => {
    const needs = queryNeeds({ reference: { calendar: 'gregorian', year: 2000, month: 5, day: 1 }, years: [100], behind: 0, ahead: 0, ongoing: false, month: false });
    const whole = await loadForQuery([dataset], needs, undefined);
    expect(await whole.widen(needs)).toBe(whole);
  });

  it('is built once, then used', async () => {
    const cache = join(work, 'cache-reuse');
    const needs = queryNeeds({ reference: { calendar: 'gregorian', year: 2000, month: 5, day: 1 }, years: [100], behind: 0, ahead: 0, ongoing: false, month: false });
    expect((await loadForQuery([dataset], needs, cache)).cache.source).toBe('rebuilt');
    const second = await loadForQuery([dataset], needs, cache);
    expect(second.cache.source).toBe('cache');
    expect(second.events.length).toBeLessThan(4000 / 10);
  });

  describe('is never trusted when stale or corrupt', () => {
    const options: QueryOptions = { reference: { calendar: 'gregorian', year: 2000, month: 7, day: 14 }, years: [100], behind: 1, ahead: 1, ongoing: true, month: false };
    const expected = () => JSON.parse(JSON.stringify(runQuery(fullIndex, options)));

    it('a corrupted bucket is detected and rebuilt', async () => {
      const cache = join(work, 'cache-corrupt');
      await loadForQuery([dataset], queryNeeds(options), cache);
      const dir = join(cache, `v${CACHE_FORMAT}`, readdirSync(join(cache, `v${CACHE_FORMAT}`))[0] ?? '');
      for (const name of readdirSync(dir).filter((n) => n.endsWith('.jsonl'))) {
        const file = join(dir, name);
        writeFileSync(file, readFileSync(file, 'utf8').replace(/"title":"./g, '"title":"X'));
      }
      expect((await loadForQuery([dataset], queryNeeds(options), cache)).cache.source).toBe('rebuilt');
      expect(comparable(options, (await viaIndex([dataset], options, cache)).events)).toEqual(expected());
    });

    it('a garbage manifest is detected and rebuilt', async () => {
      const cache = join(work, 'cache-manifest');
      await loadForQuery([dataset], queryNeeds(options), cache);
      const dir = join(cache, `v${CACHE_FORMAT}`, readdirSync(join(cache, `v${CACHE_FORMAT}`))[0] ?? '');
      writeFileSync(join(dir, 'manifest.json'), '{"format":1,"files":[');
      expect((await loadForQuery([dataset], queryNeeds(options), cache)).cache).toEqual({ source: 'rebuilt', reason: 'manifest unreadable' });
      expect(comparable(options, (await viaIndex([dataset], options, cache)).events)).toEqual(expected());
    });

    /** Builds an index in a fresh cache, damages it with `damage(dir, manifest)`, and expects a rebuild and the right events. */
    async function damaged(name: string, damage: (dir: string, manifest: { buckets: Record<string, string> }) => void, reason?: string) {
      const cache = join(work, name);
      await loadForQuery([dataset], queryNeeds(options), cache);
      const dir = join(cache, `v${CACHE_FORMAT}`, readdirSync(join(cache, `v${CACHE_FORMAT}`))[0] ?? '');
      damage(dir, JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { buckets: Record<string, string> });
      const again = await loadForQuery([dataset], queryNeeds(options), cache);
      expect(again.cache.source).toBe('rebuilt');
      if (reason) expect(again.cache.reason).toBe(reason);
      expect(comparable(options, (await viaIndex([dataset], options, cache)).events)).toEqual(expected());
      expect((await loadForQuery([dataset], queryNeeds(options), cache)).cache.source).toBe('cache');
    }
    const bucketFile = (dir: string, manifest: { buckets: Record<string, string> }) => join(dir, `${manifest.buckets['714'] ?? ''}.jsonl`);

    it('a truncated bucket is detected and rebuilt', () =>
      damaged(
        'cache-truncated',
        (dir, manifest) => {
          const file = bucketFile(dir, manifest);
          truncateSync(file, Math.floor(readFileSync(file).length / 2));
        },
        'index damaged',
      ));

    it('a manifest that names a bucket that is not there is rebuilt', () => damaged('cache-missing-bucket', (dir, manifest) => rmSync(bucketFile(dir, manifest))));

    it('an empty manifest, or one that names a file outside the cache, is rebuilt', async () => {
      await damaged('cache-empty-manifest', (dir) => writeFileSync(join(dir, 'manifest.json'), ''), 'manifest unreadable');
      await damaged(
        'cache-escaping-manifest',
        (dir, manifest) => writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, buckets: { ...manifest.buckets, 714: '../../../../etc/passwd' } })),
        'index damaged',
      );
    });

    it('a bucket whose checksum matches but whose lines are not events is rebuilt, not trusted', () =>
      damaged('cache-forged-bucket', (dir, manifest) => {
        const forged = Buffer.from('1900 1900\t{"not json\n');
        const name = checksum(forged);
        writeFileSync(join(dir, `${name}.jsonl`), forged);
        writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, buckets: { ...manifest.buckets, 714: name } }));
      }));

    it('a changed dataset is re-indexed; a touched but unchanged one is not', async () => {
      const file = join(work, 'changing.json');
      writeFileSync(file, readFileSync(fixture('julian-os.json')));
      const cache = join(work, 'cache-changing');
      const needs = queryNeeds({ reference: { calendar: 'gregorian', year: 2017, month: 11, day: 7 }, years: [100], behind: 0, ahead: 0, ongoing: false, month: false });
      await loadForQuery([file], needs, cache);
      utimesSync(file, new Date(2001, 1, 1), new Date(2001, 1, 1));
      expect((await loadForQuery([file], needs, cache)).cache.source).toBe('cache');
      const text = readFileSync(file, 'utf8').replace('"title":"Provisional Government deposed"', '"title":"Provisional Government overthrown"');
      writeFileSync(file, text);
      const changed = await loadForQuery([file], needs, cache);
      expect(changed.cache).toEqual({ source: 'rebuilt', reason: 'dataset changed' });
      expect(changed.events.map((e) => e.title)).toContain('Provisional Government overthrown');
      appendFileSync(file, '\n');
      expect((await loadForQuery([file], needs, cache)).cache.source).toBe('rebuilt');
    });
  });

  describe('with tables of lines, as large buckets have', () => {
    // Every bucket gets a table here; in use only buckets of more than 64 kB do.
    const usual = indexSettings.tableBytes;
    beforeAll(() => {
      indexSettings.tableBytes = 0;
    });
    afterAll(() => {
      indexSettings.tableBytes = usual;
    });
    const options: QueryOptions = { reference: { calendar: 'gregorian', year: 2000, month: 7, day: 14 }, years: [100], behind: 0, ahead: 0, ongoing: false, month: false };
    const expected = () => JSON.parse(JSON.stringify(runQuery(fullIndex, options)));

    it('gives exactly the results of reading the dataset whole, for any query', async () => {
      const cache = join(work, 'cache-tables');
      await fc.assert(
        fc.asyncProperty(optionsArb, async (query) => {
          const viaCache = await viaIndex([dataset], query, cache);
          expect(comparable(query, viaCache.events)).toEqual(JSON.parse(JSON.stringify(runQuery(fullIndex, query))));
        }),
        { numRuns: 60 },
      );
      const dir = join(cache, `v${CACHE_FORMAT}`, readdirSync(join(cache, `v${CACHE_FORMAT}`))[0] ?? '');
      expect(readdirSync(dir).filter((n) => n.endsWith('.idx')).length).toBeGreaterThan(300);
    });

    /** The 14 July bucket and its table, after a first query built them. */
    async function built(name: string) {
      const cache = join(work, name);
      await loadForQuery([dataset], queryNeeds(options), cache);
      const dir = join(cache, `v${CACHE_FORMAT}`, readdirSync(join(cache, `v${CACHE_FORMAT}`))[0] ?? '');
      const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { buckets: Record<string, string>; tables: Record<string, string> };
      return { cache, bucket: join(dir, `${manifest.buckets['714'] ?? ''}.jsonl`), table: join(dir, `${manifest.tables['714'] ?? ''}.idx`) };
    }
    async function expectRebuiltAndRight(cache: string) {
      expect((await loadForQuery([dataset], queryNeeds(options), cache)).cache.source).toBe('rebuilt');
      expect(comparable(options, (await viaIndex([dataset], options, cache)).events)).toEqual(expected());
    }

    it('a damaged line of a year asked for is noticed, and the index rebuilt', async () => {
      const { cache, bucket } = await built('cache-tables-line');
      const lines = readFileSync(bucket, 'utf8').split('\n');
      const i = lines.findIndex((l) => l.startsWith('1900 1900\t'));
      expect(i).toBeGreaterThanOrEqual(0);
      lines[i] = (lines[i] ?? '').replace(/"title":"./, '"title":"X');
      writeFileSync(bucket, lines.join('\n'));
      await expectRebuiltAndRight(cache);
    });

    it('a damaged line of a year not asked for is never read', async () => {
      const { cache, bucket } = await built('cache-tables-other-year');
      const lines = readFileSync(bucket, 'utf8').split('\n');
      const i = lines.findIndex((l) => /^19[12]\d 19[12]\d\t/.test(l));
      lines[i] = (lines[i] ?? '').replace(/"title":"./, '"title":"X');
      writeFileSync(bucket, lines.join('\n'));
      const again = await loadForQuery([dataset], queryNeeds(options), cache);
      expect(again.cache.source).toBe('cache');
      expect(comparable(options, again.events)).toEqual(expected());
    });

    it('a damaged or truncated table, or a truncated bucket, is noticed, and the index rebuilt', async () => {
      const damagedTable = await built('cache-tables-table');
      const table = readFileSync(damagedTable.table);
      table[8] = (table[8] ?? 0) ^ 0xff;
      writeFileSync(damagedTable.table, table);
      await expectRebuiltAndRight(damagedTable.cache);
      const shortTable = await built('cache-tables-short');
      truncateSync(shortTable.table, 6);
      await expectRebuiltAndRight(shortTable.cache);
      const shortBucket = await built('cache-tables-short-bucket');
      truncateSync(shortBucket.bucket, 100);
      await expectRebuiltAndRight(shortBucket.cache);
    });
  });

  it('a cache directory that is a file: the data is read whole, the query does not fail', async () => {
    const needs = queryNeeds({ reference: { calendar: 'gregorian', year: 2017, month: 11, day: 7 }, years: [100], behind: 0, ahead: 0, ongoing: false, month: false });
    const file = join(work, 'cache-is-a-file');
    writeFileSync(file, 'not a directory');
    const result = await loadForQuery([fixture('julian-os.json')], needs, file);
    expect(result.cache.source).toBe('no-cache');
    expect(result.events.length).toBe(5);
    expect(readFileSync(file, 'utf8')).toBe('not a directory');
  });

  it('falls back to reading the data whole when the cache cannot be written', async () => {
    const needs = queryNeeds({ reference: { calendar: 'gregorian', year: 2017, month: 11, day: 7 }, years: [100], behind: 0, ahead: 0, ongoing: false, month: false });
    const result = await loadForQuery([fixture('julian-os.json')], needs, join(fixture('julian-os.json'), 'not-a-dir'));
    expect(result.cache.source).toBe('no-cache');
    expect(result.events.length).toBe(5);
  });

  it('bad data is still reported in full, and no index is written for it', async () => {
    const cache = join(work, 'cache-bad');
    const needs = queryNeeds({ reference: { calendar: 'gregorian', year: 2026, month: 11, day: 26 }, years: [100], behind: 0, ahead: 0, ongoing: false, month: false });
    await expect(loadForQuery([fixture('invalid-bad-month.json')], needs, cache)).rejects.toThrow(DataError);
    const dirs = readdirSync(join(cache, `v${CACHE_FORMAT}`));
    for (const d of dirs) expect(readdirSync(join(cache, `v${CACHE_FORMAT}`, d))).toEqual([]);
  });
});
