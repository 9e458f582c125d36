import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { DataIssue, LocatedIssue } from '../core/dataset-issue.js';
import { DataError } from '../core/errors.js';
import type { HistoricalEvent } from '../core/event.js';
import { findSyntaxErrors, locateIssues, positionAt } from '../core/json-location.js';
import { type ShapeProblem, findShapeProblems } from '../core/json-shape.js';
import { type Validate, checkEventLine, createLayoutReader, createLineSplitter, duplicateIssue, locateInLine, shapeIssue } from './line-layout.js';
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
/**
 * Where a streamed event stands in its file: its line, the byte offset of its first character
 * and the columns before it — so a later warning about it can be placed by reading that one line.
 */
export interface EventPlace {
  readonly line: number;
  readonly offset: number;
  readonly lead: number;
}

export const STREAM_THRESHOLD = 4 * 1024 * 1024;

/**
 * A file read whole is held in memory several times over (bytes, text, parsed values), so a
 * larger one is refused unless it is in the canonical layout, which is read line by line.
 */
export const WHOLE_FILE_LIMIT = 128 * 1024 * 1024;

export interface ScanOptions {
  readonly streamThreshold?: number;
  readonly wholeFileLimit?: number;
  /** First place of each id, shared by a caller that checks files in several calls. */
  readonly seen?: Map<string, { file: string; index: number }>;
}


/**
 * Reads, parses and validates every file in order, handing each valid event to `onEvent`, and
 * returns every problem found (errors and warnings, located). Ids must be unique across files.
 */
export async function scanDatasets(
  paths: readonly string[],
  onEvent: (event: HistoricalEvent, where?: EventPlace) => void,
  options: ScanOptions = {},
): Promise<LocatedIssue[]> {
  const validate = createDatasetValidator();
  const seen = options.seen ?? new Map<string, { file: string; index: number }>();
  const issues: LocatedIssue[] = [];
  for (const file of paths) {
    const threshold = options.streamThreshold ?? STREAM_THRESHOLD;
    let size: number;
    let regular: boolean;
    try {
      const info = await stat(file);
      if (info.isDirectory()) {
        issues.push(fileProblem(file, 'is a directory', 'a JSON file'));
        continue;
      }
      size = info.size;
      regular = info.isFile();
    } catch (error) {
      issues.push(fileProblem(file, readErrorText(error), 'a readable JSON file'));
      continue;
    }
    const streamed = size > threshold ? await scanLines(file, validate, seen, onEvent, issues) : false;
    if (streamed) continue;
    const limit = options.wholeFileLimit ?? WHOLE_FILE_LIMIT;
    if (size > limit) issues.push(tooLarge(file, size, limit));
    else await scanWhole(file, validate, seen, onEvent, issues, regular ? undefined : limit);
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
  /** For what is not a regular file (a pipe, a device such as /dev/zero): its size is not known beforehand. */
  limit?: number,
): Promise<void> {
  let data: Buffer | undefined;
  try {
    data = limit === undefined ? await readFile(file) : await readAtMost(file, limit);
  } catch (error) {
    issues.push(fileProblem(file, readErrorText(error), 'a readable JSON file'));
    return;
  }
  if (data === undefined) {
    issues.push(tooLarge(file, undefined, limit ?? 0));
    return;
  }
  if (!isUtf8(data)) {
    issues.push(invalidUtf8(file, data));
    return;
  }
  let text = data.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    // Too deep a nesting would overflow the (recursive) syntax-error finder: say that instead.
    const deep = findShapeProblems(text).filter((p) => p.kind === 'too-deep');
    const syntax = deep.length > 0 ? shapeIssues(text, file, deep) : findSyntaxErrors(text, file);
    issues.push(...(syntax.length > 0 ? syntax : [fileProblem(file, `invalid JSON (${(error as Error).message})`, 'a JSON document')]));
    return;
  }
  const shape = findShapeProblems(text);
  if (shape.some((p) => p.kind === 'too-deep')) {
    issues.push(...shapeIssues(text, file, shape));
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
  issues.push(...byPosition([...shapeIssues(text, file, shape), ...locateIssues(text, file, local)]));
  for (const event of valid) onEvent(event);
}

/**
 * The canonical layout, one event per line, read as a stream of bytes; each valid event goes to
 * `onEvent` at once, so memory stays flat. Returns false when the file turns out not to be in
 * that layout (or not to parse, or not to be UTF-8): the caller then reads it whole, which
 * reports exact errors, and — because the ids delivered here are already in `seen` — hands on
 * only the events not delivered yet.
 */
async function scanLines(
  file: string,
  validate: Validate,
  seen: Map<string, { file: string; index: number }>,
  onEvent: (event: HistoricalEvent, where?: EventPlace) => void,
  issues: LocatedIssue[],
): Promise<boolean> {
  const found: LocatedIssue[] = [];
  let index = 0;
  const layout = createLayoutReader('start', (json, lineNo, lead, offset) => {
    const checked = checkEventLine(json, lineNo, lead, index, file, validate);
    if (!checked) return false;
    found.push(...checked.found);
    const { event } = checked;
    if (event) {
      const first = seen.get(event.id);
      if (first) found.push(...locateInLine(json, file, lineNo, lead, [duplicateIssue(event, first)]));
      else {
        seen.set(event.id, { file, index });
        onEvent(event, { line: lineNo, offset, lead });
      }
    }
    index++;
    return true;
  });
  let lines = createLineSplitter(layout.handle);
  const stream = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  let ok = true;
  let first = true;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let bytes = chunk;
      if (first) {
        first = false;
        // A byte-order mark is not content; offsets still count it.
        if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
          bytes = chunk.subarray(3);
          lines = createLineSplitter(layout.handle, { line: 1, offset: 3 });
        }
      }
      if (!(ok = lines.push(bytes))) break;
    }
    if (ok && lines.midLine) ok = lines.end();
    else if (ok && layout.state === 'start') {
      // Nothing but white space: the error reading it whole gives, without reading it whole.
      issues.push({ severity: 'error', path: [], problem: 'invalid JSON', found: 'the end of the file', expected: 'a value', file, line: lines.line, column: lines.lead + 1 });
      return true;
    }
  } catch (error) {
    issues.push(fileProblem(file, readErrorText(error), 'a readable JSON file'));
    return true;
  } finally {
    stream.destroy();
  }
  if (!ok || layout.state !== 'done') return false;
  issues.push(...byPosition(found));
  return true;
}

/** Shape problems placed in the text; one pass, as the problems come in text order. */
function shapeIssues(text: string, file: string, problems: readonly ShapeProblem[]): LocatedIssue[] {
  let line = 1;
  let lineStart = 0;
  let from = 0;
  return problems.map((p) => {
    for (let i = text.indexOf('\n', from); i !== -1 && i < p.offset; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    from = lineStart;
    return { ...shapeIssue(p, file), line, column: p.offset - lineStart + 1 };
  });
}

/** The first byte that is not UTF-8, located as an editor shows it (the text before it is valid). */
function invalidUtf8(file: string, data: Buffer): LocatedIssue {
  const at = firstInvalidUtf8(data);
  let before = data.subarray(0, at).toString('utf8');
  if (before.charCodeAt(0) === 0xfeff) before = before.slice(1);
  const byte = data[at] ?? 0;
  return {
    severity: 'error',
    path: [],
    problem: 'not valid UTF-8 text',
    found: `the byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')}`,
    expected: 'a file saved as UTF-8 (convert it, e.g. iconv -f LATIN1 -t UTF-8)',
    file,
    ...positionAt(before, before.length),
  };
}

/** Offset of the first byte that does not begin a well-formed UTF-8 sequence (RFC 3629 §4). */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i] ?? 0;
    if (c < 0x80) {
      i++;
      continue;
    }
    const need = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    if (need === 0 || i + need >= b.length) return i;
    for (let k = 1; k <= need; k++) if (((b[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    const c1 = b[i + 1] ?? 0;
    if ((c === 0xe0 && c1 < 0xa0) || (c === 0xed && c1 > 0x9f) || (c === 0xf0 && c1 < 0x90) || (c === 0xf4 && c1 > 0x8f)) return i;
    i += need + 1;
  }
  return b.length;
}

/** Issues in reading order: by line, then column. */
function byPosition(issues: LocatedIssue[]): LocatedIssue[] {
  return issues.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** The whole content, or undefined as soon as it passes `limit` bytes. */
async function readAtMost(file: string, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let total = 0;
  const stream = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > limit) return undefined;
      chunks.push(chunk);
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks, total);
}

function tooLarge(file: string, size: number | undefined, limit: number): LocatedIssue {
  const mb = (n: number) => `${Math.ceil(n / (1024 * 1024))} MB`;
  return {
    severity: 'error',
    path: [],
    problem: size === undefined ? `too large to read whole (more than ${mb(limit)}, and not a regular file)` : `too large to read whole (${mb(size)}, and not one event per line throughout)`,
    expected: `at most ${mb(limit)}, or the layout npm run format-data writes (one event per line), which is read line by line`,
    file,
    line: 1,
    column: 1,
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
