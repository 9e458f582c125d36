/** A path into a JSON document: `['events', 12, 'date']` prints as `events[12].date`. */
export type JsonPath = readonly (string | number)[];

export type Severity = 'error' | 'warning';

/** One problem found in a dataset, before it is tied to a file position. */
export interface DataIssue {
  readonly severity: Severity;
  readonly path: JsonPath;
  /** What was wrong, in a few words. */
  readonly problem: string;
  readonly found?: string;
  readonly expected?: string;
  /** Point at the key rather than the value (an unknown or duplicated field). */
  readonly atKey?: boolean;
}

/** An issue placed in its file: 1-based line and column. */
export interface LocatedIssue extends DataIssue {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export function formatJsonPath(path: JsonPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (segment.length <= 60 && /^[A-Za-z_$][\w$]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    // A hostile key can be megabytes long: show its start, as describeValue does.
    else out += `[${segment.length > 60 ? describeValue(segment) : JSON.stringify(segment)}]`;
  }
  return out === '' ? '(top level)' : out;
}

/** `file:line:col: path: problem; found X, expected Y` — one line per issue. */
export function formatIssue(issue: LocatedIssue): string {
  const parts = [`${issue.file}:${issue.line}:${issue.column}`, `${issue.severity}`, formatJsonPath(issue.path)];
  let text = `${parts.join(': ')}: ${issue.problem}`;
  if (issue.found !== undefined) text += `; found ${issue.found}`;
  if (issue.expected !== undefined) text += `, expected ${issue.expected}`;
  return text;
}

/** A short, printable description of any JSON value, for "found …". */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string': {
      if (value === '') return 'an empty string';
      const shown = value.length > 60 ? `${value.slice(0, 57)}…` : value;
      return JSON.stringify(shown);
    }
    case 'number':
    case 'boolean':
      return String(value);
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}
