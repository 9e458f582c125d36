/**
 * Reading BSD calendar(1) files, the classic Unix anniversary format. Pure: the caller supplies
 * each file's text and follows the #include lines it is handed (see src/io/calendar-files.ts).
 *
 * What is understood, as calendar(1) documents it:
 *   - one entry per line: a date, a tab, the text; lines starting with a tab continue the entry;
 *   - C comments, also over several lines; other lines starting with # are comments;
 *   - #include <file> and #include "file"; #define, #undef, #ifdef, #ifndef, #else, #endif;
 *   - NAME=value lines: LANG=de_DE.UTF-8 (the file's language and character set), and new names
 *     for moving feasts (Easter=Ostern);
 *   - dates MM/DD, YYYY/MM/DD, Mon DD, DD Mon, with month names in English and in the languages
 *     of the locale files (German, French, Russian …), and a trailing * ("date varies").
 * calendar(1) keeps the year only as free text; here it is read from the text (", 1917",
 * "(1917)", "44 BC"). Entries without a year — holidays, weekday rules (May Sun+2), Easter
 * offsets, every-month dates — are not anniversaries of one day and are skipped, counted.
 */
import { MAX_YEAR, MIN_YEAR, isValidDate } from './calendar.js';
import { startsWithWeekday, monthFromName } from './month-names.js';

export type SkipReason =
  | 'no-year'
  | 'before-year-1'
  | 'recurring'
  | 'moving-feast'
  | 'unrecognised-date'
  | 'no-such-day'
  | 'not-an-entry'
  | 'include-loop'
  | 'invalid'
  | 'duplicate'
  | 'already-present';

/** What each reason means, for the import report. */
export const SKIP_REASONS: Readonly<Record<SkipReason, string>> = {
  'no-year': 'no year in the text (holidays, observances)',
  'before-year-1': `a year before 1 (BC); dates run from year ${MIN_YEAR} to ${MAX_YEAR}`,
  recurring: 'a rule that recurs (weekdays such as May Sun+2, every month, a month alone)',
  'moving-feast': 'a moving feast (Easter and offsets from it, moon phases, equinoxes)',
  'unrecognised-date': 'a date that could not be read',
  'no-such-day': 'no such day in that year (29 February of a common year, 31 April …)',
  'not-an-entry': 'a line with no tab between date and text',
  'include-loop': 'an #include that would loop back to a file being read',
  invalid: 'not a valid event (see the listed problem)',
  duplicate: 'the same entry twice in what was imported',
  'already-present': 'already in the dataset (imported before)',
};

export interface SourceLine {
  readonly file: string;
  readonly line: number;
}

export interface BsdEntry extends SourceLine {
  readonly date: string;
  readonly text: string;
}

export type BsdItem =
  | ({ readonly type: 'entry' } & BsdEntry)
  | ({ readonly type: 'include'; readonly name: string; readonly quoted: boolean } & SourceLine)
  | ({ readonly type: 'setting'; readonly name: string; readonly value: string } & SourceLine)
  | ({ readonly type: 'skip'; readonly reason: SkipReason; readonly text: string } & SourceLine);

/** State shared by a file and the files it includes, as the C preprocessor shares it. */
export interface ScanState {
  readonly defines: Set<string>;
  /** Local names of moving feasts, from lines such as Easter=Ostern. */
  readonly feastNames: Set<string>;
}

export const newScanState = (): ScanState => ({ defines: new Set(), feastNames: new Set(FEASTS.map((f) => f.toLowerCase())) });

/** calendar(1)'s special days, which move from year to year. */
const FEASTS = ['Easter', 'Paskha', 'Advent', 'ChineseNewYear', 'NewMoon', 'FullMoon', 'MarEquinox', 'SepEquinox', 'JunSolstice', 'DecSolstice'];

/** Removes C comments and keeps every line break, so line numbers stay true. */
export function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?(?:\*\/|$)/g, (comment) => comment.replace(/[^\n]/g, ''));
}

/**
 * The items of one file, in order. A generator, so that the caller can read an included file
 * (which may #define names) before the lines after the #include are judged.
 */
export function* scanCalendarText(text: string, file: string, state: ScanState): Generator<BsdItem> {
  const lines = stripComments(text.replace(/^\uFEFF/, '')).split(/\r?\n/);
  const active: boolean[] = [];
  const on = () => active.every(Boolean);
  let pending: { line: number; date: string; parts: string[] } | undefined;
  const flush = function* (): Generator<BsdItem> {
    if (pending) yield { type: 'entry', file, line: pending.line, date: pending.date, text: pending.parts.join(' ').replace(/\s+/g, ' ').trim() };
    pending = undefined;
  };
  for (const [i, raw] of lines.entries()) {
    const line = i + 1;
    const directive = /^\s*#\s*(\w+)\s*(.*?)\s*$/.exec(raw);
    if (directive) {
      const [, name = '', arg = ''] = directive;
      const word = arg.split(/\s+/)[0] ?? '';
      if (name === 'ifdef' || name === 'ifndef') active.push(name === 'ifdef' ? state.defines.has(word) : !state.defines.has(word));
      else if (name === 'else') active.push(!(active.pop() ?? true));
      else if (name === 'endif') active.pop();
      else if (!on()) continue;
      else if (name === 'define') state.defines.add(word);
      else if (name === 'undef') state.defines.delete(word);
      else if (name === 'include') {
        yield* flush();
        const target = /^(?:<([^>]+)>|"([^"]+)")/.exec(arg);
        if (target) yield { type: 'include', file, line, name: (target[1] ?? target[2] ?? '').trim(), quoted: target[2] !== undefined };
        else yield { type: 'skip', file, line, reason: 'not-an-entry', text: raw.trim() };
      }
      // Any other line starting with # is a comment.
      continue;
    }
    if (!on()) continue;
    if (raw.startsWith('\t') && raw.trim() !== '') {
      if (pending) pending.parts.push(raw.trim());
      continue;
    }
    yield* flush();
    if (raw.trim() === '') continue;
    const setting = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(raw.trim());
    if (setting && !raw.includes('\t')) {
      const [, name = '', value = ''] = setting;
      if (FEASTS.some((f) => f.toLowerCase() === name.toLowerCase()) && value.trim() !== '') state.feastNames.add(value.trim().toLowerCase());
      yield { type: 'setting', file, line, name, value: value.trim() };
      continue;
    }
    const tab = raw.indexOf('\t');
    if (tab < 0) {
      yield { type: 'skip', file, line, reason: 'not-an-entry', text: raw.trim() };
      continue;
    }
    pending = { line, date: raw.slice(0, tab).trim(), parts: [raw.slice(tab + 1)] };
  }
  yield* flush();
}

export type BsdDate = { readonly month: number; readonly day: number; readonly year?: number } | { readonly skip: SkipReason };

/** Reads the date field of an entry: a month and day (a year too for YYYY/MM/DD), or why not. */
export function parseBsdDate(field: string, state: ScanState): BsdDate {
  // A trailing "*" (date varies) is cut without a regex: `\s*\*\s*$` backtracks quadratically on a long run of spaces.
  const trimmed = field.trim();
  const date = trimmed.endsWith('*') ? trimmed.slice(0, -1).trim() : trimmed;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(date))) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if ((m = /^(\d{1,2})\/(\d{1,2})$/.exec(date))) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    // calendar(1): month/day, unless only day/month makes sense.
    return a > 12 && b <= 12 ? { month: b, day: a } : { month: a, day: b };
  }
  if (/(^|[\s/])\*($|[\s/])/.test(date) || date === '*') return { skip: 'recurring' };
  const feast = /^(\p{L}+)\s*(?:[+-]\d+)?$/u.exec(date)?.[1];
  if (feast && state.feastNames.has(feast.toLowerCase())) return { skip: 'moving-feast' };
  if ((m = /^(\p{L}+)\.?\s*(\d{1,2})\.?$/u.exec(date))) {
    const month = monthFromName(m[1] ?? '');
    if (month !== undefined) return { month, day: Number(m[2]) };
  }
  if ((m = /^(\d{1,2})\.?\s*(\p{L}+)\.?$/u.exec(date))) {
    const month = monthFromName(m[2] ?? '');
    if (month !== undefined) return { month, day: Number(m[1]) };
  }
  const parts = date.split(/[\s/]+/);
  if (parts.some((p) => startsWithWeekday(p)) || (parts.length === 1 && monthFromName(parts[0] ?? '') !== undefined)) return { skip: 'recurring' };
  return { skip: 'unrecognised-date' };
}

export interface YearInText {
  /** Negative for BC. */
  readonly year: number;
  /** The text with a closing ", 1917" or "(1917)" removed, when that is where the year was. */
  readonly rest: string;
}

/**
 * The year an entry's text gives, as calendar files write it: "Battle of Hastings, 1066",
 * "Foo is born (1917)", "Caesar assassinated, 44 BC", "in 1917". The first that matches wins,
 * in this order: a closing year, a BC year anywhere, a year after a comma or in parentheses,
 * "in/of YYYY", "AD NN".
 */
export function findYearInText(text: string): YearInText | undefined {
  const era = String.raw`(BC|B\.C\.|BCE|B\.C\.E\.|AD|A\.D\.|CE)`;
  // A closing year: "…, 1917", "… (1917)", "…, 44 BC", "… 1917." — removed from the title.
  const closing =
    new RegExp(String.raw`\s*\(\s*(\d{1,4})\s*${era}?\s*\)\s*[.!]?\s*$`, 'i').exec(text) ??
    new RegExp(String.raw`\s*,\s*(?:AD\s*|A\.D\.\s*)?(\d{1,4})\s*${era}?\s*[.!]?\s*$`, 'i').exec(text) ??
    new RegExp(String.raw`\s+(\d{1,4})\s*${era}\s*[.!]?\s*$`, 'i').exec(text) ??
    /\s+(\d{4})\s*[.!]?\s*$/.exec(text);
  if (closing && ((closing[1]?.length ?? 0) >= 3 || closing[2] !== undefined)) {
    const n = Number(closing[1]);
    if (n >= 1) {
      const bc = closing[2] !== undefined && /^B/i.test(closing[2]);
      return { year: bc ? -n : n, rest: text.slice(0, closing.index).replace(/[\s,;:–-]+$/, '') };
    }
  }
  const bc = /\b(\d{1,4})\s*(?:BC|B\.C\.|BCE|B\.C\.E\.)(?![A-Za-z])/i.exec(text);
  if (bc) return { year: -Number(bc[1]), rest: text };
  const inside =
    /(?:,\s*|\(\s*)(\d{3,4})\b(?![\d/:.,]\d)/.exec(text) ?? /\b(?:in|of|anno)\s+(\d{3,4})\b/i.exec(text) ?? /\b(?:AD|A\.D\.)\s*(\d{1,4})\b/.exec(text);
  if (inside && Number(inside[1]) >= 1) return { year: Number(inside[1]), rest: text };
  return undefined;
}

/** The kind an entry's words suggest. */
export function kindFromText(text: string): 'birth' | 'death' | undefined {
  if (/\b(born|birthday|birth of)\b/i.test(text)) return 'birth';
  if (/\b(dies|died|death of)\b/i.test(text)) return 'death';
  return undefined;
}

/** An entry marked as Old Style: "(O.S.)", "Old Style", "(Julian)". */
export function markedOldStyle(text: string): boolean {
  return /\bO\.\s?S\.|\bold style\b|\(julian\)/i.test(text);
}

export type DatedEntry = { readonly year: number; readonly month: number; readonly day: number; readonly title: string } | { readonly skip: SkipReason };

/** An entry's full date and title, or why it cannot be an event. */
export function dateEntry(entry: BsdEntry, state: ScanState, calendar: 'gregorian' | 'julian'): DatedEntry {
  const date = parseBsdDate(entry.date, state);
  if ('skip' in date) return date;
  const found = date.year !== undefined ? { year: date.year, rest: entry.text } : findYearInText(entry.text);
  if (!found) return { skip: 'no-year' };
  if (found.year < MIN_YEAR) return { skip: 'before-year-1' };
  if (found.year > MAX_YEAR || !isValidDate({ calendar, year: found.year, month: date.month, day: date.day })) return { skip: 'no-such-day' };
  return { year: found.year, month: date.month, day: date.day, title: found.rest.trim() === '' ? entry.text : found.rest };
}
