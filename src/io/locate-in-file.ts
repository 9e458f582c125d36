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
  const byFile = new Map<string, EventWarning[]>();
  for (const w of warnings) {
    const index = w.path[1];
    const place = typeof index === 'number' ? places.get(placeKey(w.file, index)) : undefined;
    const one = place ? await locateOnLine(w, place) : undefined;
    if (one) {
      located.push(one);
      continue;
    }
    const list = byFile.get(w.file);
    if (list) list.push(w);
    else byFile.set(w.file, [w]);
  }
  for (const [file, list] of byFile) {
    const text = await readFile(file, 'utf8').catch(() => '');
    located.push(...locateIssues(text.replace(/^\uFEFF/, ''), file, list.map(({ file: _f, ...issue }) => issue)));
  }
  return located;
}

async function locateOnLine(warning: EventWarning, place: EventPlace): Promise<LocatedIssue | undefined> {
  const { file, ...issue } = warning;
  let handle;
  try {
    handle = await open(file, 'r');
    const buffer = Buffer.alloc(MAX_LINE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, MAX_LINE_BYTES, place.offset);
    const end = buffer.subarray(0, bytesRead).indexOf(0x0a);
    const json = buffer
      .subarray(0, end < 0 ? bytesRead : end)
      .toString('utf8')
      .replace(/[ \t\r]+$/, '')
      .replace(/,$/, '');
    const [at] = locateIssues(json, file, [{ ...issue, path: issue.path.slice(2) }]);
    return { ...issue, file, line: place.line, column: place.lead + (at?.column ?? 1) };
  } catch {
    return undefined;
  } finally {
    await handle?.close();
  }
}
