import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/cli-io.js';
import { runPlainQuery } from '../../src/cli/plain-query.js';
import { run } from '../../src/cli/run.js';
import { fixture } from '../helpers.js';

/**
 * The daily query is read two ways: by commander (run.ts) and, to keep commander off a query's
 * start-up, by the plain reader (plain-query.ts). Whenever the plain reader answers, its answer
 * must be commander's to the byte; everything else it must hand over.
 */
interface Outcome {
  code: number | undefined;
  stdout: string;
  stderr: string;
}

// An index directory, and a config file that sets defaults for several options.
const scratch = mkdtempSync(join(tmpdir(), 'centenary-plain-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
mkdirSync(join(scratch, 'config', 'centenary'), { recursive: true });
writeFileSync(join(scratch, 'config', 'centenary', 'config.json'), JSON.stringify({ years: [50, 100], oldStyle: true, locale: 'de' }));
const ENVIRONMENTS = {
  bare: { TZ: 'UTC' },
  indexed: { TZ: 'UTC', CENTENARY_CACHE_DIR: join(scratch, 'cache') },
  configured: { TZ: 'Europe/Moscow', XDG_CONFIG_HOME: join(scratch, 'config'), CENTENARY_CACHE_DIR: join(scratch, 'cache') },
};
type Environment = keyof typeof ENVIRONMENTS;

function world(environment: Environment): { io: CliIO; out: () => Omit<Outcome, 'code'> } {
  let stdout = '';
  let stderr = '';
  return {
    io: {
      stdout: { write: (s: string) => (stdout += s), isTTY: false },
      stderr: { write: (s: string) => (stderr += s), isTTY: false },
      env: ENVIRONMENTS[environment],
      now: () => Date.UTC(2017, 10, 7, 9, 30),
    },
    out: () => ({
      stdout,
      // A stack trace (--debug) names different frames on the two paths, and whichever runs
      // first builds the index the other then reads.
      stderr: stderr.replace(/^ {4}at .*\n/gm, '').replace(/events from (cache|rebuilt)( \([^)]*\))?/g, 'events from the index'),
    }),
  };
}

async function plainly(argv: readonly string[], environment: Environment = 'bare'): Promise<Outcome> {
  const { io, out } = world(environment);
  const code = await runPlainQuery(argv, io);
  return { code, ...out() };
}

async function byCommander(argv: readonly string[], environment: Environment = 'bare'): Promise<Outcome> {
  const { io, out } = world(environment);
  const code = await run(argv, io);
  return { code, ...out() };
}

const DATA = fixture('julian-os.json');
const WARNINGS = fixture('reform-warnings.json');

// Words a command line of the default query is made of: valid and invalid values, every form of
// option commander knows, and things only commander can read.
const valued = (names: readonly string[], values: readonly string[]) =>
  fc.tuple(fc.constantFrom(...names), fc.constantFrom(...values)).chain(([name, value]) =>
    fc.constantFrom([name, value], name.startsWith('--') ? [`${name}=${value}`] : [name, value]),
  );
const piece = fc.oneof(
  valued(['--date', '-d'], ['2017-11-07', '1917-10-25', '2016-02-29', '2017-02-29', '1900-02-29', 'tomorrow', '']),
  valued(['--years', '-y'], ['100', '50,100', '1,2,3', '0', 'x']),
  valued(['--tz'], ['UTC', 'Europe/Moscow', 'Mars/Olympus']),
  valued(['--ahead', '-A', '--behind', '-B'], ['0', '1', '3', '400', '-1']),
  valued(['--file', '-f'], [DATA, WARNINGS, '/nonexistent/events.json']),
  valued(['--old-style-anniversary'], ['elapsed', 'nominal', 'both']),
  valued(['--calendar'], ['gregorian', 'julian', 'hebrew']),
  valued(['--format'], ['text', 'json', 'markdown', 'ics', 'yaml']),
  valued(['--locale'], ['en', 'de', 'ru', 'xx']),
  valued(['--to', '--from'], ['reader@example.org', 'Ada <ada@example.org>', 'not an address']),
  fc.constantFrom(
    ['--ongoing'], ['-m'], ['--month'], ['-q'], ['--quiet'], ['--color'], ['--no-color'], ['--no-cache'], ['--debug'],
    ['--old-style'], ['--old-style=always'], ['--old-style', 'always'], ['--old-style=never'], ['--quiet=yes'],
    ['-qm'], ['--help'], ['-V'], ['--'], ['cal'], ['convert', '1917-10-25'], ['stray'], ['--unknown'], ['-d'], ['--date'],
  ),
);
const commandLine = fc.array(piece, { maxLength: 6 }).map((pieces) => pieces.flat());

describe('the plain reader of the daily query (no commander at start-up)', () => {
  it('answers exactly as commander does, or hands the command line over', async () => {
    await fc.assert(
      fc.asyncProperty(commandLine, fc.constantFrom<Environment>('bare', 'indexed', 'configured'), async (argv, environment) => {
        const plain = await plainly(argv, environment);
        if (plain.code === undefined) {
          // Handed over: nothing may have been written.
          expect(plain.stdout + plain.stderr).toBe('');
          return;
        }
        expect(plain).toEqual(await byCommander(argv, environment));
      }),
      { numRuns: 400 },
    );
  });

  // The command lines people and cron jobs write: these must not need commander.
  it.each([
    [[]],
    [['--file', DATA, '--date', '2017-11-07']],
    [['-f', DATA, '-d', '1917-10-25', '--calendar', 'julian', '--old-style']],
    [['--file', DATA, '--date=2017-11-07', '--years', '50,100', '-A', '3', '-B', '1', '--ongoing']],
    [['--file', WARNINGS, '--date', '2017-11-07', '--format', 'json', '--old-style=always']],
    [['--file', DATA, '--month', '--no-color', '-q', '--old-style-anniversary', 'nominal']],
    [['--file', DATA, '--tz', 'Europe/Moscow', '--locale', 'ru', '--debug']],
  ])('answers %j itself, as commander would', async (argv) => {
    for (const environment of ['bare', 'indexed', 'configured'] as const) {
      const plain = await plainly(argv, environment);
      expect(plain.code).toBeTypeOf('number');
      expect(plain).toEqual(await byCommander(argv, environment));
    }
  });

  it.each([[['--help']], [['-qm']], [['cal']], [['--date', 'tomorrow']], [['--format', 'yaml']], [['--date']], [['--old-style', 'always']]])(
    'hands %j to commander, untouched',
    async (argv) => {
      expect(await plainly(argv)).toEqual({ code: undefined, stdout: '', stderr: '' });
    },
  );
});
