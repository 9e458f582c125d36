import { type Stats, closeSync, createReadStream, openSync, promises, readFileSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { convertDate, fromJulianDay } from '../core/calendar.js';
import type { LocatedIssue } from '../core/dataset-issue.js';
import type { HistoricalEvent } from '../core/event.js';
import { julianDayRange, precisionOf, toCalendarDate } from '../core/partial-date.js';
import type { QueryNeeds } from '../core/query.js';
import type { LoadedDataset } from './dataset-files.js';
import { checksum, createChecksum, textChecksum } from '../core/checksum.js';

import { writeCacheFile } from './cache-root.js';

export { resolveCacheRoot } from './cache-root.js';

// Reading, validating and hashing whole datasets is only needed when the index is (re)built or
// cannot be used; loading that code lazily keeps it out of a query's start-up. For the same
// reason a query reads the index with synchronous calls: node:fs/promises (and the streams and
// readline modules it loads) is loaded, through fs.promises, only when the index is written.
const datasetFiles = () => import('./dataset-files.js');
const crypto = () => import('node:crypto');

/**
 * A prepared index of one set of dataset files, kept in the user's cache directory: the
 * validated events split into buckets by month and day, so that a query reads only the few
 * buckets its days need instead of parsing and validating the whole dataset.
 *
 *   <cache>/v2/<checksum of the dataset paths>/manifest.json   what was indexed, and every bucket's name
 *   <cache>/v2/<…>/<length>-<checksum>.jsonl                  one bucket, named by its content
 *   <cache>/v2/<…>/<length>-<checksum>.idx                    a large bucket's table of lines
 *
 * (v2: buckets are checksummed by 32-bit words, no longer by bytes; v1 directories are ignored.)
 *
 * It is trusted only while every dataset file has the size and modification time recorded
 * (or, if those changed, the same SHA-256 as recorded) and every bucket read matches its checksum.
 * Anything else — stale, missing, truncated, corrupt — is rebuilt, never used.
 */
export const CACHE_FORMAT = 2;

/** What a query needs from the index (see queryNeeds in the core). */
export type CacheNeeds = QueryNeeds;

interface FileStamp {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
  readonly sha256: string;
}

interface Manifest {
  readonly format: number;
  readonly files: readonly FileStamp[];
  readonly events: number;
  readonly warnings: readonly LocatedIssue[];
  /** Bucket name ("1126", "spans", "partial") → its file's name, made of its length and checksum. */
  readonly buckets: Readonly<Record<string, string>>;
  /** Bucket name → its table of lines, for buckets of more than TABLE_BYTES (see LineTable). */
  readonly tables?: Readonly<Record<string, string>>;
}

/**
 * The table of a large bucket, so that a query reads only the lines of the years it asks for
 * instead of reading, checking and splitting megabytes (a bucket of a 1,000,000-event dataset
 * holds 2.4 MB, of which a query for four years needs about 50 lines). Five unsigned 32-bit
 * numbers a line: first and last year, byte offset and length of the line (without its newline),
 * and textChecksum of the line. The table itself is named by its checksum like a bucket; every
 * line read is checked against its own sum, so damage anywhere a query looks is noticed.
 */
const TABLE_FIELDS = 5;

/** Buckets larger than this get a table; a smaller one is read whole, which is cheaper. Tests lower it. */
export const indexSettings = { tableBytes: 64 * 1024 };

export interface CacheReport {
  /** How the events were obtained, for --debug and the tests. */
  readonly source: 'cache' | 'rebuilt' | 'no-cache';
  readonly reason?: string;
}

/** The events a query asked for, and how to get those of a wider window. */
export interface QueryEvents extends LoadedDataset {
  readonly cache: CacheReport;
  /**
   * The events for `wider` needs as well (the days around a window that found nothing), reusing
   * what was read: the datasets read whole already hold them; from the index, only the buckets
   * not read yet are read, when the years asked for are the same.
   */
  readonly widen: (wider: CacheNeeds) => Promise<QueryEvents>;
}

/**
 * Events for a query. With a cache root, from the prepared index (built or rebuilt as needed);
 * without one, or when the cache cannot be written, by reading the datasets whole. The events
 * returned may be a subset, but always a superset of those that can match `needs`.
 */
export async function loadForQuery(paths: readonly string[], needs: CacheNeeds, cacheRoot: string | undefined): Promise<QueryEvents> {
  const whole = async (cache: CacheReport): Promise<QueryEvents> => {
    const loaded: QueryEvents = { ...(await (await datasetFiles()).loadDatasets(paths)), cache, widen: async () => loaded };
    return loaded;
  };
  if (cacheRoot === undefined) return whole({ source: 'no-cache' });
  // A pipe (`-f <(cmd)`) or a device can be read only once and has no size or time to check.
  if (!(await allRegularFiles(paths))) return whole({ source: 'no-cache', reason: 'not a regular file' });
  const dir = join(cacheRoot, `v${CACHE_FORMAT}`, checksum(Buffer.from(JSON.stringify(paths.map((p) => resolve(p))))));
  const fromIndex = (manifest: Manifest, read: BucketsRead, cache: CacheReport): QueryEvents => ({
    events: read.events,
    warnings: [...manifest.warnings],
    files: paths,
    cache,
    widen: async (wider) => {
      const more = sameYears(read.needs, wider) ? await readBuckets(dir, manifest, wider, read) : undefined;
      return more ? fromIndex(manifest, more, cache) : loadForQuery(paths, wider, cacheRoot);
    },
  });
  const fresh = await readManifest(dir, paths);
  if (fresh.manifest) {
    const read = await readBuckets(dir, fresh.manifest, needs);
    if (read) return fromIndex(fresh.manifest, read, { source: 'cache' });
  }
  let manifest: Manifest;
  try {
    manifest = await buildIndex(dir, paths);
  } catch (error) {
    if (isFileSystemError(error)) {
      return whole({ source: 'no-cache', reason: `cache not writable: ${(error as Error).message}` });
    }
    throw error;
  }
  const read = await readBuckets(dir, manifest, needs);
  if (!read) return whole({ source: 'no-cache', reason: 'cache unreadable after rebuild' });
  // A manifest that was read but not its buckets: one failed its checksum or was not ours.
  return fromIndex(manifest, read, { source: 'rebuilt', reason: fresh.reason ?? (fresh.manifest ? 'index damaged' : 'no index yet') });
}

/** Whether the buckets read for `first` hold every line `wider` can need of them: the same years, nothing more besides. */
function sameYears(first: CacheNeeds, wider: CacheNeeds): boolean {
  return [...wider.years].every((y) => first.years.has(y)) && (!wider.spans || first.spans) && (!wider.partial || first.partial);
}

/** What a query has read from the index: its events, and which buckets (for widening). */
interface BucketsRead {
  readonly needs: CacheNeeds;
  readonly names: ReadonlySet<string>;
  readonly events: HistoricalEvent[];
  /** Each event read, by its place in its file: an event is in every bucket of its days. */
  readonly seen: ReadonlySet<string>;
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

async function allRegularFiles(paths: readonly string[]): Promise<boolean> {
  for (const path of paths) {
    const info = statOrUndefined(path);
    // A missing file is reported by the loader, as with the index.
    if (info && !info.isFile()) return false;
  }
  return true;
}

function isFileSystemError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}

async function readManifest(dir: string, paths: readonly string[]): Promise<{ manifest?: Manifest; reason?: string }> {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  } catch (error) {
    return { reason: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no index yet' : 'manifest unreadable' };
  }
  if (!isManifest(manifest) || manifest.files.length !== paths.length) return { reason: 'manifest malformed' };
  let restamped = false;
  const files: FileStamp[] = [];
  for (const [i, stamp] of manifest.files.entries()) {
    const path = paths[i];
    if (path === undefined || stamp.path !== resolve(path)) return { reason: 'different files' };
    let info;
    try {
      info = statSync(path);
    } catch {
      return { reason: 'dataset unreadable' };
    }
    if (info.size === stamp.size && info.mtimeMs === stamp.mtimeMs) {
      files.push(stamp);
      continue;
    }
    // Touched but perhaps not changed: the content hash decides.
    if (info.size !== stamp.size || (await hashFile(path)) !== stamp.sha256) return { reason: 'dataset changed' };
    files.push({ ...stamp, mtimeMs: info.mtimeMs });
    restamped = true;
  }
  if (restamped) {
    const updated = { ...manifest, files };
    // Restamping only saves the next run a hash; the manifest read stays valid if it fails.
    await writeCacheFile(join(dir, 'manifest.json'), JSON.stringify(updated)).catch(() => undefined);
    return { manifest: updated };
  }
  return { manifest };
}

function isManifest(value: unknown): value is Manifest {
  const m = value as Partial<Manifest> | null;
  return (
    typeof m === 'object' && m !== null && m.format === CACHE_FORMAT && Array.isArray(m.files) && Array.isArray(m.warnings) &&
    typeof m.buckets === 'object' && m.buckets !== null && typeof m.events === 'number' &&
    (m.tables === undefined || (typeof m.tables === 'object' && m.tables !== null))
  );
}

/**
 * Bucket files are named by their checksum; any other name (a path, say) is not ours, and is
 * never opened. Checked as each bucket is read: a query reads a few of some 370.
 */
function isFileName(name: unknown): name is string {
  return typeof name === 'string' && /^[0-9a-z]+-[0-9a-f]{8}$/.test(name);
}

/** The events of the needed buckets, or undefined when any bucket fails its checksum. */
async function readBuckets(dir: string, manifest: Manifest, needs: CacheNeeds, before?: BucketsRead): Promise<BucketsRead | undefined> {
  const names = [...needs.keys].map(String);
  if (needs.partial) names.push('partial');
  const read = new Set(before?.names);
  const wanted = [...needs.years];
  const reaches = (line: string, tab: number) => {
    const space = line.indexOf(' ');
    const from = Number(line.slice(0, space));
    const to = Number(line.slice(space + 1, tab));
    return wanted.some((y) => y >= from && y <= to);
  };
  const seen = new Set(before?.seen);
  const events: HistoricalEvent[] = [...(before?.events ?? [])];
  /** One line of a bucket: the event after its year prefix, once; false when it is not one. */
  const accept = (line: string, tab: number): boolean => {
    let event: HistoricalEvent;
    try {
      event = JSON.parse(line.slice(tab + 1)) as HistoricalEvent;
    } catch {
      return false;
    }
    if (typeof event !== 'object' || event === null || typeof event.origin !== 'object' || event.origin === null) return false;
    const key = `${event.origin.file}\u0000${event.origin.index}`;
    if (!seen.has(key)) {
      seen.add(key);
      events.push(event);
    }
    return true;
  };
  /** A large bucket through its table: only the lines whose years are wanted are read. */
  const takeListed = (file: string, table: string): boolean => {
    let raw: Buffer;
    try {
      raw = readFileSync(join(dir, `${table}.idx`));
    } catch {
      return false;
    }
    if (checksum(raw) !== table || raw.length % (4 * TABLE_FIELDS) !== 0) return false;
    const aligned = raw.byteOffset % 4 === 0 ? raw : Buffer.from(raw);
    const rows = new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.length / 4);
    let fd: number;
    try {
      fd = openSync(join(dir, `${file}.jsonl`), 'r');
    } catch {
      return false;
    }
    try {
      for (let i = 0; i < rows.length; i += TABLE_FIELDS) {
        const from = rows[i] ?? 0;
        const to = rows[i + 1] ?? 0;
        if (!wanted.some((y) => y >= from && y <= to)) continue;
        const length = rows[i + 3] ?? 0;
        const bytes = Buffer.allocUnsafe(length);
        if (readSync(fd, bytes, 0, length, rows[i + 2] ?? 0) !== length) return false;
        const line = bytes.toString('utf8');
        if (textChecksum(line) !== rows[i + 4]) return false;
        const tab = line.indexOf('\t');
        if (tab < 0 || !accept(line, tab)) return false;
      }
    } catch {
      return false;
    } finally {
      closeSync(fd);
    }
    return true;
  };
  const take = async (name: string, filter: boolean): Promise<boolean> => {
    const file: unknown = manifest.buckets[name];
    if (file === undefined) return true;
    const table: unknown = filter ? manifest.tables?.[name] : undefined;
    if (!isFileName(file) || (table !== undefined && !isFileName(table))) return false;
    if (table !== undefined) return takeListed(file, table);
    let data: Buffer;
    try {
      data = readFileSync(join(dir, `${file}.jsonl`));
    } catch {
      return false;
    }
    if (checksum(data) !== file) return false;
    for (const line of data.toString('utf8').split('\n')) {
      const tab = line.indexOf('\t');
      if (tab < 0 || (filter && !reaches(line, tab))) continue;
      if (!accept(line, tab)) return false;
    }
    return true;
  };
  for (const name of names) {
    if (read.has(name)) continue;
    if (!(await take(name, true))) return undefined;
    read.add(name);
  }
  // A multi-day event can span many years, so --ongoing reads its bucket whole.
  if (needs.spans && !read.has('spans')) {
    if (!(await take('spans', false))) return undefined;
    read.add('spans');
  }
  return { needs, names: read, events, seen };
}

/** The years an event reaches, Gregorian and as recorded: the prefix of its line in a bucket. */
function yearRange(event: HistoricalEvent): [number, number] {
  const [first] = julianDayRange(event.date, event.calendar);
  const [, last] = julianDayRange(event.end ?? event.date, event.end ? (event.endCalendar ?? event.calendar) : event.calendar);
  const years = [fromJulianDay(first, 'gregorian').year, fromJulianDay(last, 'gregorian').year, event.date.year, (event.end ?? event.date).year];
  return [Math.min(...years), Math.max(...years)];
}

/** Month-and-day keys under which an event can be asked for: its Gregorian days and, for Old Style records, its recorded days. */
export function bucketKeys(event: HistoricalEvent): string[] {
  if (precisionOf(event.date) !== 'day') return ['partial'];
  const keys = new Set<string>();
  const add = (d: { month: number; day: number }) => keys.add(String(d.month * 100 + d.day));
  const parts = [
    { part: event.date, calendar: event.calendar },
    { part: event.end, calendar: event.endCalendar ?? event.calendar },
  ];
  for (const { part, calendar } of parts) {
    const date = part ? toCalendarDate(part, calendar) : undefined;
    if (!date) continue;
    add(convertDate(date, 'gregorian'));
    if (calendar !== 'gregorian') add(date);
  }
  const out = [...keys];
  if (event.end) out.push('spans');
  return out;
}

/**
 * How much of a bucket is held before it is written. Every bucket of the ~370 may hold this much at
 * once, so it bounds the build's memory: at 64 kB, indexing 100,000 events peaked at 280 MB, at
 * 16 kB at 219 MB (a million: 572 → 549 MB), in the same time.
 */
const FLUSH_BYTES = 16 * 1024;

/** Validates the datasets (streaming where it can) and writes the buckets and then the manifest. */
async function buildIndex(dir: string, paths: readonly string[]): Promise<Manifest> {
  await promises.mkdir(dir, { recursive: true });
  const { scanDatasets, assertNoErrors } = await datasetFiles();
  const tag = `${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
  const buffers = new Map<string, string[]>();
  const sizes = new Map<string, number>();
  // Per bucket: its length in bytes so far, and its table rows (see TABLE_FIELDS).
  const written = new Map<string, number>();
  const rows = new Map<string, number[]>();
  const fds = new Map<string, number>();
  // Each bucket's checksum, summed as it is written: the bucket is named by it.
  const sums = new Map<string, ReturnType<typeof createChecksum>>();
  const tmp = (name: string) => join(dir, `.tmp-${tag}-${name}`);
  const flush = (name: string) => {
    const chunk = (buffers.get(name) ?? []).join('');
    if (chunk === '') return;
    let fd = fds.get(name);
    let sum = sums.get(name);
    if (fd === undefined || sum === undefined) {
      fd = openSync(tmp(name), 'w');
      fds.set(name, fd);
      sums.set(name, (sum = createChecksum()));
    }
    const bytes = Buffer.from(chunk);
    writeSync(fd, bytes);
    sum.update(bytes);
    buffers.set(name, []);
    sizes.set(name, 0);
  };
  let count = 0;
  try {
    const stamps = paths.map((p) => ({ path: resolve(p), info: statOrUndefined(p) }));
    const issues = await scanDatasets(paths, (event) => {
      count++;
      const [from, to] = yearRange(event);
      const text = `${from} ${to}\t${JSON.stringify(event)}`;
      const line = `${text}\n`;
      const bytes = Buffer.byteLength(line);
      const sum = textChecksum(text);
      for (const name of bucketKeys(event)) {
        const offset = written.get(name) ?? 0;
        written.set(name, offset + bytes);
        const table = rows.get(name);
        if (table) table.push(from, to, offset, bytes - 1, sum);
        else rows.set(name, [from, to, offset, bytes - 1, sum]);
        const list = buffers.get(name);
        if (list) list.push(line);
        else buffers.set(name, [line]);
        const size = (sizes.get(name) ?? 0) + line.length;
        sizes.set(name, size);
        if (size >= FLUSH_BYTES) flush(name);
      }
    });
    assertNoErrors(issues);
    for (const name of [...buffers.keys()]) flush(name);
    for (const fd of fds.values()) closeSync(fd);
    fds.clear();
    const buckets: Record<string, string> = {};
    const tables: Record<string, string> = {};
    for (const [name, sum] of sums) {
      const file = sum.digest();
      renameSync(tmp(name), join(dir, `${file}.jsonl`));
      buckets[name] = file;
      const table = rows.get(name);
      if (table && name !== 'spans' && name !== 'partial' && (written.get(name) ?? 0) > indexSettings.tableBytes) {
        const data = Buffer.from(Uint32Array.from(table).buffer);
        const tableFile = checksum(data);
        await writeCacheFile(join(dir, `${tableFile}.idx`), data);
        tables[name] = tableFile;
      }
    }
    const files: FileStamp[] = [];
    for (const { path, info } of stamps) {
      files.push({ path, size: info?.size ?? -1, mtimeMs: info?.mtimeMs ?? -1, sha256: await hashFile(path) });
    }
    const manifest: Manifest = { format: CACHE_FORMAT, files, events: count, warnings: issues, buckets, tables };
    await writeCacheFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
    await removeUnreferenced(dir, manifest);
    return manifest;
  } finally {
    for (const fd of fds.values()) closeSync(fd);
    for (const name of buffers.keys()) rmSync(tmp(name), { force: true });
  }
}

/** Buckets of earlier builds; a reader still holding an older manifest fails its hash check and rebuilds. */
async function removeUnreferenced(dir: string, manifest: Manifest): Promise<void> {
  const keep = new Set([...Object.values(manifest.buckets).map((h) => `${h}.jsonl`), ...Object.values(manifest.tables ?? {}).map((h) => `${h}.idx`)]);
  for (const name of await promises.readdir(dir)) {
    if ((name.endsWith('.jsonl') || name.endsWith('.idx')) && !keep.has(name)) await promises.rm(join(dir, name), { force: true });
  }
}

async function hashFile(path: string): Promise<string> {
  const hash = (await crypto()).createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
