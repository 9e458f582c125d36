import { readFile } from 'node:fs/promises';
import type { LocatedIssue } from '../core/dataset-issue.js';
import type { EventWarning } from '../core/dataset-warnings.js';
import { locateIssues } from '../core/json-location.js';

/** Places warnings about validated events at their line and column; each file is read once. */
export async function locateWarnings(warnings: readonly EventWarning[]): Promise<LocatedIssue[]> {
  const byFile = new Map<string, EventWarning[]>();
  for (const w of warnings) {
    const list = byFile.get(w.file);
    if (list) list.push(w);
    else byFile.set(w.file, [w]);
  }
  const located = await Promise.all(
    [...byFile].map(async ([file, list]) => {
      const text = await readFile(file, 'utf8').catch(() => '');
      return locateIssues(text.replace(/^\uFEFF/, ''), file, list.map(({ file: _f, ...issue }) => issue));
    }),
  );
  return located.flat();
}
