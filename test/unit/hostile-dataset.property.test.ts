import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { formatIssue } from '../../src/core/dataset-issue.js';
import { serializeDataset } from '../../src/core/dataset-text.js';
import { findShapeProblems } from '../../src/core/json-shape.js';
import { type CheckedDatasets, checkDatasets } from '../../src/io/dataset-files.js';
import { runInProcess } from '../helpers.js';

// The bundled CLI compiles the schema ahead of time, once; the sources compile it per call
// (~20 ms). Compiling it once here, as the bundle does, keeps hundreds of runs fast.
vi.mock('../../src/core/schema-check.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/core/schema-check.js')>();
  let compiled: ReturnType<typeof original.compileSchemaCheck> | undefined;
  return { compileSchemaCheck: () => (compiled ??= original.compileSchemaCheck()) };
});

/**
 * The dataset loader against anything a file can hold: arbitrary JSON values, arbitrary text,
 * arbitrary bytes, and canonical files damaged line by line. It must never throw, every issue
 * must be located, and the two ways of reading a file (whole, and line by line for large files
 * in the canonical layout) must give the same result.
 */
const dir = mkdtempSync(join(tmpdir(), 'centenary-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let serial = 0;
const write = (content: string | Uint8Array) => {
  const file = join(dir, `d${serial++}.json`);
  writeFileSync(file, content);
  return file;
};

const WHOLE = { streamThreshold: Number.MAX_SAFE_INTEGER };
const LINES = { streamThreshold: 0 };

function expectSame(whole: CheckedDatasets, lines: CheckedDatasets): void {
  expect(lines.issues.map(formatIssue)).toEqual(whole.issues.map(formatIssue));
  for (const issue of whole.issues) {
    expect(issue.line).toBeGreaterThanOrEqual(1);
    expect(issue.column).toBeGreaterThanOrEqual(1);
  }
  // With an error the data is refused anyway; without, both give the same events.
  if (!whole.issues.some((i) => i.severity === 'error')) {
    expect([...lines.events].sort((a, b) => a.origin.index - b.origin.index)).toEqual(whole.events);
  }
}

async function bothWays(content: string | Uint8Array): Promise<CheckedDatasets> {
  const file = write(content);
  const whole = await checkDatasets([file], WHOLE);
  const lines = await checkDatasets([file], LINES);
  expectSame(whole, lines);
  return whole;
}

/** Text that has broken parsers and terminals. */
const NASTY = ['\u0000', '\u001b[2J', '\u009b31m', '\u202e', '\u2028', '\u00a0', '\ufeff', '\ud800', '</script>', ']]>', '\r\n', '"', '\\', '__proto__', 'constructor', 'é', '😀'];
const nastyText = fc.array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 6 }).map((p) => p.join(''));

const FIELDS = ['id', 'date', 'end', 'calendar', 'dualYear', 'title', 'summary', 'place', 'country', 'kind', 'tags', 'sources', 'note', '__proto__', 'constructor', 'prototype', 'toString'];
const DATES = ['1926-11-26', '1917-10-25', '1900-02-29', '1926-02-30', '1926', '1926-11', '0000-01-01', '9999-12-31', '10000-01-01', '1926-1-1', ''];
const fieldValue = fc.oneof(
  fc.constantFrom(...DATES),
  nastyText,
  fc.constantFrom('gregorian', 'julian', 'local', 'GB', 'RU', 'event', '1731/32'),
  fc.jsonValue({ maxDepth: 3 }),
);
/** Events that are nearly right: known fields with plausible or hostile values. */
const eventish = fc.oneof(
  fc.record({ id: fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/), date: fc.constantFrom(...DATES), title: nastyText }, { requiredKeys: ['id', 'date'] }),
  fc.dictionary(fc.constantFrom(...FIELDS), fieldValue, { maxKeys: 6 }),
  fc.jsonValue({ maxDepth: 2 }),
);

describe('the dataset loader, for any input', () => {
  it('any JSON value as the file: located issues or events, the same both ways', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), fc.boolean(), async (value, pretty) => {
        await bothWays(JSON.stringify(value, null, pretty ? 2 : undefined) ?? 'null');
      }),
      { numRuns: 200 },
    );
  });

  it('any list of nearly-right events in the canonical layout: the same both ways', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(eventish, { maxLength: 8 }), async (events) => {
        const raw = events.map((e) => (typeof e === 'object' && e !== null && !Array.isArray(e) ? e : { value: e }));
        await bothWays(serializeDataset(raw as Record<string, unknown>[]));
      }),
      { numRuns: 200 },
    );
  });

  it('a canonical file damaged line by line: the same both ways', async () => {
    const base = serializeDataset([
      { id: 'a', date: '1926-11-26', title: 'One' },
      { id: 'b', date: '1926-11-27', title: 'Two', sources: [{ title: 'S', url: 'https://example.org/' }] },
      { id: 'c', date: '1917-10-25', calendar: 'julian', title: 'Three' },
    ]).split('\n');
    const damage = fc.oneof(
      fc.record({ at: fc.nat(), op: fc.constant('drop' as const) }),
      fc.record({ at: fc.nat(), op: fc.constant('repeat' as const) }),
      fc.record({ at: fc.nat(), op: fc.constant('insert' as const), text: fc.oneof(nastyText, fc.constantFrom('{', '}', '[', ']', ',', '  ', '\u00a0', '\ufeff', '"events": [', '{"events": [', '"$schema": "x",', '"$schema": "\\x",')) }),
      fc.record({ at: fc.nat(), op: fc.constant('replace' as const), text: nastyText }),
      fc.record({ at: fc.nat(), op: fc.constant('comma' as const) }),
      fc.record({ at: fc.nat(), op: fc.constant('dupkey' as const) }),
      fc.record({ at: fc.nat(), op: fc.constant('indent' as const), text: fc.constantFrom('\t', '\r', ' ', '\u00a0', '\u2028', '\u3000') }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(damage, { minLength: 1, maxLength: 4 }), fc.boolean(), async (damages, crlf) => {
        const lines = [...base];
        for (const d of damages) {
          const at = d.at % lines.length;
          const line = lines[at] ?? '';
          if (d.op === 'drop') lines.splice(at, 1);
          else if (d.op === 'repeat') lines.splice(at, 0, line);
          else if (d.op === 'insert') lines.splice(at, 0, d.text);
          else if (d.op === 'replace') lines[at] = d.text;
          else if (d.op === 'comma') lines[at] = line.endsWith(',') ? line.slice(0, -1) : `${line},`;
          else if (d.op === 'dupkey') lines[at] = line.replace('"title":', '"title":"again","title":');
          else lines[at] = `${d.text}${line}`;
        }
        await bothWays(lines.join(crlf ? '\r\n' : '\n'));
      }),
      { numRuns: 500 },
    );
  });

  it('any text or bytes as the file: located issues, the same both ways', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.uint8Array({ maxLength: 200 }), nastyText), async (content) => {
        await bothWays(content);
      }),
      { numRuns: 200 },
    );
  });

  it('the shape check never recurses and finds every repeated key', () => {
    fc.assert(
      fc.property(fc.nat({ max: 200_000 }), (depth) => {
        const text = `${'['.repeat(depth)}${']'.repeat(depth)}`;
        expect(findShapeProblems(text).map((p) => p.kind)).toEqual(depth > 64 ? ['too-deep'] : []);
      }),
      { numRuns: 30 },
    );
    expect(findShapeProblems('{"a":1,"b":{"a":2,"\\u0061":3},"a":[{"x":1,"x":2}]}')).toEqual([
      { offset: 18, path: ['b', 'a'], kind: 'duplicate-key', key: 'a' },
      { offset: 30, path: ['a'], kind: 'duplicate-key', key: 'a' },
      { offset: 42, path: ['a', 0, 'x'], kind: 'duplicate-key', key: 'x' },
    ]);
  });
});

describe('the query, for any file content', () => {
  it('exits 0 or 1 with a located message, never a stack trace or an escape sequence', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 120 }), nastyText, fc.array(eventish, { maxLength: 3 }).map((e) => JSON.stringify({ events: e }))), async (content) => {
        const file = write(content);
        const { stdout, stderr, code } = await runInProcess(['--date', '2026-11-26', '--no-cache', '-f', file]);
        expect([0, 1]).toContain(code);
        expect(stderr).not.toMatch(/\n\s+at |unexpected error/);
        expect(`${stdout}${stderr}`).not.toMatch(/[\u001b\u009b\u202e]/);
        if (code === 1) expect(stderr).toMatch(/\.json:\d+:\d+: error: /);
      }),
      { numRuns: 60 },
    );
  });
});
