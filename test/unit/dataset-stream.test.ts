import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/core/dataset-issue.js';
import { serializeDataset } from '../../src/core/dataset-text.js';
import { checkDatasets } from '../../src/io/dataset-files.js';
import { fixture } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'centenary-stream-'));

/** The same file read whole and read line by line must give the same events and the same located issues. */
async function bothWays(file: string) {
  const whole = await checkDatasets([file], { streamThreshold: Number.MAX_SAFE_INTEGER });
  const lines = await checkDatasets([file], { streamThreshold: 0 });
  return { whole, lines };
}

function canonical(name: string): string {
  const data = JSON.parse(readFileSync(fixture(name), 'utf8')) as { events: Record<string, unknown>[] };
  const file = join(dir, name);
  writeFileSync(file, serializeDataset(data.events));
  return file;
}

describe('reading a large file line by line', () => {
  it.each(['julian-os.json', 'leap-day.json', 'invalid-bad-month.json', 'hostile-text.json'])('gives exactly what reading %s whole gives', async (name) => {
    const { whole, lines } = await bothWays(canonical(name));
    expect(lines.events).toEqual(whole.events);
    expect(lines.issues.map(formatIssue)).toEqual(whole.issues.map(formatIssue));
  });

  it('falls back to reading whole for other layouts and for syntax errors', async () => {
    const layout = await bothWays(fixture('julian-os.json'));
    expect(layout.lines).toEqual(layout.whole);
    // A file with a syntax error yields no usable events either way (callers refuse it); the
    // errors reported are the same.
    const broken = await bothWays(fixture('invalid-syntax.json'));
    expect(broken.lines.issues).toEqual(broken.whole.issues);
  });

  it('hands on each event once when a file leaves the canonical layout half way', async () => {
    const data = JSON.parse(readFileSync(fixture('julian-os.json'), 'utf8')) as { events: Record<string, unknown>[] };
    const text = serializeDataset(data.events).replace(/\n(\s+\{"id":"armistice")/, '\n\n$1').replace('{"id":"armistice"', '{\n"id":"armistice"');
    const file = join(dir, 'half-canonical.json');
    writeFileSync(file, text);
    const { whole, lines } = await bothWays(file);
    expect(lines.events.map((e) => e.id).sort()).toEqual(whole.events.map((e) => e.id).sort());
    expect(lines.issues).toEqual([]);
  });

  it('reports duplicate ids across files the same way', async () => {
    const a = canonical('julian-os.json');
    const b = join(dir, 'copy.json');
    writeFileSync(b, readFileSync(a));
    const whole = await checkDatasets([a, b], { streamThreshold: Number.MAX_SAFE_INTEGER });
    const lines = await checkDatasets([a, b], { streamThreshold: 0 });
    expect(lines.issues.map(formatIssue)).toEqual(whole.issues.map(formatIssue));
    expect(whole.issues[0]?.problem).toMatch(/^duplicate id \(also events\[0\] in .*julian-os\.json\)$/);
  });
});
