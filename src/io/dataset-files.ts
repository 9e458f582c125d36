import fs from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { DataIssue, LocatedIssue } from '../core/dataset-issue.js';
import { DataError } from '../core/errors.js';
import type { HistoricalEvent } from '../core/event.js';
import { findSyntaxErrors, locateIssues } from '../core/json-location.js';
import { createDatasetValidator } from '../core/validate-dataset.js';
import { BUNDLED_DATASET } from './package-files.js';
import { resolveDatasetPaths } from './dataset-paths.js';

export { BUNDLED_DATASET, resolveDatasetPaths };

export interface LoadedDataset {
  readonly events: HistoricalEvent[];
  readonly warnings: LocatedIssue[];
  readonly files: readonly string[];
}

export interface CheckedDatasets {
  readonly events: HistoricalEvent[];
  /** Every error and warning of every file, located, in file order. */
  readonly issues: LocatedIssue[];
  readonly files: readonly string[];
}

/**
 * Files larger than this are read line by line when they are in the canonical layout (one
 * event per line, as `npm run format-data` writes them), so memory stays proportional to one
 * line rather than to the whole file. Other layouts are parsed whole.
 */
export const STREAM_THRESHOLD = 4 * 1024 * 1024;

export interface ScanOptions {
  readonly streamThreshold?: number;
}

type Validate = ReturnType<typeof createDatasetValidator>;

/**
 * Reads, parses and validates every file in order, handing each valid event to `onEvent`, and
 * returns every problem found (errors and warnings, located). Ids must be unique across files.
 */
export async function scanDatasets(
  paths: readonly string[],
  onEvent: (event: HistoricalEvent) => void,
  options: ScanOptions = {},
): Promise<LocatedIssue[]> {
  const validate = createDatasetValidator();
  const seen = new Map<string, { file: string; index: number }>();
  const issues: LocatedIssue[] = [];
  for (const file of paths) {
    const threshold = options.streamThreshold ?? STREAM_THRESHOLD;
    let size: number;
    try {
      const info = await stat(file);
      if (info.isDirectory()) {
        issues.push(fileProblem(file, 'is a directory', 'a JSON file'));
        continue;
      }
      size = info.size;
    } catch (error) {
      issues.push(fileProblem(file, readErrorText(error), 'a readable JSON file'));
      continue;
    }
    const streamed = size > threshold ? await scanLines(file, validate, seen, onEvent, issues) : false;
    if (!streamed) await scanWhole(file, validate, seen, onEvent, issues);
  }
  return issues;
}

/** Reads, parses and validates every file and reports every problem, without throwing. */
export async function checkDatasets(paths: readonly string[], options: ScanOptions = {}): Promise<CheckedDatasets> {
  const events: HistoricalEvent[] = [];
  const issues = await scanDatasets(paths, (e) => events.push(e), options);
  return { events, issues, files: paths };
}

/** Throws the DataError that reports every problem, if any of them is an error. */
export function assertNoErrors(issues: readonly LocatedIssue[]): void {
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length === 0) return;
  const files = new Set(errors.map((e) => e.file)).size;
  throw new DataError(
    `${errors.length} ${errors.length === 1 ? 'problem' : 'problems'} in ${files === 1 ? errors[0]?.file : `${files} files`}; nothing was shown`,
    issues,
    'fix the data and run again (centenary validate FILE checks a file on its own)',
  );
}

/**
 * Reads, parses and validates every file, then merges them. Nothing is half-used: if any file
 * has an error, a DataError carries every problem of every file, each located.
 */
export async function loadDatasets(paths: readonly string[], options: ScanOptions = {}): Promise<LoadedDataset> {
  const { events, issues } = await checkDatasets(paths, options);
  assertNoErrors(issues);
  return { events, warnings: issues.filter((i) => i.severity === 'warning'), files: paths };
}

/** The whole file at once: any JSON layout, exact syntax-error positions. */
async function scanWhole(
  file: string,
  validate: Validate,
  seen: Map<string, { file: string; index: number }>,
  onEvent: (event: HistoricalEvent) => void,
  issues: LocatedIssue[],
): Promise<void> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    issues.push(fileProblem(file, readErrorText(error), 'a readable JSON file'));
    return;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const syntax = findSyntaxErrors(text, file);
    issues.push(...(syntax.length > 0 ? syntax : [fileProblem(file, `invalid JSON (${(error as Error).message})`, 'a JSON document')]));
    return;
  }
  const result = validate(parsed, file);
  const local: DataIssue[] = [...result.issues];
  const valid: HistoricalEvent[] = [];
  for (const event of result.events) {
    const first = seen.get(event.id);
    if (first && first.file !== file) local.push(duplicateIssue(event, first));
    else if (!first) seen.set(event.id, { file, index: event.origin.index });
    // (a repeat inside the file was already reported by the validator)
    if (!first) valid.push(event);
  }
  issues.push(...byPosition(locateIssues(text, file, local)));
  for (const event of valid) onEvent(event);
}

const HEAD_LINE = /^\s*(\{|"\$schema"\s*:\s*"(?:[^"\\]|\\.)*"\s*,|"events"\s*:\s*\[|\{\s*"events"\s*:\s*\[)\s*$/;
const EVENTS_START = /"events"\s*:\s*\[\s*$/;
const ARRAY_END = /^\s*\]\s*$/;
const OBJECT_END = /^\s*\}\s*$/;

/**
 * The canonical layout, one event per line, read as a stream; each valid event goes to
 * `onEvent` at once, so memory stays flat. Returns false when the file turns out not to be in
 * that layout (or not to parse): the caller then reads it whole, which reports exact syntax
 * errors, and — because the ids delivered here are already in `seen` — hands on only the
 * events not delivered yet.
 */
async function scanLines(
  file: string,
  validate: Validate,
  seen: Map<string, { file: string; index: number }>,
  onEvent: (event: HistoricalEvent) => void,
  issues: LocatedIssue[],
): Promise<boolean> {
  const found: LocatedIssue[] = [];
  let state = 'head' as 'head' | 'events' | 'tail' | 'done';
  let lineNo = 0;
  let index = 0;
  let ok = true;
  let rest = '';
  const handle = (line: string): boolean => {
    lineNo++;
    if (lineNo === 1 && line.charCodeAt(0) === 0xfeff) line = line.slice(1);
    if (line.trim() === '') return true;
    if (state === 'head') {
      if (!HEAD_LINE.test(line)) return false;
      if (EVENTS_START.test(line)) state = 'events';
      return true;
    }
    if (state === 'events') {
      if (ARRAY_END.test(line)) {
        state = 'tail';
        return true;
      }
      const trimmed = line.trimEnd();
      const json = trimmed.endsWith(',') ? trimmed.slice(0, -1) : trimmed;
      let raw: unknown;
      try {
        raw = JSON.parse(json);
      } catch {
        return false;
      }
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return false;
      const result = validate({ events: [raw] }, file);
      const local: DataIssue[] = result.issues.map((i) => ({ ...i, path: ['events', index, ...i.path.slice(2)] }));
      const checked = result.events[0];
      if (checked) {
        const event: HistoricalEvent = { ...checked, id: detach(checked.id), origin: { file, index } };
        const first = seen.get(event.id);
        if (first) local.push(duplicateIssue(event, first));
        else {
          seen.set(event.id, { file, index });
          onEvent(event);
        }
      }
      if (local.length > 0) found.push(...locateInLine(json, file, lineNo, local));
      index++;
      return true;
    }
    if (state === 'tail' && OBJECT_END.test(line)) {
      state = 'done';
      return true;
    }
    return false;
  };
  const stream = fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        if (!handle(line)) {
          ok = false;
          break;
        }
      }
      if (!ok) break;
    }
    if (ok && rest !== '') ok = handle(rest);
  } catch (error) {
    issues.push(fileProblem(file, readErrorText(error), 'a readable JSON file'));
    return true;
  } finally {
    stream.destroy();
  }
  if (!ok || state !== 'done') return false;
  issues.push(...byPosition(found));
  return true;
}

/**
 * A copy of a string that shares no memory with the text it was parsed from. V8 may keep a
 * parsed string as a slice of its source — here a megabyte read buffer — so keeping one id per
 * event would keep the whole file in memory. Concatenating and slicing forces a fresh copy.
 */
function detach(text: string): string {
  return ` ${text}`.slice(1);
}

/** Issues of one event that sits alone on line `lineNo`: positions inside that line. */
function locateInLine(json: string, file: string, lineNo: number, local: readonly DataIssue[]): LocatedIssue[] {
  return local.map((issue) => {
    const [located] = locateIssues(json, file, [{ ...issue, path: issue.path.slice(2) }]);
    return { ...issue, file, line: lineNo, column: located?.column ?? 1 };
  });
}

/** Issues in reading order: by line, then column. */
function byPosition(issues: LocatedIssue[]): LocatedIssue[] {
  return issues.sort((a, b) => a.line - b.line || a.column - b.column);
}

function duplicateIssue(event: HistoricalEvent, first: { file: string; index: number }): DataIssue {
  return {
    severity: 'error',
    path: ['events', event.origin.index, 'id'],
    problem: first.file === event.origin.file ? 'duplicate id' : `duplicate id (also events[${first.index}] in ${first.file})`,
    found: JSON.stringify(event.id),
    expected: first.file === event.origin.file ? 'an id used by no other event' : 'ids unique across all files',
  };
}

function fileProblem(file: string, problem: string, expected: string): LocatedIssue {
  return { severity: 'error', path: [], problem: `cannot read the file: ${problem}`, expected, file, line: 1, column: 1 };
}

function readErrorText(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return (error as Error).message;
  }
}
