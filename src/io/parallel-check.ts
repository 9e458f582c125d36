import { closeSync, openSync, readSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LocatedIssue } from '../core/dataset-issue.js';
import type { EventWarning, SameTitleCheck } from '../core/dataset-warnings.js';
import type { PartResult, PartTask } from './check-worker.js';
import type { EventPlace } from './dataset-files.js';
import { placeKey } from './locate-in-file.js';
import { MAX_LINE_BYTES, duplicateIssue } from './line-layout.js';
import { PACKAGE_ROOT } from './package-files.js';

/** Below this a file is checked in one thread: starting workers would cost more than they save. */
export const PARALLEL_THRESHOLD = 32 * 1024 * 1024;

/** How many threads check a file at once: one per core, up to eight. */
export function checkThreads(): number {
  return Math.min(8, availableParallelism());
}

/** The checks that need every event before: kept by the caller across all its files, in order. */
export interface OrderedChecks {
  /** First place of each id. */
  readonly seen: Map<string, { file: string; index: number }>;
  readonly sameTitle: SameTitleCheck;
}

export interface ParallelCheck {
  /** How many parts the file was cut into. */
  readonly parts: number;
  readonly events: number;
  /** Problems found within events, placed. */
  readonly found: LocatedIssue[];
  /** Problems found across events (duplicate ids, the same title twice) and of single events, to place with `places`. */
  readonly unplaced: EventWarning[];
  readonly places: Map<string, EventPlace>;
}

/**
 * Checks one file in the canonical layout (one event per line) in parallel: the file is cut into
 * parts at line breaks, and a pool of worker threads parses and validates them, each worker taking
 * the next part when it is done with one, while this thread runs the checks across events
 * (duplicate ids, the same title on the same day) in file order, exactly as a single thread
 * reading the file would — each part as soon as it and the parts before it are done. Undefined
 * when the file is not in that layout after all (or a part cannot be read): what this call added
 * to `ordered` is then taken back, and the caller checks the file in one thread, which explains why.
 */
export async function checkInParallel(file: string, size: number, todayJd: number, threads: number, ordered: OrderedChecks): Promise<ParallelCheck | undefined> {
  const parts = cutAtLines(file, size, Math.max(threads * PARTS_PER_THREAD, Math.ceil(size / PART_BYTES)));
  if (!parts) return undefined;
  const worker = join(PACKAGE_ROOT, 'dist', 'check-worker.js');
  const running: Worker[] = [];
  const settle = parts.map(() => ({}) as { resolve: (r: PartResult) => void; reject: (e: unknown) => void });
  const results = settle.map((s) => new Promise<PartResult>((resolve, reject) => Object.assign(s, { resolve, reject })));
  // A part not waited for (the check given up at an earlier one) must not fail unhandled.
  for (const result of results) result.catch(() => undefined);
  let next = 0;
  const give = (thread: Worker) => {
    const k = next++;
    if (k >= parts.length) return;
    const [start, end] = parts[k] ?? [0, 0];
    const task: PartTask = { k, file, start, end, state: k === 0 ? 'start' : 'next', todayJd };
    thread.postMessage(task);
  };
  for (let t = 0; t < Math.min(threads, parts.length); t++) {
    // A larger young generation than a worker's default: parsing makes many short-lived objects.
    const thread = new Worker(worker, { resourceLimits: { maxYoungGenerationSizeMb: 64 } });
    running.push(thread);
    thread.on('message', (r: PartResult) => {
      settle[r.k]?.resolve(r);
      give(thread);
    });
    // A thread that fails or stops fails every part not yet done; the check is then given up.
    const fail = (error: unknown) => {
      for (const s of settle) s.reject(error);
    };
    thread.once('error', fail);
    thread.once('exit', (code) => fail(new Error(`a checking thread stopped (exit ${code})`)));
    give(thread);
  }
  // What this call added to the checks across events, to take back if it gives up.
  const added = { ids: [] as string[], keys: [] as string[] };
  const giveUp = () => {
    for (const id of added.ids) ordered.seen.delete(id);
    for (const key of added.keys) ordered.sameTitle.forget(key);
    return undefined;
  };
  const found: LocatedIssue[] = [];
  const unplaced: EventWarning[] = [];
  const places = new Map<string, EventPlace>();
  let lineBase = 0;
  let indexBase = 0;
  let events = 0;
  try {
    for (let k = 0; k < parts.length; k++) {
      let r: PartResult;
      try {
        r = await (results[k] as Promise<PartResult>);
      } catch {
        return giveUp();
      }
      // Each part must end where the next begins in the grammar: after an event and its comma,
      // and the last at the closing brace.
      if (!r.ok || r.state !== (k === parts.length - 1 ? 'done' : 'next')) return giveUp();
      const shift = <T extends { readonly path: readonly (string | number)[] }>(issue: T): T =>
        issue.path[0] === 'events' && typeof issue.path[1] === 'number' ? { ...issue, path: ['events', issue.path[1] + indexBase, ...issue.path.slice(2)] } : issue;
      for (const issue of r.found) found.push({ ...shift(issue), line: issue.line + lineBase });
      const warnings = new Map<number, EventWarning[]>();
      for (const w of r.warnings) {
        const i = w.path[1] as number;
        warnings.set(i, [...(warnings.get(i) ?? []), shift(w)]);
      }
      for (let n = 0; n < r.ids.length; n++) {
        const id = r.ids[n] ?? '';
        const index = (r.indexes[n] ?? 0) + indexBase;
        const first = ordered.seen.get(id);
        let repeated: EventWarning | undefined;
        let own: EventWarning[] | undefined;
        if (first) {
          repeated = { ...duplicateIssue({ id, origin: { file, index } }, first), file };
        } else {
          // Nothing made per event that is not kept: this loop runs a million times after the workers.
          const at = { file, index };
          ordered.seen.set(id, at);
          added.ids.push(id);
          events++;
          const key = r.keys[n] ?? '';
          repeated = ordered.sameTitle(key, { id, title: r.titles[n] ?? '', origin: at });
          if (!repeated) added.keys.push(key);
          own = warnings.get(index - indexBase);
        }
        if (repeated || own) {
          if (repeated) unplaced.push(repeated);
          if (own) unplaced.push(...own);
          places.set(placeKey(file, index), { line: (r.places[n * 3] ?? 0) + lineBase, offset: r.places[n * 3 + 1] ?? 0, lead: r.places[n * 3 + 2] ?? 0 });
        }
      }
      lineBase += r.lines;
      indexBase += r.events;
    }
  } finally {
    // Threads still checking parts no longer wanted (after giving up) are stopped.
    for (const thread of running) void thread.terminate();
  }
  return { parts: parts.length, events, found, unplaced, places };
}

/**
 * Parts per thread at least, and the largest part: small parts keep every thread busy to the end
 * and leave this thread little to merge after the last (with one part per thread, it merged half
 * the events after the workers were done: a second of a million-event check).
 */
const PARTS_PER_THREAD = 4;
const PART_BYTES = 16 * 1024 * 1024;

/**
 * Byte ranges of whole lines, about `parts` of them (fewer in a small file, where two cuts may
 * find the same line break); undefined if a cut finds no line break nearby.
 */
function cutAtLines(file: string, size: number, parts: number): [number, number][] | undefined {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(3);
    readSync(fd, head, 0, 3, 0);
    // A byte-order mark is not content; offsets still count it.
    const cuts = [head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0];
    const probe = Buffer.alloc(MAX_LINE_BYTES);
    for (let k = 1; k < parts; k++) {
      const from = Math.floor((k / parts) * size);
      if (from <= (cuts[cuts.length - 1] ?? 0)) continue;
      const read = readSync(fd, probe, 0, probe.length, from);
      const nl = probe.subarray(0, read).indexOf(0x0a);
      if (nl < 0) return undefined;
      const cut = from + nl + 1;
      if (cut >= size) break;
      cuts.push(cut);
    }
    return cuts.map((start, k) => [start, cuts[k + 1] ?? size]);
  } finally {
    closeSync(fd);
  }
}
