import { isUtf8 } from 'node:buffer';
import type { DataIssue, LocatedIssue } from '../core/dataset-issue.js';
import { describeValue } from '../core/dataset-issue.js';
import type { HistoricalEvent } from '../core/event.js';
import { locateIssues, positionAt } from '../core/json-location.js';
import { MAX_DEPTH, type ShapeProblem, findShapeProblems } from '../core/json-shape.js';
import type { createDatasetValidator } from '../core/validate-dataset.js';

/**
 * The canonical layout of a dataset, one event per line, read from bytes: the same reader for a
 * file streamed in order (dataset-files.ts) and for a part of a file checked in a worker thread
 * (parallel-check.ts). Lines are `{`, optionally `"$schema": "…",`, `"events": [` (or
 * `{"events": [` for both), one event per line, each but the last followed by a comma, `]`,
 * `}`, with JSON white space around them. Only JSON white space counts as space (not the
 * no-break or other spaces `\s` would accept), so that nothing passes here that JSON.parse would
 * refuse in the whole file.
 */
export type Validate = ReturnType<typeof createDatasetValidator>;

/**
 * A longer line is not one event as the canonical layout writes it; the whole-file path (with
 * its own size limit) decides. This bounds the memory of a hostile file that is one long line.
 */
export const MAX_LINE_BYTES = 1024 * 1024;

const OPEN = /^\{$/;
const OPEN_EVENTS = /^\{[ \t\r]*"events"[ \t\r]*:[ \t\r]*\[$/;
const SCHEMA = /^"\$schema"[ \t\r]*:[ \t\r]*(".*")[ \t\r]*,$/;
const EVENTS = /^"events"[ \t\r]*:[ \t\r]*\[$/;
const TRAILING_SPACE = /[ \t\r]+$/;
const SPACES = Buffer.alloc(4096, 0x20);

/** Where the grammar stands: `next` expects an event (after a comma), `after` a `]`. */
export type LayoutState = 'start' | 'head' | 'schema' | 'first' | 'next' | 'after' | 'tail' | 'done';

/** One line of content: its bytes (leading space skipped), its number, columns of space before it, and its file offset. */
export type LineHandler = (bytes: Buffer, lineNo: number, lead: number, offset: number) => boolean;

/**
 * Splits bytes into lines as they come. Space before a line's content is skipped without being
 * kept, so even a gigabyte of white space costs no memory; a line longer than MAX_LINE_BYTES
 * stops the reader. `push` and `end` return false once the handler (or the line limit) says stop.
 */
export function createLineSplitter(onLine: LineHandler, at: { readonly line: number; readonly offset: number } = { line: 1, offset: 0 }) {
  let pieces: Buffer[] = [];
  let pending = 0;
  let lead = 0;
  let atLineStart = true;
  let consumed = at.offset;
  let contentStart = at.offset;
  let lineNo = at.line;
  let stopped = false;
  return {
    get line(): number {
      return lineNo;
    },
    get lead(): number {
      return lead;
    },
    /** Whether anything but white space has been seen on the current line. */
    get midLine(): boolean {
      return !atLineStart;
    },
    push(chunk: Buffer): boolean {
      if (stopped) return false;
      let pos = 0;
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
        if (pending > MAX_LINE_BYTES) return !(stopped = true);
        if (nl < 0) break;
        const line = pieces.length === 1 ? (pieces[0] as Buffer) : Buffer.concat(pieces);
        pieces = [];
        pending = 0;
        if (!onLine(line, lineNo, lead, contentStart)) return !(stopped = true);
        lineNo++;
        lead = 0;
        atLineStart = true;
        pos = nl + 1;
      }
      // The line left unfinished is copied, so that the caller may read into `chunk` again.
      const last = pieces.length - 1;
      if (last >= 0 && pieces[last]?.buffer === chunk.buffer) pieces[last] = Buffer.from(pieces[last] as Buffer);
      consumed += chunk.length;
      return true;
    },
    /** The last line, if the bytes did not end with a line break. */
    end(): boolean {
      if (stopped) return false;
      if (pieces.length === 0) return true;
      const line = Buffer.concat(pieces);
      pieces = [];
      return onLine(line, lineNo, lead, contentStart);
    },
  };
}

/** What one event line holds once checked: the event if valid, and every problem in it, placed. */
export interface CheckedLine {
  readonly event?: HistoricalEvent;
  readonly found: LocatedIssue[];
}

/**
 * Reads lines by the layout's grammar from `state`, handing each event line (its JSON, without
 * the comma) to `onEvent`. A line that breaks the grammar — or an event line that is not one JSON
 * object — makes it return false: the file is not in the layout, and is read whole instead.
 */
export function createLayoutReader(state: LayoutState, onEvent: (json: string, lineNo: number, lead: number, offset: number) => boolean) {
  const event = (line: string, lineNo: number, lead: number, offset: number): boolean => {
    const comma = line.endsWith(',');
    if (!onEvent(comma ? line.slice(0, -1) : line, lineNo, lead, offset)) return false;
    state = comma ? 'next' : 'after';
    return true;
  };
  const handle: LineHandler = (bytes, lineNo, lead, offset) => {
    if (!isUtf8(bytes)) return false;
    let line = bytes.toString('utf8');
    const last = line.charCodeAt(line.length - 1);
    if (last === 0x20 || last === 0x09 || last === 0x0d) line = line.replace(TRAILING_SPACE, '');
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
        return event(line, lineNo, lead, offset);
      case 'next':
        return event(line, lineNo, lead, offset);
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
  return {
    handle,
    get state(): LayoutState {
      return state;
    },
  };
}

/**
 * One event line checked on its own: parsed, its shape checked (a key twice, too deep), validated,
 * and every problem placed at its line and column. `index` is the event's place in the file's
 * `events`. Undefined when the line is not one JSON object (the file is then not in the layout).
 * Ids unique across events are the caller's to check.
 */
export function checkEventLine(json: string, lineNo: number, lead: number, index: number, file: string, validate: Validate): CheckedLine | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const shape = findShapeProblems(json);
  if (shape.some((p) => p.kind === 'too-deep')) return undefined;
  const result = validate({ events: [raw] }, file);
  const found: LocatedIssue[] = [];
  for (const p of shape) {
    const at = positionAt(json, p.offset);
    found.push({ ...shapeIssue(p, file), path: ['events', index, ...p.path], line: lineNo, column: lead + at.column });
  }
  if (result.issues.length > 0) {
    const local = result.issues.map((i) => ({ ...i, path: ['events', index, ...i.path.slice(2)] }));
    found.push(...locateInLine(json, file, lineNo, lead, local));
  }
  const checked = result.events[0];
  if (!checked) return { found };
  // Made for this line alone, so changed in place rather than copied (a copy per event was
  // measurable garbage on a million lines): its own id, and its place in the file.
  const event = checked as { -readonly [K in keyof HistoricalEvent]: HistoricalEvent[K] };
  event.id = detach(event.id);
  event.origin = { file, index };
  return { event, found };
}

export function shapeIssue(problem: ShapeProblem, file: string): Omit<LocatedIssue, 'line' | 'column'> {
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

/**
 * A copy of a string that shares no memory with the text it was parsed from. V8 may keep a
 * parsed string as a slice of its source line, so keeping one id per event for the duplicate
 * check would keep every line of the file in memory. Concatenating and slicing forces a copy.
 */
function detach(text: string): string {
  return ` ${text}`.slice(1);
}

/** Issues of one event that sits alone on line `lineNo`, after `lead` columns of space: positions inside that line. */
export function locateInLine(json: string, file: string, lineNo: number, lead: number, local: readonly DataIssue[]): LocatedIssue[] {
  return local.map((issue) => {
    const [located] = locateIssues(json, file, [{ ...issue, path: issue.path.slice(2) }]);
    return { ...issue, file, line: lineNo, column: lead + (located?.column ?? 1) };
  });
}

/** An id already used, by an earlier event of this file or of a file before it. */
export function duplicateIssue(event: Pick<HistoricalEvent, 'id' | 'origin'>, first: { file: string; index: number }): DataIssue {
  return {
    severity: 'error',
    path: ['events', event.origin.index, 'id'],
    problem: first.file === event.origin.file ? 'duplicate id' : `duplicate id (also events[${first.index}] in ${first.file})`,
    found: JSON.stringify(event.id),
    expected: first.file === event.origin.file ? 'an id used by no other event' : 'ids unique across all files',
  };
}
