import { readFile, stat } from 'node:fs/promises';
import type { DataIssue, LocatedIssue } from '../core/dataset-issue.js';
import { DataError } from '../core/errors.js';
import type { HistoricalEvent } from '../core/event.js';
import { findSyntaxErrors, locateIssues } from '../core/json-location.js';
import { createDatasetValidator, findDuplicateIds } from '../core/validate-dataset.js';

import { BUNDLED_DATASET } from './package-files.js';

export { BUNDLED_DATASET };

/** --file wins, then $CENTENARY_EVENTS (several paths separated by the platform's path delimiter), then the bundled file. */
export function resolveDatasetPaths(files: readonly string[], env: Readonly<Record<string, string | undefined>>): string[] {
  if (files.length > 0) return [...files];
  const fromEnv = env['CENTENARY_EVENTS'];
  if (fromEnv !== undefined && fromEnv.trim() !== '') {
    return fromEnv.split(process.platform === 'win32' ? ';' : ':').filter((p) => p !== '');
  }
  return [BUNDLED_DATASET];
}

export interface LoadedDataset {
  readonly events: HistoricalEvent[];
  readonly warnings: LocatedIssue[];
  readonly files: readonly string[];
}

interface FileResult {
  readonly file: string;
  readonly text?: string;
  readonly events: HistoricalEvent[];
  readonly issues: LocatedIssue[];
}

export interface CheckedDatasets {
  readonly events: HistoricalEvent[];
  /** Every error and warning of every file, located, in file order. */
  readonly issues: LocatedIssue[];
  readonly files: readonly string[];
}

/** Reads, parses and validates every file and reports every problem, without throwing. */
export async function checkDatasets(paths: readonly string[]): Promise<CheckedDatasets> {
  const validate = createDatasetValidator();
  const results = await Promise.all(paths.map((p) => loadOne(p, validate)));
  const events = results.flatMap((r) => r.events);
  const issues = results.flatMap((r) => r.issues);
  issues.push(...crossFileDuplicates(results, events));
  return { events, issues, files: paths };
}

/**
 * Reads, parses and validates every file, then merges them. Nothing is half-used: if any file
 * has an error, a DataError carries every problem of every file, each located.
 */
export async function loadDatasets(paths: readonly string[]): Promise<LoadedDataset> {
  const { events, issues } = await checkDatasets(paths);
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) {
    const files = new Set(errors.map((e) => e.file)).size;
    throw new DataError(
      `${errors.length} ${errors.length === 1 ? 'problem' : 'problems'} in ${files === 1 ? errors[0]?.file : `${files} files`}; nothing was shown`,
      issues,
      'fix the data and run again (centenary validate FILE checks a file on its own)',
    );
  }
  return { events, warnings: issues.filter((i) => i.severity === 'warning'), files: paths };
}

async function loadOne(file: string, validate: ReturnType<typeof createDatasetValidator>): Promise<FileResult> {
  let text: string;
  try {
    const info = await stat(file);
    if (info.isDirectory()) return fileProblem(file, 'is a directory', 'a JSON file');
    text = await readFile(file, 'utf8');
  } catch (error) {
    return fileProblem(file, readErrorText(error), 'a readable JSON file');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const syntax = findSyntaxErrors(text, file);
    if (syntax.length > 0) return { file, text, events: [], issues: syntax };
    return fileProblem(file, `invalid JSON (${(error as Error).message})`, 'a JSON document');
  }
  const { events, issues } = validate(parsed, file);
  return { file, text, events, issues: locateIssues(text, file, issues) };
}

function fileProblem(file: string, problem: string, expected: string): FileResult {
  return { file, events: [], issues: [{ severity: 'error', path: [], problem: `cannot read the file: ${problem}`, expected, file, line: 1, column: 1 }] };
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

/** The same id in two files: reported in the later file, naming the earlier one. */
function crossFileDuplicates(results: readonly FileResult[], events: readonly HistoricalEvent[]): LocatedIssue[] {
  const out: LocatedIssue[] = [];
  for (const { event, first } of findDuplicateIds(events)) {
    if (event.origin.file === first.origin.file) continue;
    const text = results.find((r) => r.file === event.origin.file)?.text ?? '';
    const issue: DataIssue = {
      severity: 'error',
      path: ['events', event.origin.index, 'id'],
      problem: `duplicate id (also events[${first.origin.index}] in ${first.origin.file})`,
      found: JSON.stringify(event.id),
      expected: 'ids unique across all files',
    };
    out.push(...locateIssues(text, event.origin.file, [issue]));
  }
  return out;
}
