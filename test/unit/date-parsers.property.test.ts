import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidArgumentError } from '../../src/cli/invalid-argument.js';
import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parseDayArgument } from '../../src/cli/arguments.js';
import { dateEntry, newScanState, parseBsdDate, scanCalendarText } from '../../src/core/bsd-calendar.js';
import { isValidDate } from '../../src/core/calendar.js';
import { convertWrittenDate } from '../../src/core/convert.js';
import { eventsFromCsv } from '../../src/core/csv-import.js';
import { CentenaryError } from '../../src/core/errors.js';
import { parseWrittenDate } from '../../src/core/written-date.js';
import { parsePartialDate } from '../../src/core/partial-date.js';
import { decodeCalendarBytes } from '../../src/io/calendar-files.js';
import { runInProcess } from '../helpers.js';

// The bundled CLI compiles the schema ahead of time, once; the sources compile it per call
// (~20 ms). Compiling it once here, as the bundle does, keeps hundreds of runs fast.
vi.mock('../../src/core/schema-check.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/core/schema-check.js')>();
  let compiled: ReturnType<typeof original.compileSchemaCheck> | undefined;
  return { compileSchemaCheck: () => (compiled ??= original.compileSchemaCheck()) };
});

/**
 * Every parser of a date a person or a file writes, against anything: it answers (a date, or a
 * reason) and never throws anything but the error the CLI turns into exit 2; what it reads back
 * from a date it was given in a known form is that date. Long runs of spaces, digits and
 * punctuation are in the mix because they are what makes a backtracking regex hang.
 */
const PIECES = ['1917', '10', '25', '-', '/', '.', ',', ' ', '  ', '\t', '\n', '\r\n', 'O.S.', 'N.S.', 'Old Style', '(', ')', '*', '+2', 'Oct', 'October', 'Nov.', 'März', 'ноября', 'Sun', 'Easter', '#include', '#define X', '#ifdef X', '#endif', '/*', '*/', '"', ';', 'BC', 'AD', '\u0000', '\u001b[2J', '\u202e', '\ufeff', '\ud800', '9999', '0000', '1731/32'];
const messy = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 12 }).map((p) => p.join(''));
/** Inputs of tens of thousands of characters, built to make backtracking regexes explode. */
const LONG = [' '.repeat(50_000), `1${' '.repeat(50_000)}x`, `*${' '.repeat(50_000)}x`, `#a${' '.repeat(50_000)}b`, '( '.repeat(25_000), ', 1'.repeat(20_000), 'o.s'.repeat(20_000), '1'.repeat(50_000), `Nov 7\t${' x'.repeat(25_000)}`, `date,title\n${'"'.repeat(50_000)}`, `${';'.repeat(50_000)}\n`];
const anything = fc.oneof({ weight: 4, arbitrary: messy }, { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) }, { weight: 1, arbitrary: fc.constantFrom(...LONG) });

const day = fc
  .record({ year: fc.integer({ min: 1, max: 9999 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .filter((d) => isValidDate({ calendar: 'gregorian', ...d }));
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad = (n: number, w: number) => String(n).padStart(w, '0');

describe('date parsers, for any input', () => {
  it('--date: a day, or an InvalidArgumentError (exit 2); a day it is given comes back', () => {
    fc.assert(
      fc.property(anything, (text) => {
        try {
          const d = parseDayArgument(text);
          expect(d.month).toBeGreaterThanOrEqual(1);
          expect(d.month).toBeLessThanOrEqual(12);
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidArgumentError);
        }
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(day, (d) => {
        expect(parseDayArgument(`${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`)).toEqual({ calendar: 'gregorian', ...d });
      }),
    );
  });

  it("convert's written dates: a date or a reason, never a throw; each written form reads back", () => {
    fc.assert(
      fc.property(anything, (text) => {
        const parsed = parseWrittenDate(text);
        if (parsed.ok) {
          expect(parsed.date.year).toBeGreaterThanOrEqual(1);
          expect(parsed.date.year).toBeLessThanOrEqual(9999);
        } else expect(parsed.problem).not.toBe('');
        try {
          convertWrittenDate(text);
        } catch (error) {
          expect(error).toBeInstanceOf(CentenaryError);
        }
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(day, fc.constantFrom('iso', 'dmy', 'mdy', 'abbr'), fc.constantFrom('', ' O.S.', ' N.S.', ' (Old Style)'), (d, form, mark) => {
        const name = MONTHS[d.month - 1] ?? '';
        const text = {
          iso: `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`,
          dmy: `${d.day} ${name} ${d.year}`,
          mdy: `${name} ${d.day}, ${d.year}`,
          abbr: `${d.day} ${name.slice(0, 3)}. ${d.year}`,
        }[form];
        const parsed = parseWrittenDate(`${text}${mark}`);
        expect(parsed).toMatchObject({ ok: true, date: d });
      }),
    );
  });

  it('BSD calendar files: every line is an item or skipped with a reason; dates read back', () => {
    fc.assert(
      fc.property(fc.array(anything, { maxLength: 6 }), (lines) => {
        const text = lines.join('\n');
        const state = newScanState();
        for (const line of lines) expect(parseBsdDate(line, state)).toBeTypeOf('object');
        const count = text.split(/\r?\n/).length;
        for (const item of scanCalendarText(text, 'f', state)) {
          expect(item.line).toBeGreaterThanOrEqual(1);
          expect(item.line).toBeLessThanOrEqual(count);
          if (item.type === 'entry') {
            const dated = dateEntry(item, state, 'gregorian');
            if (!('skip' in dated)) expect(isValidDate({ calendar: 'gregorian', year: dated.year, month: dated.month, day: dated.day })).toBe(true);
          }
        }
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(() => [...scanCalendarText(decodeCalendarBytes(bytes), 'f', newScanState())]).not.toThrow();
      }),
      { numRuns: 100 },
    );
    fc.assert(
      fc.property(day, fc.constantFrom('md', 'ymd', 'mon'), (d, form) => {
        const field = { md: `${pad(d.month, 2)}/${pad(d.day, 2)}`, ymd: `${pad(d.year, 4)}/${d.month}/${d.day}`, mon: `${(MONTHS[d.month - 1] ?? '').slice(0, 3)} ${d.day}` }[form];
        expect(parseBsdDate(`${field}*`, newScanState())).toMatchObject({ month: d.month, day: d.day, ...(form === 'ymd' ? { year: d.year } : {}) });
      }),
    );
  });

  it('CSV: events or located errors, never a throw', () => {
    fc.assert(
      fc.property(fc.oneof(anything, anything.map((row) => `date,title,place\n${row}`), fc.array(anything, { maxLength: 4 }).map((rows) => `Date;Title;Tags\n${rows.join('\n')}`)), (text) => {
        const out = eventsFromCsv(text, 'f.csv', {});
        for (const e of out.errors) {
          expect(e.line).toBeGreaterThanOrEqual(1);
          expect(e.column).toBeGreaterThanOrEqual(1);
        }
        if (out.errors.length === 0) for (const c of out.candidates) expect(typeof c.event['title']).toBe('string');
      }),
      { numRuns: 100 },
    );
  });
});

const dir = mkdtempSync(join(tmpdir(), 'centenary-dates-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the commands that read dates, for any input', () => {
  const clean = (o: { stdout: string; stderr: string }) => {
    expect(o.stderr).not.toMatch(/\n\s+at |unexpected error/);
    expect(`${o.stdout}${o.stderr}`).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  };

  it('--date and convert: exit 0 or 2, a message without a stack trace or an escape sequence', async () => {
    await fc.assert(
      fc.asyncProperty(messy.filter((s) => !s.startsWith('-')), async (text) => {
        const query = await runInProcess(['--date', text, '-f', join(dir, 'none.json'), '--no-cache']);
        expect([1, 2]).toContain(query.code); // 1: the (missing) dataset, once the date was good
        clean(query);
        const convert = await runInProcess(['convert', text]);
        expect([0, 2]).toContain(convert.code);
        clean(convert);
      }),
      { numRuns: 60 },
    );
  });

  it('import: exit 0 or 1 for any calendar or CSV file', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(anything, { maxLength: 5 }), fc.constantFrom('bsd-calendar', 'csv'), async (lines, from) => {
        const source = join(dir, `source-${n}`);
        writeFileSync(source, lines.join('\n'));
        const out = await runInProcess(['import', source, '--from', from, '-n', '-f', join(dir, `dataset-${n++}.json`)]);
        expect([0, 1]).toContain(out.code);
        clean(out);
      }),
      { numRuns: 40 },
    );
  });
});

describe('parsePartialDate', () => {
  /** The rule as written in the schema: YYYY, YYYY-MM or YYYY-MM-DD, digits only. */
  const reference = (text: string) => {
    if (!/^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$/.test(text)) return undefined;
    const [year, month, day] = text.split('-').map(Number);
    return { year, ...(month === undefined ? {} : { month }), ...(day === undefined ? {} : { day }) };
  };
  const nearlyDates = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.stringMatching(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/),
    fc.tuple(fc.stringMatching(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/), fc.nat(9), fc.constantFrom('a', '/', ' ', '٣', '-', '+', '.', '0')).map(([t, i, c]) => t.slice(0, i) + c + t.slice(i + 1)),
  );

  it('reads exactly what the pattern allows, the same way', () => {
    fc.assert(
      fc.property(nearlyDates, (text) => {
        expect(parsePartialDate(text)).toEqual(reference(text));
      }),
      { numRuns: 2000 },
    );
  });
});
