import { open, readFile } from 'node:fs/promises';
import type { LocatedIssue } from '../core/dataset-issue.js';
import type { EventWarning } from '../core/dataset-warnings.js';
import { locateIssues } from '../core/json-location.js';
import type { EventPlace } from './dataset-files.js';

/** The longest line read back to place a warning; the line reader refuses longer ones anyway. */
const MAX_LINE_BYTES = 1024 * 1024;

/** Key of an event in `places`: its file and index. */
export const placeKey = (file: string, index: number) => `${file}\u0000${index}`;

/**
 * Places warnings about validated events at their line and column. An event read line by line
 * has its place recorded (`places`): only its own line is read back, so a warning in a file of a
 * million events costs one small read, not the whole file again. Other files are read once each.
 */
export async function locateWarnings(warnings: readonly EventWarning[], places: ReadonlyMap<string, EventPlace> = new Map()): Promise<LocatedIssue[]> {
  const located: LocatedIssue[] = [];
  const whole = new Map<string, EventWarning[]>();
  const byLine = new Map<string, { warning: EventWarning; place: EventPlace }[]>();
  const add = <T>(map: Map<string, T[]>, file: string, item: T) => {
    const list = map.get(file);
    if (list) list.push(item);
    else map.set(file, [item]);
  };
  for (const warning of warnings) {
    const index = warning.path[1];
    const place = typeof index === 'number' ? places.get(placeKey(warning.file, index)) : undefined;
    if (place) add(byLine, warning.file, { warning, place });
    else add(whole, warning.file, warning);
  }
  for (const [file, list] of byLine) {
    const done = await locateOnLines(file, list);
    if (done) located.push(...done);
    else for (const { warning } of list) add(whole, file, warning);
  }
  for (const [file, list] of whole) {
    const text = await readFile(file, 'utf8').catch(() => '');
    located.push(...locateIssues(text.replace(/^\uFEFF/, ''), file, list.map(({ file: _f, ...issue }) => issue)));
  }
  return located;
}

/** Each warning placed by reading back its event's line; the file is opened once. Undefined if it cannot be read. */
async function locateOnLines(file: string, list: readonly { warning: EventWarning; place: EventPlace }[]): Promise<LocatedIssue[] | undefined> {
  let handle;
  try {
    handle = await open(file, 'r');
    const buffer = Buffer.alloc(MAX_LINE_BYTES);
    const out: LocatedIssue[] = [];
    for (const { warning, place } of list) {
      const { file: _f, ...issue } = warning;
      const { bytesRead } = await handle.read(buffer, 0, MAX_LINE_BYTES, place.offset);
      const end = buffer.subarray(0, bytesRead).indexOf(0x0a);
      const json = buffer
        .subarray(0, end < 0 ? bytesRead : end)
        .toString('utf8')
        .replace(/[ \t\r]+$/, '')
        .replace(/,$/, '');
      const [at] = locateIssues(json, file, [{ ...issue, path: issue.path.slice(2) }]);
      out.push({ ...issue, file, line: place.line, column: place.lead + (at?.column ?? 1) });
    }
    return out;
  } catch {
    return undefined;
  } finally {
    await handle?.close();
  }
}
