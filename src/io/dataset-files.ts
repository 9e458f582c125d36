import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { type DataIssue, type LocatedIssue, describeValue } from '../core/dataset-issue.js';
import { DataError } from '../core/errors.js';
import type { HistoricalEvent } from '../core/event.js';
import { findSyntaxErrors, locateIssues, positionAt } from '../core/json-location.js';
import { MAX_DEPTH, type ShapeProblem, findShapeProblems } from '../core/json-shape.js';
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
}

type Validate = ReturnType<typeof createDatasetValidator>;

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
  const seen = new Map<string, { file: string; index: number }>();
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
 * Lines of the canonical layout, in order (leading and trailing JSON white space removed first):
 * `{`, optionally `"$schema": "…",`, `"events": [` (or `{"events": [` for both), one event per
 * line, each but the last followed by a comma, `]`, `}`. Only JSON white space counts as space
 * (not the no-break or other spaces `\s` would accept), so that nothing passes here that
 * JSON.parse would refuse in the whole file.
 */
const OPEN = /^\{$/;
const OPEN_EVENTS = /^\{[ \t\r]*"events"[ \t\r]*:[ \t\r]*\[$/;
const SCHEMA = /^"\$schema"[ \t\r]*:[ \t\r]*(".*")[ \t\r]*,$/;
const EVENTS = /^"events"[ \t\r]*:[ \t\r]*\[$/;
const TRAILING_SPACE = /[ \t\r]+$/;
const SPACES = Buffer.alloc(4096, 0x20);

/**
 * A longer line is not one event as the canonical layout writes it; the whole-file path (with
 * its own size limit) decides. This bounds the memory of a hostile file that is one long line.
 */
export const MAX_LINE_BYTES = 1024 * 1024;

/**
 * The canonical layout, one event per line, read as a stream of bytes; each valid event goes to
 * `onEvent` at once, so memory stays flat. Returns false when the file turns out not to be in
 * that layout (or not to parse, or not to be UTF-8): the caller then reads it whole, which
 * reports exact errors, and — because the ids delivered here are already in `seen` — hands on
 * only the events not delivered yet. Space before a line's content is skipped without being
 * kept, so even a gigabyte of white space costs no memory.
 */
async function scanLines(
  file: string,
  validate: Validate,
  seen: Map<string, { file: string; index: number }>,
  onEvent: (event: HistoricalEvent, where?: EventPlace) => void,
  issues: LocatedIssue[],
): Promise<boolean> {
  const found: LocatedIssue[] = [];
  let state = 'start' as 'start' | 'head' | 'schema' | 'first' | 'next' | 'after' | 'tail' | 'done';
  let lineNo = 1;
  let index = 0;
  const event = (line: string, lead: number): boolean => {
    let json = line;
    const comma = json.endsWith(',');
    if (comma) json = json.slice(0, -1);
    let raw: unknown;
    try {
      raw = JSON.parse(json);
    } catch {
      return false;
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return false;
    const shape = findShapeProblems(json);
    if (shape.some((p) => p.kind === 'too-deep')) return false;
    const local: DataIssue[] = [];
    const result = validate({ events: [raw] }, file);
    local.push(...result.issues.map((i) => ({ ...i, path: ['events', index, ...i.path.slice(2)] })));
    const checked = result.events[0];
    if (checked) {
      const event: HistoricalEvent = { ...checked, id: detach(checked.id), origin: { file, index } };
      const first = seen.get(event.id);
      if (first) local.push(duplicateIssue(event, first));
      else {
        seen.set(event.id, { file, index });
        onEvent(event, { line: lineNo, offset: contentStart, lead });
      }
    }
    for (const p of shape) {
      const at = positionAt(json, p.offset);
      found.push({ ...shapeIssue(p, file), path: ['events', index, ...p.path], line: lineNo, column: lead + at.column });
    }
    if (local.length > 0) found.push(...locateInLine(json, file, lineNo, lead, local));
    index++;
    state = comma ? 'next' : 'after';
    return true;
  };
  const handle = (bytes: Buffer, lead: number): boolean => {
    if (!isUtf8(bytes)) return false;
    const line = bytes.toString('utf8').replace(TRAILING_SPACE, '');
    switch (state) {
      case 'start':
        if (OPEN_EVENTS.test(line)) state = 'first';
        else if (OPEN.test(line)) state = 'head';
        else return false;
        return true;
      case 'head':
      case 'schema': {
        if (EVENTS.test(line)) {
          state = 'first';
          return true;
        }
        const schema = state === 'head' ? SCHEMA.exec(line) : null;
        if (!schema) return false;
        try {
          if (typeof JSON.parse(schema[1] ?? '') !== 'string') return false;
        } catch {
          return false;
        }
        state = 'schema';
        return true;
      }
      case 'first':
        if (line === ']') {
          state = 'tail';
          return true;
        }
        return event(line, lead);
      case 'next':
        return event(line, lead);
      case 'after':
        if (line !== ']') return false;
        state = 'tail';
        return true;
      case 'tail':
        if (line !== '}') return false;
        state = 'done';
        return true;
      case 'done':
        return false;
    }
  };
  const stream = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  let ok = true;
  let first = true;
  let pieces: Buffer[] = [];
  let pending = 0;
  let lead = 0;
  let atLineStart = true;
  let consumed = 0;
  let contentStart = 0;
  try {
    read: for await (const chunk of stream as AsyncIterable<Buffer>) {
      let pos = 0;
      if (first) {
        first = false;
        if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) pos = 3;
      }
      while (pos < chunk.length) {
        if (atLineStart) {
          // Runs of spaces compared a block at a time (a hostile file may be a gigabyte of them).
          while (pos + SPACES.length <= chunk.length && SPACES.equals(chunk.subarray(pos, pos + SPACES.length))) {
            pos += SPACES.length;
            lead += SPACES.length;
          }
          for (let b = chunk[pos]; b === 0x20 || b === 0x09 || b === 0x0d; b = chunk[++pos]) lead++;
          if (pos >= chunk.length) break;
          if (chunk[pos] === 0x0a) {
            lineNo++;
            lead = 0;
            pos++;
            continue;
          }
          atLineStart = false;
          contentStart = consumed + pos;
        }
        const nl = chunk.indexOf(0x0a, pos);
        const end = nl < 0 ? chunk.length : nl;
        pieces.push(chunk.subarray(pos, end));
        pending += end - pos;
        if (pending > MAX_LINE_BYTES) {
          ok = false;
          break read;
        }
        if (nl < 0) break;
        const line = pieces.length === 1 ? (pieces[0] as Buffer) : Buffer.concat(pieces);
        pieces = [];
        pending = 0;
        if (!handle(line, lead)) {
          ok = false;
          break read;
        }
        lineNo++;
        lead = 0;
        atLineStart = true;
        pos = nl + 1;
      }
      consumed += chunk.length;
    }
    if (ok && pieces.length > 0) ok = handle(Buffer.concat(pieces), lead);
    else if (ok && state === 'start') {
      // Nothing but white space: the error reading it whole gives, without reading it whole.
      issues.push({ severity: 'error', path: [], problem: 'invalid JSON', found: 'the end of the file', expected: 'a value', file, line: lineNo, column: lead + 1 });
      return true;
    }
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

function shapeIssue(problem: ShapeProblem, file: string): Omit<LocatedIssue, 'line' | 'column'> {
  return problem.kind === 'too-deep'
    ? { severity: 'error', path: problem.path, problem: `nested more than ${MAX_DEPTH} levels deep`, expected: 'a dataset (five levels: the file, events, an event, sources, a source)', file }
    : {
        severity: 'error',
        path: problem.path,
        problem: 'the same key twice in one object (JSON keeps only the last)',
        found: describeValue(problem.key ?? ''),
        expected: 'each key once',
        atKey: true,
        file,
      };
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

/**
 * A copy of a string that shares no memory with the text it was parsed from. V8 may keep a
 * parsed string as a slice of its source line, so keeping one id per event for the duplicate
 * check would keep every line of the file in memory. Concatenating and slicing forces a copy.
 */
function detach(text: string): string {
  return ` ${text}`.slice(1);
}

/** Issues of one event that sits alone on line `lineNo`, after `lead` columns of space: positions inside that line. */
function locateInLine(json: string, file: string, lineNo: number, lead: number, local: readonly DataIssue[]): LocatedIssue[] {
  return local.map((issue) => {
    const [located] = locateIssues(json, file, [{ ...issue, path: issue.path.slice(2) }]);
    return { ...issue, file, line: lineNo, column: lead + (located?.column ?? 1) };
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
