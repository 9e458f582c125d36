import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssue, formatJsonPath } from '../../src/core/dataset-issue.js';
import { findSyntaxErrors, locateIssues, positionAt } from '../../src/core/json-location.js';
import { createDatasetValidator } from '../../src/core/validate-dataset.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const validate = createDatasetValidator();

function check(name: string) {
  const text = fixture(name);
  const { events, issues } = validate(JSON.parse(text), name);
  return { events, issues: locateIssues(text, name, issues) };
}

describe('dataset validation', () => {
  it('accepts Old Style events and dates known to the month or year', () => {
    const { events, issues } = check('julian-os.json');
    expect(issues).toEqual([]);
    expect(events).toHaveLength(5);
    expect(events[0]).toMatchObject({ calendar: 'julian', date: { year: 1917, month: 10, day: 24 }, end: { year: 1917, month: 10, day: 26 }, kind: 'event' });
    expect(events[3]?.date).toEqual({ year: 1917, month: 11 });
  });

  it('knows 1900-02-29 exists in the Julian calendar only', () => {
    const { issues } = check('leap-day.json');
    expect(issues).toEqual([]);
  });

  it('reports every problem at once, each with its line, column, path, finding and expectation', () => {
    const { issues } = check('invalid-bad-month.json');
    const lines = issues.map(formatIssue);
    expect(lines).toEqual(
      expect.arrayContaining([
        'invalid-bad-month.json:4:30: error: events[1].date: no such day in the gregorian calendar: there is no month 13; found "1926-13-01", expected a real gregorian date',
        'invalid-bad-month.json:5:27: error: events[2].date: no such day in the gregorian calendar: month 2 of 1917 has 28 days; found "1917-02-30", expected a real gregorian date',
        expect.stringMatching(/^invalid-bad-month\.json:6:\d+: error: events\[3\]\.date: .*1900 is not a leap year in the gregorian calendar \(it is in the julian calendar\)/),
        expect.stringMatching(/^invalid-bad-month\.json:7:\d+: error: events\[4\]\.end: the event ends before it begins; found "1926-11-20"/),
        expect.stringMatching(/^invalid-bad-month\.json:8:\d+: error: events\[5\]\.id: duplicate id; found "ok"/),
        expect.stringMatching(/^invalid-bad-month\.json:9:5: error: events\[6\]: missing field "id"/),
        expect.stringMatching(/^invalid-bad-month\.json:9:\d+: error: events\[6\]\.title: wrong type; found 42, expected a string/),
        expect.stringMatching(/^invalid-bad-month\.json:9:\d+: error: events\[6\]\.colour: unknown field "colour", expected one of id, date/),
        expect.stringMatching(/events\[7\]\.date: badly written; found "26\/11\/1926", expected a date written YYYY-MM-DD/),
        expect.stringMatching(/events\[7\]\.calendar: not an allowed value; found "mayan", expected "gregorian" or "julian"/),
        expect.stringMatching(/events\[7\]\.country: badly written; found "Russia", expected an ISO 3166-1 alpha-2 code/),
      ]),
    );
    expect(issues).toHaveLength(11);
  });

  it('an event refused for its shape still has an impossible date reported, in the same run', () => {
    const { issues } = validate({ events: [{ id: 'x', date: '1917-02-30' }] }, 'x.json');
    expect(issues.map((i) => `${i.path.join('.')}: ${i.problem}`)).toEqual([
      'events.0: missing field "title"',
      'events.0.date: no such day in the gregorian calendar: month 2 of 1917 has 28 days',
    ]);
  });

  it('locates syntax errors', () => {
    const errors = findSyntaxErrors(fixture('invalid-syntax.json'), 'x.json');
    expect(errors[0]).toMatchObject({ line: 4, column: 38, problem: 'invalid JSON', expected: 'a comma' });
  });

  it('rejects a document that is not an object with events', () => {
    expect(validate([], 'x').issues[0]).toMatchObject({ problem: 'wrong type', expected: 'an object' });
    expect(validate({}, 'x').issues[0]).toMatchObject({ problem: 'missing field "events"' });
  });
});

describe('positions and paths', () => {
  it.each([
    ['abc', 0, { line: 1, column: 1 }],
    ['a\nbc', 3, { line: 2, column: 2 }],
    ['a\n\nb', 3, { line: 3, column: 1 }],
  ])('positionAt(%j, %i)', (text, offset, position) => {
    expect(positionAt(text, offset)).toEqual(position);
  });

  it.each([
    [['events', 12, 'date'], 'events[12].date'],
    [[], '(top level)'],
    [['events', 0, 'a b'], 'events[0]["a b"]'],
  ] as const)('formatJsonPath(%j)', (path, text) => {
    expect(formatJsonPath(path)).toBe(text);
  });
});
