import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import type { LocatedIssue } from '../core/dataset-issue.js';
import { type EventWarning, eventSuspicions } from '../core/dataset-warnings.js';
import { createDatasetValidator } from '../core/validate-dataset.js';
import { type LayoutState, checkEventLine, createLayoutReader, createLineSplitter } from './line-layout.js';

/** A part of a dataset file to check: whole lines, from `start` to `end` (bytes). */
export interface PartTask {
  /** Which part of the file, counted from 0: the result says it again. */
  readonly k: number;
  readonly file: string;
  readonly start: number;
  readonly end: number;
  /** `start` for the first part; `next` (an event expected) for the others. */
  readonly state: LayoutState;
  readonly todayJd: number;
}

/**
 * What a part holds, numbered from its own start (line 1, event 0): the checked events in
 * columns (only what the checks across the whole file need), and the problems found in them.
 */
export interface PartResult {
  readonly k: number;
  readonly ok: boolean;
  readonly state: LayoutState;
  /** Lines in the part (every line ends with a line break, except perhaps the file's last). */
  readonly lines: number;
  /** Event lines in the part, valid or not. */
  readonly events: number;
  readonly ids: string[];
  readonly indexes: number[];
  readonly keys: string[];
  readonly titles: string[];
  readonly places: number[];
  readonly found: LocatedIssue[];
  readonly warnings: EventWarning[];
}

const CHUNK = 1 << 20;

/** Checks one part of a file in the canonical layout; see parallel-check.ts. */
export function checkPart(task: PartTask): PartResult {
  const validate = createDatasetValidator();
  const result = { ids: [] as string[], indexes: [] as number[], keys: [] as string[], titles: [] as string[], places: [] as number[], found: [] as LocatedIssue[], warnings: [] as EventWarning[] };
  let index = 0;
  const layout = createLayoutReader(task.state, (json, lineNo, lead, offset) => {
    const checked = checkEventLine(json, lineNo, lead, index, task.file, validate);
    if (!checked) return false;
    result.found.push(...checked.found);
    if (checked.event) {
      const { key, warnings } = eventSuspicions(checked.event, task.todayJd);
      result.ids.push(checked.event.id);
      result.indexes.push(index);
      result.keys.push(key);
      result.titles.push(checked.event.title);
      result.places.push(lineNo, offset, lead);
      result.warnings.push(...warnings);
    }
    index++;
    return true;
  });
  const lines = createLineSplitter(layout.handle, { line: 1, offset: task.start });
  const fd = openSync(task.file, 'r');
  let ok = true;
  try {
    // One buffer for every read (the splitter keeps no view of it): a fresh megabyte per read
    // cost a page fault per 4 kB, some 140,000 of them for a file of a million events.
    const buffer = Buffer.allocUnsafe(Math.min(CHUNK, task.end - task.start));
    for (let at = task.start; at < task.end && ok; ) {
      const read = readSync(fd, buffer, 0, Math.min(buffer.length, task.end - at), at);
      if (read === 0) break;
      ok = lines.push(buffer.subarray(0, read));
      at += read;
    }
    if (ok && lines.midLine) ok = lines.end();
  } finally {
    closeSync(fd);
  }
  return { k: task.k, ok, state: layout.state, lines: lines.line - 1, events: index, ...result };
}

// A thread of the pool (parallel-check.ts): one part after another, until it is stopped.
const port = parentPort;
port?.on('message', (task: PartTask) => port.postMessage(checkPart(task)));
