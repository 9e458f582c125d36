import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/core/dataset-issue.js';
import { serializeDataset } from '../../src/core/dataset-text.js';
import { type EventWarning, createSuspicionCheck } from '../../src/core/dataset-warnings.js';
import { type EventPlace, scanDatasets } from '../../src/io/dataset-files.js';
import { locateWarnings, placeKey } from '../../src/io/locate-in-file.js';

describe('placing warnings about streamed events', () => {
  it('reading back only the event’s own line gives the same line and column as reading the whole file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'centenary-locate-')), 'events.json');
    const source = [{ title: 'A source', url: 'https://example.org/a' }];
    writeFileSync(
      file,
      serializeDataset([
        { id: 'a', date: '1926-11-26', title: 'Łódź treaty signed', sources: source },
        { id: 'b', date: '1926-11-26', title: 'ŁÓDŹ TREATY SIGNED', summary: 'Ünïcode before the title’s twin.', sources: source },
        { id: 'c', date: '2999-01-01', title: 'From the future', sources: source },
        { id: 'd', date: '1926-11-27', title: 'Nobody can check this' },
      ]),
    );
    const check = createSuspicionCheck({ calendar: 'gregorian', year: 2026, month: 11, day: 26 });
    const warnings: EventWarning[] = [];
    const places = new Map<string, EventPlace>();
    await scanDatasets(
      [file],
      (event, where) => {
        const found = check(event);
        warnings.push(...found);
        if (found.length > 0 && where) places.set(placeKey(event.origin.file, event.origin.index), where);
      },
      { streamThreshold: 0 },
    );
    expect(places.size).toBe(3);
    const byLine = (await locateWarnings(warnings, places)).map(formatIssue);
    const byWholeFile = (await locateWarnings(warnings)).map(formatIssue);
    expect(byLine).toEqual(byWholeFile);
    expect(byLine).toHaveLength(3);
    expect(byLine[0]).toMatch(/events\.json:5:\d+: warning: events\[1\]\.title: the same title on the same day as events\[0\]/);
  });
});
