import { readFile } from 'node:fs/promises';
import { DataError, FileError } from '../core/errors.js';
import type { HistoricalEvent } from '../core/event.js';
import { findSyntaxErrors, locateIssues } from '../core/json-location.js';
import { createDatasetValidator } from '../core/validate-dataset.js';
import { fileErrorReason, writeFileAtomically } from './atomic-file.js';
import { checkDatasets } from './dataset-files.js';
import { withFileLock } from './file-lock.js';

/** The dataset file as it is now: absent, or its text and its validated events. */
export interface CurrentDataset {
  readonly text?: string;
  readonly events: readonly HistoricalEvent[];
}

/**
 * Changes a dataset file safely: under the file's lock, reads it fresh, refuses a file that has
 * errors, lets `change` compute the new text (undefined: nothing to change), checks that new text
 * is a valid dataset, and writes it atomically. With `dryRun` nothing is written.
 * Returns whether the file was (or, dry, would be) changed.
 */
export async function updateDatasetFile(
  path: string,
  change: (current: CurrentDataset) => string | undefined,
  options: { readonly dryRun?: boolean } = {},
): Promise<boolean> {
  return withFileLock(path, async () => {
    let text: string | undefined;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') throw new FileError(`cannot read ${path}: ${fileErrorReason(error)}`, 'check the path and its permissions');
    }
    let events: readonly HistoricalEvent[] = [];
    if (text !== undefined) {
      const checked = await checkDatasets([path]);
      const errors = checked.issues.filter((i) => i.severity === 'error');
      if (errors.length > 0) {
        throw new DataError(`${path} has ${errors.length} ${errors.length === 1 ? 'problem' : 'problems'}; nothing was changed`, errors, `fix it first (centenary validate ${path})`);
      }
      events = checked.events;
    }
    const next = change(text === undefined ? { events } : { text, events });
    if (next === undefined || next === text) return false;
    assertValid(next, path);
    if (!options.dryRun) await writeFileAtomically(path, next);
    return true;
  });
}

/** A last check before writing: the new text must be a dataset without errors. */
function assertValid(text: string, path: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new DataError(`the new content of ${path} would not be valid JSON; nothing was changed`, findSyntaxErrors(text, path), 'please report this');
  }
  const { issues } = createDatasetValidator()(parsed, path);
  const errors = locateIssues(text, path, issues).filter((i) => i.severity === 'error');
  if (errors.length > 0) {
    throw new DataError(`the new content of ${path} would have ${errors.length} problems; nothing was changed`, errors, 'fix the values given');
  }
}
