import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMATS } from '../../src/render/renderers.js';
import { BIN, ROOT, fixture, runInProcess } from '../helpers.js';
import { TERMINAL_UNSAFE, expectSafeOutput } from '../output-safety.js';

/**
 * The hostile corpus: small datasets kept as fixtures (test/fixtures/hostile/), large ones made
 * at test time in a temporary directory and deleted after. Every one gets a clear error (exit 1,
 * located, no stack trace) or safe output in every format — and the real CLI's peak memory
 * (getrusage, through a preloaded probe) stays under a generous bound. The bounds are a safety
 * net, not a speed goal; time is bounded by killing a run that takes over two minutes.
 */
const PROBE = pathToFileURL(fileURLToPath(new URL('../support/peak-rss.mjs', import.meta.url))).href;
const dir = fs.mkdtempSync(join(tmpdir(), 'centenary-corpus-'));
/** Peak memory and wall time of each run, left in test/.output/ for the README's figures. */
const figures: { args: string; peakMb: number; ms: number }[] = [];
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  const out = fileURLToPath(new URL('../.output/', import.meta.url));
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(join(out, 'hostile-figures.json'), `${JSON.stringify(figures, null, 1)}\n`);
});
const MB = 1024 * 1024;

interface Measured {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
  /** Peak resident memory of the CLI process, in MB. */
  readonly peakMb: number;
}

let serial = 0;
/** Runs the built CLI as `cli()` does, with the memory probe preloaded, killed after two minutes. */
function measured(args: readonly string[], env: Record<string, string> = {}): Measured {
  const rss = join(dir, `rss-${serial++}`);
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--import', PROBE, BIN, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', TZ: 'UTC', CENTENARY_TEST_RSS_FILE: rss, ...env },
    cwd: ROOT,
    timeout: 120_000,
    maxBuffer: 64 * MB,
  });
  const peakKb = fs.existsSync(rss) ? Number(fs.readFileSync(rss, 'utf8')) : Number.NaN;
  figures.push({ args: `${args.join(' ').replace(dir, '$TMP').replace(ROOT, '')}${env['CENTENARY_CACHE_DIR'] ? ' (through the index)' : ''}`, peakMb: Math.round(peakKb / 1024), ms: Math.round(performance.now() - started) });
  return { stdout: result.stdout, stderr: result.stderr, code: result.status ?? -1, peakMb: Math.round(peakKb / 1024) };
}

/** A clear error: exit 1, nothing on stdout, the file located, no stack trace, nothing raw from the data. */
function expectRefused(out: Measured | { stdout: string; stderr: string; code: number }, file: string, problem: RegExp): void {
  expect(out.code).toBe(1);
  expect(out.stdout).toBe('');
  expect(out.stderr).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:\\d+:\\d+: error: `));
  expect(out.stderr).toMatch(problem);
  expect(out.stderr).not.toMatch(/\n\s+at |unexpected error/);
  expect(out.stderr).not.toMatch(TERMINAL_UNSAFE);
}

const QUERY = ['--date', '2026-11-26', '--no-cache', '--to', 'reader@example.org'];

/** Datasets whose text is hostile but legal: used, and shown safely in every format. */
const SHOWN = ['bom', 'nul-escaped', 'terminal-escapes', 'bidi-override', 'script-injection', 'cdata-end', 'header-injection'];
/** Datasets that must be refused, with the problem the message names. */
const REFUSED: [string, RegExp][] = [
  ['invalid-utf8', /not valid UTF-8 text; found the byte 0xE9/],
  ['duplicate-keys', /events\[0\]\.title: the same key twice in one object/],
  ['proto-keys', /events\[0\]\.__proto__: unknown field "__proto__"[\s\S]*__proto__: unknown field "__proto__"/],
  ['constructor-keys', /events\[0\]\.constructor: unknown field "constructor"/],
  ['nul-raw', /invalid JSON; found "\\"Raw\\u0000NUL\\"", expected no raw control characters inside strings/],
];
const titleOf = (name: string) => (JSON.parse(fs.readFileSync(fixture(`hostile/${name}.json`), 'utf8').replace(/^\uFEFF/, '')) as { events: { title: string }[] }).events[0]?.title ?? '';

describe('hostile datasets kept as fixtures', () => {
  describe.each(SHOWN)('%s.json is shown safely', (name) => {
    it.each(FORMATS)('as %s', async (format) => {
      const out = await runInProcess(['--file', fixture(`hostile/${name}.json`), '--format', format, ...QUERY]);
      expect(out.code).toBe(0);
      expect(out.stderr).toBe('');
      await expectSafeOutput(format, out.stdout, titleOf(name));
    });
  });

  it.each(SHOWN)('%s.json: list, search, cal and validate print nothing raw from it', async (name) => {
    const file = fixture(`hostile/${name}.json`);
    const runs = [
      ['list', '-f', file],
      ['list', '-f', file, '--format', 'json'],
      ['search', 'a', '-f', file],
      ['cal', '1926-11', '-f', file],
      ['validate', file],
      ['validate', file, '--format', 'json'],
    ];
    for (const args of runs) {
      const out = await runInProcess(args);
      expect(out.code, args.join(' ')).toBe(0);
      expect(`${out.stdout}${out.stderr}`).not.toMatch(TERMINAL_UNSAFE);
      if (args.includes('json')) expect(() => JSON.parse(out.stdout)).not.toThrow();
    }
  });

  it.each(REFUSED)('%s.json is refused with a located error, both ways of reading it', async (name, problem) => {
    const file = fixture(`hostile/${name}.json`);
    expectRefused(await runInProcess(['--file', file, ...QUERY]), file, problem);
    // The same through the prepared index (which streams the file as the canonical layout would).
    const cached = await runInProcess(['--file', file, '--date', '2026-11-26'], { env: { TZ: 'UTC', CENTENARY_CACHE_DIR: join(dir, 'cache') } });
    expectRefused(cached, file, problem);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('the built CLI: terminal escapes stay out of coloured output too; every fixture within 150 MB', () => {
    const coloured = measured(['--file', fixture('hostile/terminal-escapes.json'), '--color', '--date', '2026-11-26']);
    expect(coloured.code).toBe(0);
    expect(coloured.stdout).toMatch(/\u001b\[/);
    expect(coloured.stdout.replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(TERMINAL_UNSAFE);
    for (const name of [...SHOWN, ...REFUSED.map(([n]) => n)]) {
      const out = measured(['--file', fixture(`hostile/${name}.json`), '--date', '2026-11-26']);
      expect([0, 1]).toContain(out.code);
      expect(`${out.stdout}${out.stderr}`).not.toMatch(TERMINAL_UNSAFE);
      expect(out.peakMb).toBeLessThan(150);
    }
  });
});

describe('large hostile datasets, made at test time', () => {
  const path = (name: string) => join(dir, name);
  /** Writes `count` copies of `block` without holding more than the block. */
  const writeBlocks = (fd: number, block: Buffer, count: number) => {
    for (let i = 0; i < count; i++) fs.writeSync(fd, block);
  };

  beforeAll(() => {
    // 100,000 levels of nesting, inside an event and at the top.
    fs.writeFileSync(path('deep-event.json'), `{"events":[{"id":"a","date":"1926-11-26","title":"T","x":${'['.repeat(100_000)}${']'.repeat(100_000)}}]}`);
    fs.writeFileSync(path('deep-top.json'), `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`);
    // A 50 MB title, in the one-event-per-line layout and pretty-printed.
    const title = 'x'.repeat(50 * MB);
    fs.writeFileSync(path('string-50mb-lines.json'), `{\n  "events": [\n    {"id":"a","date":"1926-11-26","title":"${title}"}\n  ]\n}\n`);
    fs.writeFileSync(path('string-50mb-pretty.json'), `{\n  "events": [\n    {\n      "id": "a",\n      "date": "1926-11-26",\n      "title": "${title}"\n    }\n  ]\n}\n`);
  });

  it('100,000 levels of nesting: a located error, no stack overflow', () => {
    for (const name of ['deep-event.json', 'deep-top.json']) {
      const out = measured(['--file', path(name), '--date', '2026-11-26']);
      expectRefused(out, path(name), /nested more than 64 levels deep/);
      expect(out.peakMb).toBeLessThan(150);
    }
  });

  it('a 50 MB string: "text too long", read line by line or whole, with and without the index, under 512 MB', () => {
    for (const name of ['string-50mb-lines.json', 'string-50mb-pretty.json']) {
      for (const env of [{}, { CENTENARY_CACHE_DIR: path('cache') }]) {
        const out = measured(['--file', path(name), '--date', '2026-11-26'], env);
        expectRefused(out, path(name), /events\[0\]\.title: text too long; found 52428800 characters, expected at most 300/);
        expect(out.stderr.length).toBeLessThan(2000);
        expect(out.peakMb).toBeLessThan(512);
      }
    }
  });

  it('1 GB of white space (half one line of spaces, half short lines): the error a small one gets, in flat memory', () => {
    const file = path('whitespace-1gb.json');
    const fd = fs.openSync(file, 'w');
    writeBlocks(fd, Buffer.alloc(MB, 0x20), 512);
    writeBlocks(fd, Buffer.from(`${' '.repeat(1023)}\n`.repeat(1024)), 512);
    fs.closeSync(fd);
    expect(fs.statSync(file).size).toBe(1024 * MB);
    const out = measured(['--file', file, '--date', '2026-11-26']);
    fs.rmSync(file);
    expectRefused(out, file, /:524289:1: error: \(top level\): invalid JSON; found the end of the file, expected a value/);
    expect(out.peakMb).toBeLessThan(200);
  });

  it('25,000 bad events, then 50,000 warnings, pretty-printed: every one reported, without quadratic work', () => {
    const file = path('many-problems.json');
    const events = Array.from({ length: 50_000 }, (_, i) => ({ id: `e${i}`, date: i % 2 === 0 ? '1926-02-30' : `1926-02-${String((i % 28) + 1).padStart(2, '0')}`, title: 'Same title', country: 'RU' }));
    fs.writeFileSync(file, JSON.stringify({ events }, null, 2));
    const query = measured(['--file', file, '--date', '2026-11-26']);
    expectRefused(query, file, /25000 problems in/);
    expect(query.stderr.split('\n').filter((l) => l.includes(': error: '))).toHaveLength(25_000);
    fs.writeFileSync(file, JSON.stringify({ events: events.filter((e) => e.date !== '1926-02-30') }, null, 2));
    const validate = measured(['validate', file]);
    expect(validate.code).toBe(0);
    expect(validate.stdout).toMatch(/25000 valid events, 0 errors, 49986 warnings/);
    expect(query.peakMb).toBeLessThan(400);
    expect(validate.peakMb).toBeLessThan(400);
  });

  it('an endless device (/dev/zero) is refused after the whole-file limit; a pipe is read once, index or not', () => {
    const zero = measured(['--file', '/dev/zero', '--date', '2026-11-26']);
    expectRefused(zero, '/dev/zero', /too large to read whole \(more than 128 MB, and not a regular file\)/);
    expect(zero.peakMb).toBeLessThan(400);
    const piped = JSON.stringify({ events: [{ id: 'a', date: '1926-11-26', title: 'Read from a pipe' }] });
    // With the index, twice: the second run finds the first run's index for the same path.
    for (const env of [{}, { CENTENARY_CACHE_DIR: path('cache') }, { CENTENARY_CACHE_DIR: path('cache') }]) {
      // Through a shell pipe: the standard input is then a real pipe, as with `-f <(cmd)`.
      const out = spawnSync('sh', ['-c', 'printf %s "$DATA" | "$NODE" "$BIN" --file /dev/stdin --date 2026-11-26'], {
        encoding: 'utf8',
        env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', TZ: 'UTC', DATA: piped, NODE: process.execPath, BIN, ...env },
        timeout: 60_000,
      });
      expect(out.stderr).toBe('');
      expect(out.stdout).toContain('Read from a pipe');
    }
  });

  it('a hostile feed file (entity expansion, 100,000 levels of nesting) is refused and left byte for byte', () => {
    const deep = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</feed>`;
    const cases: [string, string, RegExp][] = [
      ['entities.xml', fs.readFileSync(fixture('hostile/feed-entity-expansion.xml'), 'utf8'), /it has a DOCTYPE, which centenary never writes/],
      ['deep.xml', deep, /is not an Atom feed centenary can add to: /],
    ];
    for (const [name, content, problem] of cases) {
      const feed = path(name);
      fs.writeFileSync(feed, content);
      const out = measured(['digest', '--file', fixture('hostile/header-injection.json'), '--date', '2026-11-26', '--feed', feed]);
      expect(out.code).toBe(1);
      expect(out.stderr).toMatch(problem);
      expect(out.stderr).not.toMatch(/\n\s+at |unexpected error/);
      expect(fs.readFileSync(feed, 'utf8')).toBe(content);
      expect(out.peakMb).toBeLessThan(150);
    }
  });

  it('16 MB of numbers in an unknown field: located without a parse tree of the file, under 600 MB', () => {
    const file = path('many-numbers.json');
    const fd = fs.openSync(file, 'w');
    fs.writeSync(fd, '{"events":[{"id":"a","date":"1926-11-26","title":"T","x":[');
    writeBlocks(fd, Buffer.from('0,'.repeat(MB / 2)), 16);
    fs.writeSync(fd, '0]}]}');
    fs.closeSync(fd);
    const out = measured(['--file', file, '--date', '2026-11-26']);
    expectRefused(out, file, /:1:54: error: events\[0\]\.x: unknown field "x"/);
    expect(out.peakMb).toBeLessThan(600);
  });

  it('a file over the whole-file limit that is not one event per line: refused without being read whole', () => {
    const file = path('too-large.json');
    const fd = fs.openSync(file, 'w');
    fs.writeSync(fd, '{"events": [\n');
    writeBlocks(fd, Buffer.from('0,\n'.repeat(Math.floor(MB / 3))), 130);
    fs.writeSync(fd, '0\n]}\n');
    fs.closeSync(fd);
    const size = Math.ceil(fs.statSync(file).size / MB);
    expect(size).toBeGreaterThan(128);
    const out = measured(['--file', file, '--date', '2026-11-26']);
    fs.rmSync(file);
    expectRefused(out, file, new RegExp(`too large to read whole \\(${size} MB, and not one event per line throughout\\)`));
    expect(out.peakMb).toBeLessThan(200);
  });
});
