// npm run bench: times the built CLI end to end next to `node -e 0` (the floor) and, where it
// is installed, BSD calendar(1) on the same data. Datasets are generated, seeded, in a
// temporary directory and never committed. Prints medians, ratios and peak memory, and writes
// them to bench/results.json for comparison between versions.
//
//   npm run bench                 1,000 / 100,000 / 1,000,000 events
//   npm run bench -- --quick      1,000 and 100,000 only
import { execFileSync, spawnSync } from 'node:child_process';
import { cpus, totalmem, tmpdir } from 'node:os';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { generateEvents, writeDataset } from './dataset-generator.js';
import { PACKAGE_ROOT } from '../src/io/package-files.js';

const quick = process.argv.includes('--quick');
const BIN = join(PACKAGE_ROOT, 'bin', 'centenary.js');
const work = mkdtempSync(join(tmpdir(), 'centenary-bench-'));
const cacheDir = join(work, 'cache');
const env = { PATH: process.env['PATH'] ?? '/usr/bin:/bin', TZ: 'UTC', HOME: work, CENTENARY_CACHE_DIR: cacheDir };
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const CALENDAR = ['/usr/bin/calendar', '/usr/local/bin/calendar'].find((p) => existsSync(p));

interface Sample {
  readonly seconds: number;
  readonly maxRssKiB?: number;
}

/** Runs a command once; wall time from the parent, peak memory from GNU time when available. */
function runOnce(command: string, args: readonly string[]): Sample {
  const argv = TIME ? [TIME, '-f', '%M', command, ...args] : [command, ...args];
  const start = process.hrtime.bigint();
  const result = spawnSync(argv[0] ?? command, argv.slice(1), { env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr.slice(-2000)}`);
  const rss = TIME ? Number(result.stderr.trim().split('\n').pop()) : undefined;
  return { seconds, ...(rss !== undefined && Number.isFinite(rss) ? { maxRssKiB: rss } : {}) };
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/**
 * Interleaves the floor and the command so both see the same machine load. The ratio is the
 * median of each run's ratio to the floor run just before it: this machine's speed drifts over
 * minutes, which moves the two medians apart by chance, but not a pair of runs 50 ms apart.
 */
function compare(runs: number, command: string, args: readonly string[]) {
  const floor: number[] = [];
  const ours: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    floor.push(runOnce(process.execPath, ['-e', '0']).seconds);
    ours.push(runOnce(command, args));
  }
  const floorMedian = median(floor);
  const oursMedian = median(ours.map((s) => s.seconds));
  const ratio = median(ours.map((s, i) => s.seconds / (floor[i] ?? s.seconds)));
  const rss = ours.map((s) => s.maxRssKiB ?? 0);
  return { runs, floorSeconds: floorMedian, seconds: oursMedian, ratio, ratioOfMedians: oursMedian / floorMedian, peakRssMiB: Math.max(...rss) / 1024 };
}

async function writeBsdCalendar(file: string, count: number, seed: number): Promise<void> {
  const out = createWriteStream(file);
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  for (const e of generateEvents({ count, seed })) {
    const [y, m, d] = String(e['date']).split('-');
    if (d === undefined) continue;
    const line = `${months[Number(m) - 1]} ${d}\t${y} ${String(e['title'])}\n`;
    if (!out.write(line)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
}

const sizes = quick ? [1_000, 100_000] : [1_000, 100_000, 1_000_000];
const results: Record<string, unknown>[] = [];
const print = (label: string, r: { seconds: number; floorSeconds?: number; ratio?: number; peakRssMiB?: number }) =>
  console.log(
    `${label.padEnd(44)} ${(r.seconds * 1000).toFixed(0).padStart(6)} ms` +
      (r.ratio !== undefined ? `  ${r.ratio.toFixed(2)}× node -e 0 (${((r.floorSeconds ?? 0) * 1000).toFixed(0)} ms)` : '') +
      (r.peakRssMiB ? `  peak ${r.peakRssMiB.toFixed(0)} MiB` : ''),
  );

console.log(`centenary benchmark — ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);
console.log(`BSD calendar: ${CALENDAR ?? 'not installed (apt-get install calendar)'}\n`);

try {
  // The default query on the bundled dataset (first run builds the index; then it is warm).
  runOnce(process.execPath, [BIN]);
  const bundled = compare(41, process.execPath, [BIN]);
  print('default query, bundled events.json', bundled);
  results.push({ name: 'default query, bundled dataset', ...bundled });

  for (const count of sizes) {
    const file = join(work, `events-${count}.json`);
    await writeDataset(file, { count, seed: count, firstYear: 1700, lastYear: 2000 });
    const bytes = statSync(file).size;
    const args = [BIN, '--file', file, '--date', '2026-11-26', '--years', '100,150,200,250'];
    const build = runOnce(process.execPath, args);
    const buildResult = { seconds: build.seconds, peakRssMiB: (build.maxRssKiB ?? 0) / 1024, fileMiB: bytes / 2 ** 20, memoryToFile: ((build.maxRssKiB ?? 0) * 1024) / bytes };
    print(`${count.toLocaleString('en')} events: first run (validate + index)`, buildResult);
    const query = compare(31, process.execPath, args);
    print(`${count.toLocaleString('en')} events: query from the index`, query);
    const noCache = runOnce(process.execPath, [...args, '--no-cache']);
    print(`${count.toLocaleString('en')} events: query reading the file whole`, { seconds: noCache.seconds, peakRssMiB: (noCache.maxRssKiB ?? 0) / 1024 });
    const entry: Record<string, unknown> = { events: count, fileMiB: bytes / 2 ** 20, build: buildResult, query, noCache: { seconds: noCache.seconds, peakRssMiB: (noCache.maxRssKiB ?? 0) / 1024 } };
    const hasValidate = /^\s+validate\b/m.test(spawnSync(process.execPath, [BIN, '--help'], { env, encoding: 'utf8' }).stdout);
    if (hasValidate) {
      const validate = runOnce(process.execPath, [BIN, 'validate', file]);
      print(`${count.toLocaleString('en')} events: validate`, { seconds: validate.seconds, peakRssMiB: (validate.maxRssKiB ?? 0) / 1024 });
      entry['validate'] = { seconds: validate.seconds, peakRssMiB: (validate.maxRssKiB ?? 0) / 1024 };
    }
    if (CALENDAR) {
      const calFile = join(work, `calendar-${count}`);
      await writeBsdCalendar(calFile, count, count);
      const bsd = compare(count >= 1_000_000 ? 9 : 15, CALENDAR, ['-f', calFile, '-t', '20261126', '-A', '0']);
      print(`${count.toLocaleString('en')} events: BSD calendar, same data`, bsd);
      entry['bsdCalendar'] = bsd;
    }
    results.push(entry);
    rmSync(file, { force: true });
  }
  const machine = { cpu: cpus()[0]?.model, cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
  const commit = (() => {
    try {
      return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: PACKAGE_ROOT, encoding: 'utf8' }).trim();
    } catch {
      return 'unknown';
    }
  })();
  mkdirSync(join(PACKAGE_ROOT, 'bench'), { recursive: true });
  const out = join(PACKAGE_ROOT, 'bench', 'results.json');
  writeFileSync(out, `${JSON.stringify({ commit, date: new Date().toISOString(), machine, results }, null, 2)}\n`);
  console.log(`\nwritten to ${out}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
