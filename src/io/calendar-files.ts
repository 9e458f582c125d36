import { readFile, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join } from 'node:path';
import { type BsdEntry, type ScanState, type SkipReason, type SourceLine, newScanState, scanCalendarText } from '../core/bsd-calendar.js';
import type { LocatedIssue } from '../core/dataset-issue.js';

export interface ReadCalendar {
  readonly entries: readonly BsdEntry[];
  readonly skipped: readonly (SourceLine & { readonly reason: SkipReason; readonly text: string })[];
  /** Errors that stop the import: an unreadable file, an #include that is nowhere to be found. */
  readonly errors: readonly LocatedIssue[];
  /** Every file read, in the order first read. */
  readonly files: readonly string[];
  readonly state: ScanState;
}

/**
 * Where `#include <name>` is looked for, after the including file's own directory and any
 * `--include-dir`: the user's ~/.calendar, then the system's calendar directories, as
 * calendar(1) searches them (FreeBSD: /usr/local/share/calendar, /usr/share/calendar).
 */
export function standardIncludePath(env: Readonly<Record<string, string | undefined>>): string[] {
  const home = env['HOME'];
  return [...(home ? [join(home, '.calendar')] : []), '/usr/local/share/calendar', '/usr/share/calendar'];
}

/**
 * The text of a calendar file. Files are UTF-8 today; older ones are in the character set their
 * LANG= line names (de_DE.ISO8859-1, ru_RU.KOI8-R), which is used when the bytes are not UTF-8.
 */
export function decodeCalendarBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const latin = new TextDecoder('latin1').decode(bytes);
    const charset = /^LANG=[^.\s]*\.([A-Za-z0-9_-]+)/m.exec(latin)?.[1]?.toLowerCase().replace(/^iso8859/, 'iso-8859');
    if (charset) {
      try {
        return new TextDecoder(charset).decode(bytes);
      } catch {
        // An unknown character set: Latin-1 keeps every byte.
      }
    }
    return latin;
  }
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() === true;
}

/** Reads a calendar file and, depth first, every file it includes. */
export async function readBsdCalendar(path: string, options: { readonly includeDirs: readonly string[]; readonly env: Readonly<Record<string, string | undefined>> }): Promise<ReadCalendar> {
  const state = newScanState();
  const entries: BsdEntry[] = [];
  const skipped: (SourceLine & { reason: SkipReason; text: string })[] = [];
  const errors: LocatedIssue[] = [];
  const files: string[] = [];
  const done = new Set<string>();
  const searchPath = [...options.includeDirs, ...standardIncludePath(options.env)];

  const readOne = async (file: string, stack: readonly string[], from?: SourceLine): Promise<void> => {
    let bytes: Uint8Array;
    let real: string;
    try {
      real = await realpath(file);
      bytes = await readFile(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
      errors.push({ severity: 'error', path: from ? ['include'] : [], problem: `cannot read ${file}: ${why}`, expected: 'a readable calendar file', file: from?.file ?? file, line: from?.line ?? 1, column: 1 });
      return;
    }
    if (stack.includes(real)) {
      skipped.push({ file: from?.file ?? file, line: from?.line ?? 1, reason: 'include-loop', text: `#include of ${file}` });
      return;
    }
    // A file included a second time (not a loop) adds nothing new: each is read once.
    if (done.has(real)) return;
    done.add(real);
    files.push(file);
    for (const item of scanCalendarText(decodeCalendarBytes(bytes), file, state)) {
      if (item.type === 'entry') entries.push(item);
      else if (item.type === 'skip') skipped.push(item);
      else if (item.type === 'include') {
        const found = await findInclude(item.name, dirname(file), searchPath);
        if (found) await readOne(found, [...stack, real], item);
        else {
          errors.push({
            severity: 'error',
            path: ['include'],
            problem: `${item.name} not found`,
            expected: `a file in ${[dirname(file), ...searchPath].join(', ')} (add a directory with --include-dir)`,
            file: item.file,
            line: item.line,
            column: 1,
          });
        }
      }
    }
  };
  await readOne(path, []);
  return { entries, skipped, errors, files, state };
}

async function findInclude(name: string, here: string, searchPath: readonly string[]): Promise<string | undefined> {
  if (isAbsolute(name)) return (await isFile(name)) ? name : undefined;
  // "name" and <name> alike are looked for next to the including file first, then on the path.
  for (const dir of [here, ...searchPath]) {
    const candidate = join(dir, name);
    if (await isFile(candidate)) return candidate;
  }
  return undefined;
}
