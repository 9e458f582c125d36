import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDataset } from '../../scripts/dataset-generator.js';
import { CACHE_FORMAT } from '../../src/io/event-cache.js';
import { ROOT, cli, fixture } from '../helpers.js';

/**
 * Faults while writing, for every command that writes: a full disk, a read-only directory, a
 * missing directory, a path that is a directory, a file or directory that vanishes mid-write,
 * and SIGINT, SIGTERM and SIGKILL mid-write. Each must end with a clear error and exit 1 and
 * leave every existing file byte for byte as it was. The prepared index is the exception: a
 * query must never fail because of it.
 *
 * A full disk and a read-only directory are real: a small tmpfs, filled up, and a tmpfs
 * remounted read-only (root ignores permission bits, so chmod would prove nothing). Where the
 * machine does not allow mounting, the driver injects ENOSPC / EROFS at the file-system calls.
 * "Mid-write" is exact: test/fault-driver.mjs holds the run at the fsync of write-file-atomic's
 * temporary file (written in full, not yet renamed over the target) while the test acts.
 */

const DRIVER = fileURLToPath(new URL('../fault-driver.mjs', import.meta.url));
const DAY = fixture('digest-day.json');
const work = mkdtempSync(join(tmpdir(), 'centenary-faults-'));
const mounts: string[] = [];
/** Every fault injected, counted for the README's figures. */
let faultsInjected = 0;

/**
 * Whether this machine lets the tests mount a tmpfs (root, and a sandbox that allows it).
 * CENTENARY_TEST_NO_MOUNT=1 runs the injected fallback instead, to check it where mounting works.
 */
const canMount = (() => {
  if (process.env['CENTENARY_TEST_NO_MOUNT'] === '1') return false;
  const dir = mkdtempSync(join(tmpdir(), 'centenary-mount-probe-'));
  const ok = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]).status === 0;
  if (ok) spawnSync('umount', [dir]);
  return ok;
})();

afterAll(() => {
  for (const dir of mounts.reverse()) spawnSync('umount', ['-l', dir]);
  // The figure quoted in the README's "Reliability" section.
  process.stdout.write(`faults injected: ${faultsInjected}\n`);
});

function tmpfs(size: string): string {
  const dir = mkdtempSync(join(work, 'tmpfs-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
  mounts.push(dir);
  return dir;
}

/** Fills the file system of `dir` to the last byte. */
function fill(dir: string): void {
  const chunk = Buffer.alloc(4096, 0x2e);
  for (let i = 0; ; i++) {
    try {
      writeFileSync(join(dir, `filler-${i}`), chunk);
    } catch (error) {
      expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
      break;
    }
  }
}

/** Every file under `dir`, path → bytes (directories as entries of their own). */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) {
        out.set(`${path}/`, '');
        walk(path);
      } else out.set(path, readFileSync(path).toString('base64'));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

interface Run {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

interface DriveOptions {
  readonly hold?: 'fsync' | 'rename';
  /** What to do while the run is held; resolve to let it go on (true) or not (it was killed). */
  readonly onHold?: (kill: (signal: NodeJS.Signals) => void) => boolean;
  readonly fail?: 'ENOSPC' | 'EROFS';
  readonly env?: Record<string, string>;
}

/** Runs the built CLI through the fault driver, in a bare environment as cli() does. */
function drive(args: readonly string[], options: DriveOptions = {}): Promise<Run> {
  return new Promise((resolve) => {
    const env: Record<string, string> = { PATH: process.env['PATH'] ?? '/usr/bin:/bin', TZ: 'UTC', ...options.env };
    if (options.hold) env['FAULT_HOLD'] = options.hold;
    if (options.fail) env['FAULT_FAIL'] = options.fail;
    const child = spawn(process.execPath, [DRIVER, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    let stdout = '';
    let stderr = '';
    let held = false;
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('message', (message: { held?: string }) => {
      if (!message.held) return;
      held = true;
      if (options.onHold?.((signal) => child.kill(signal)) ?? true) child.send('go');
    });
    child.on('close', (code, signal) => {
      if (options.hold) expect(held, 'the run reached the point it was to be held at').toBe(true);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** A command that writes one file, and what its new content must look like. */
interface Writer {
  /** Puts the existing target (if any) into `dir`; returns its path. */
  readonly prepare: (dir: string) => string;
  readonly args: (target: string) => string[];
  readonly checkNew: (text: string, old: string) => void;
}

const feedFor = (date: string, feed: string) => expect(cli(['digest', '-f', DAY, '--date', date, '--feed', feed]).code).toBe(0);
const ids = (text: string) => (JSON.parse(text) as { events: { id: string }[] }).events.map((e) => e.id);

const WRITERS: Record<string, Writer> = {
  'digest --output': {
    prepare: (dir) => {
      writeFileSync(join(dir, 'index.html'), "yesterday's page\n");
      return join(dir, 'index.html');
    },
    args: (target) => ['digest', '-f', DAY, '--date', '2026-11-26', '--format', 'html', '--output', target],
    checkNew: (text) => expect(text).toMatch(/^<!doctype html>[\s\S]*John Moses Browning dies[\s\S]*<\/html>\n$/i),
  },
  'digest --feed': {
    prepare: (dir) => {
      feedFor('2026-11-26', join(dir, 'feed.xml'));
      return join(dir, 'feed.xml');
    },
    args: (target) => ['digest', '-f', DAY, '--date', '2026-11-27', '--feed', target],
    checkNew: (text, old) => {
      expect(XMLValidator.validate(text)).toBe(true);
      expect(text.match(/<entry>/g)).toHaveLength(2);
      expect(text).toContain(/ {2}<entry>[\s\S]*<\/entry>/.exec(old)?.[0]);
    },
  },
  add: {
    prepare: (dir) => {
      copyFileSync(fixture('julian-os.json'), join(dir, 'events.json'));
      return join(dir, 'events.json');
    },
    args: (target) => ['add', '-f', target, '--id', 'somme', '--date', '1916-07-01', '--title', 'First day on the Somme'],
    checkNew: (text, old) => expect(ids(text).sort()).toEqual([...ids(old), 'somme'].sort()),
  },
  import: {
    prepare: (dir) => {
      copyFileSync(fixture('julian-os.json'), join(dir, 'events.json'));
      return join(dir, 'events.json');
    },
    args: (target) => ['import', fixture('bsd/calendar.history'), '--from', 'bsd-calendar', '-f', target],
    checkNew: (text, old) => {
      expect(ids(text).length).toBeGreaterThan(ids(old).length);
      expect(ids(text)).toEqual(expect.arrayContaining(ids(old)));
    },
  },
};

/** A failed run: exit 1, one clear line on stderr (no stack trace), nothing on stdout. */
function expectCleanFailure(run: Run, reason: RegExp): void {
  expect(run.signal).toBeNull();
  expect(run.code).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^centenary: [^\n]+ — [^\n]+\n$/);
  expect(run.stderr).toMatch(reason);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

// The lock, and the unfinished temporary file of the staging write (TARGET.PID-RANDOM.new.N).
const lockAndTemp = (target: string) => (path: string) =>
  path === `${target}.lock/` || new RegExp(`^${target.replace(/[.]/g, '\\.')}\\.\\d+-[a-z0-9]+\\.new\\.\\d+$`).test(path);


describe.concurrent.each(Object.entries(WRITERS))('%s under faults', (_name, writer) => {
  const fresh = () => mkdtempSync(join(work, 'w-'));

  it.skipIf(!canMount)('a full disk (a tmpfs filled to the last byte): exit 1, every file as it was', async () => {
    const dir = tmpfs('64k');
    const target = writer.prepare(dir);
    fill(dir);
    const before = snapshot(dir);
    const run = await drive(writer.args(target));
    faultsInjected++;
    expectCleanFailure(run, /no space left on the device/);
    expect(snapshot(dir)).toEqual(before);
  });

  it.skipIf(!canMount)('a read-only directory (a tmpfs remounted read-only): exit 1, every file as it was', async () => {
    const dir = tmpfs('1m');
    const target = writer.prepare(dir);
    execFileSync('mount', ['-o', 'remount,ro', dir]);
    const before = snapshot(dir);
    const run = await drive(writer.args(target));
    faultsInjected++;
    expectCleanFailure(run, /the file system is read-only/);
    expect(snapshot(dir)).toEqual(before);
  });

  it.skipIf(canMount)('a full disk and a read-only file system, injected at the file-system calls (no tmpfs here)', async () => {
    for (const [fail, reason] of [['ENOSPC', /no space left on the device/], ['EROFS', /the file system is read-only/]] as const) {
      const dir = fresh();
      const target = writer.prepare(dir);
      const before = snapshot(dir);
      const run = await drive(writer.args(target), { fail });
      faultsInjected++;
      expectCleanFailure(run, reason);
      expect(snapshot(dir)).toEqual(before);
    }
  });

  it('a missing directory: exit 1, nothing created', async () => {
    const dir = fresh();
    writer.prepare(dir);
    const before = snapshot(dir);
    const run = await drive(writer.args(join(dir, 'missing', 'file')));
    faultsInjected++;
    expectCleanFailure(run, /its directory does not exist/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('a path that is a directory: exit 1, the directory and its contents as they were', async () => {
    const dir = fresh();
    writer.prepare(dir);
    mkdirSync(join(dir, 'target'));
    writeFileSync(join(dir, 'target', 'inside.txt'), 'keep me\n');
    const before = snapshot(dir);
    const run = await drive(writer.args(join(dir, 'target')));
    faultsInjected++;
    expectCleanFailure(run, /is a directory/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('the directory vanishes mid-write: exit 1, a clear reason, nothing recreated', async () => {
    const dir = fresh();
    mkdirSync(join(dir, 'out'));
    const target = writer.prepare(join(dir, 'out'));
    const run = await drive(writer.args(target), { hold: 'fsync', onHold: () => (rmSync(join(dir, 'out'), { recursive: true }), true) });
    faultsInjected++;
    expectCleanFailure(run, /its directory does not exist/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('the file vanishes mid-write: exit 1, a clear reason, the file not brought back, nothing left behind', async () => {
    const dir = fresh();
    const target = writer.prepare(dir);
    const before = snapshot(dir);
    before.delete(target);
    const run = await drive(writer.args(target), { hold: 'fsync', onHold: () => (unlinkSync(target), true) });
    faultsInjected++;
    expectCleanFailure(run, /was removed while this run was writing it; nothing was written — run again if it should be created anew/);
    expect(snapshot(dir)).toEqual(before);
  });

  it.each(['SIGINT', 'SIGTERM'] as const)('%s mid-write: exit 1, a message, every file as it was, no temporary file or lock left', async (signal) => {
    const dir = fresh();
    const target = writer.prepare(dir);
    const before = snapshot(dir);
    const run = await drive(writer.args(target), { hold: 'fsync', onHold: (kill) => (kill(signal), false) });
    faultsInjected++;
    expectCleanFailure(run, new RegExp(`^centenary: stopped by ${signal} while changing ${target}; .* — run again\\n$`));
    expect(snapshot(dir)).toEqual(before);
  });

  it('SIGKILL mid-write: every file as it was; the next run takes over the stale lock and completes', async () => {
    const dir = fresh();
    const target = writer.prepare(dir);
    const old = readFileSync(target, 'utf8');
    const before = snapshot(dir);
    const run = await drive(writer.args(target), { hold: 'fsync', onHold: (kill) => (kill('SIGKILL'), false) });
    faultsInjected++;
    expect(run.signal).toBe('SIGKILL');
    const after = snapshot(dir);
    // What SIGKILL cannot clean up: the unfinished temporary file, and the lock (add, import, feed).
    const leftovers = [...after.keys()].filter((path) => !before.has(path));
    expect(leftovers.every(lockAndTemp(target)), leftovers.join(', ')).toBe(true);
    for (const [path, bytes] of before) expect(after.get(path), path).toBe(bytes);
    if (existsSync(`${target}.lock`)) {
      // As if the ten seconds after which a lock is stale had passed.
      const longAgo = new Date(Date.now() - 60_000);
      utimesSync(`${target}.lock`, longAgo, longAgo);
    }
    const next = await drive(writer.args(target));
    expect([next.code, next.stderr]).toEqual([0, '']);
    writer.checkNew(readFileSync(target, 'utf8'), old);
    expect(existsSync(`${target}.lock`)).toBe(false);
  });
});

describe('the prepared index under faults: a query never fails because of it', () => {
  const dataset = join(work, 'generated.json');
  const query = ['-f', dataset, '--date', '2000-07-14', '-B', '2', '-A', '2'];
  let expected: { stdout: string; stderr: string };

  beforeAll(async () => {
    await writeDataset(dataset, { count: 3000, seed: 11, firstYear: 1890, lastYear: 1910 });
    const whole = cli([...query, '--no-cache']);
    expect(whole.code).toBe(0);
    expected = { stdout: whole.stdout, stderr: whole.stderr };
    expect(expected.stdout).toMatch(/100 years before/);
  });

  /** The query through the index in `cacheRoot`: the same output as reading the data whole. */
  async function expectQueryOk(cacheRoot: string, options: DriveOptions = {}, fault = true): Promise<void> {
    if (fault) faultsInjected++;
    const run = await drive(query, { ...options, env: { CENTENARY_CACHE_DIR: cacheRoot } });
    expect(run.code).toBe(0);
    // Warnings of the generated data, the same either way.
    expect(run.stderr === expected.stderr, run.stderr.slice(0, 300)).toBe(true);
    expect(run.stdout === expected.stdout, run.stdout.slice(0, 300)).toBe(true);
  }

  it.skipIf(!canMount)('on a full disk', async () => {
    const dir = tmpfs('64k');
    fill(dir);
    await expectQueryOk(join(dir, 'cache'));
  });

  it.skipIf(!canMount)('on a read-only file system, with and without an index built before', async () => {
    const empty = tmpfs('64k');
    const built = tmpfs('8m');
    await expectQueryOk(built, {}, false);
    for (const dir of [empty, built]) execFileSync('mount', ['-o', 'remount,ro', dir]);
    await expectQueryOk(empty);
    await expectQueryOk(built);
  });

  it.skipIf(canMount)('on a full or read-only disk, injected at the file-system calls (no tmpfs here)', async () => {
    await expectQueryOk(mkdtempSync(join(work, 'c-')), { fail: 'ENOSPC' });
    await expectQueryOk(mkdtempSync(join(work, 'c-')), { fail: 'EROFS' });
  });

  it('in a missing directory (made), under a path that is a file, where the manifest is a directory', async () => {
    await expectQueryOk(join(work, 'no', 'such', 'dir'));
    writeFileSync(join(work, 'a-file'), 'not a directory\n');
    await expectQueryOk(join(work, 'a-file'));
    const root = mkdtempSync(join(work, 'c-'));
    await expectQueryOk(root, {}, false);
    const [dir] = readdirSync(join(root, `v${CACHE_FORMAT}`));
    rmSync(join(root, `v${CACHE_FORMAT}`, dir ?? '', 'manifest.json'));
    mkdirSync(join(root, `v${CACHE_FORMAT}`, dir ?? '', 'manifest.json'));
    await expectQueryOk(root);
  });

  it('the cache directory vanishes while the index is being written', async () => {
    const root = mkdtempSync(join(work, 'c-'));
    await expectQueryOk(root, { hold: 'rename', onHold: () => (rmSync(root, { recursive: true }), true) });
  });

  it.each(['SIGINT', 'SIGTERM', 'SIGKILL'] as const)('%s while the index is being written: the next query rebuilds it and is right', async (signal) => {
    const root = mkdtempSync(join(work, 'c-'));
    const run = await drive(query, { hold: 'rename', env: { CENTENARY_CACHE_DIR: root }, onHold: (kill) => (kill(signal), false) });
    faultsInjected++;
    expect(run.signal ?? run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    await expectQueryOk(root, {}, false);
    const debug = await drive([...query, '--debug'], { env: { CENTENARY_CACHE_DIR: root } });
    expect(debug.stderr.startsWith('centenary: events from cache\n')).toBe(true);
  });
});
