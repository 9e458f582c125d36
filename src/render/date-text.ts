import type { Locale } from 'date-fns';
import { type CalendarDate, type Weekday, convertDate, weekdayOf } from '../core/calendar.js';
import type { PartialDate } from '../core/partial-date.js';

/**
 * Month and weekday names, date order and grammar come from a date-fns locale (its own long-date
 * patterns, read token by token); the dates themselves never become `Date`s, which cannot hold
 * an Old Style date nor a year below 100.
 */
export interface DateWords {
  readonly locale: Locale;
  /** How the language marks an Old Style date: "25 October O.S."; English when absent. */
  readonly oldStyle?: (date: string) => string;
  /** The day of the month as the language writes it in a date ("1er" in French). */
  readonly dayNumber?: (day: number) => string;
}

export function monthName(words: DateWords, month: number, context: 'formatting' | 'standalone' = 'formatting'): string {
  return words.locale.localize.month((month - 1) as never, { width: 'wide', context });
}

export function weekdayName(words: DateWords, weekday: Weekday): string {
  return words.locale.localize.day(weekday, { width: 'wide', context: 'formatting' });
}

export type Token = { readonly kind: 'field'; readonly text: string } | { readonly kind: 'literal'; readonly text: string };

const isLetter = (c: string | undefined) => c !== undefined && ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'));

/**
 * Where the quoted literal opening at `open` closes, or -1: quotes inside come in pairs (`''`, a
 * quote), and of the places it could close, the last before an unpaired quote (as the greedy
 * pattern `'((?:[^']|'')*)'` would match).
 */
function closingQuote(pattern: string, open: number): number {
  let close = -1;
  for (let i = open + 1; i < pattern.length; i++) {
    if (pattern[i] !== "'") continue;
    let end = i;
    while (pattern[end + 1] === "'") end++;
    // A run of an odd number of quotes closes at its last; an even one may close at its last but
    // one, or be all pairs and go on.
    if ((end - i) % 2 === 0) return end;
    close = end - 1;
    i = end;
  }
  return close;
}

/**
 * Splits a date-fns/Unicode date pattern such as `EEEE, d 'de' MMMM 'de' y` into fields and
 * literals, character by character: this runs on every query, where a regular expression would
 * first have to be compiled.
 */
export function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    let end = i + 1;
    if (c === "'") {
      const close = closingQuote(pattern, i);
      if (close >= 0) {
        const text = pattern.slice(i + 1, close);
        tokens.push({ kind: 'literal', text: text === '' ? "'" : text.split("''").join("'") });
        end = close + 1;
      }
      // An unclosed quote is dropped.
    } else if (c === 'd' && pattern[i + 1] === 'o') {
      // `do` (German "26.") is the one field made of two letters.
      tokens.push({ kind: 'field', text: 'do' });
      end = i + 2;
    } else if (isLetter(c)) {
      while (pattern[end] === c) end++;
      tokens.push({ kind: 'field', text: pattern.slice(i, end) });
    } else {
      while (end < pattern.length && pattern[end] !== "'" && !isLetter(pattern[end])) end++;
      tokens.push({ kind: 'literal', text: pattern.slice(i, end) });
    }
    i = end;
  }
  return tokens;
}

/** A field is one letter repeated (or `do`): its first letter says what it is. */
const fieldIs = (t: Token, ...letters: string[]) => t.kind === 'field' && letters.includes(t.text[0] ?? '');

const isYear = (t: Token) => fieldIs(t, 'y', 'Y');

/** The locale's long date without its year: "d MMMM y 'г.'" → "d MMMM" (with the literals around the year). */
function withoutYear(tokens: readonly Token[]): Token[] {
  const at = tokens.findIndex(isYear);
  if (at < 0) return [...tokens];
  let from = at;
  while (from > 0 && tokens[from - 1]?.kind === 'literal') from--;
  let to = at + 1;
  // A year at the end takes its trailing literals ("'г.'") with it; a year in front, the ones after it.
  if (tokens.slice(to).every((t) => t.kind === 'literal')) to = tokens.length;
  else if (from === 0) while (to < tokens.length && tokens[to]?.kind === 'literal') to++;
  return [...tokens.slice(0, from), ...tokens.slice(to)];
}

function dayText(words: DateWords, day: number, field: string): string {
  if (field === 'do') return words.locale.localize.ordinalNumber(day, { unit: 'date' });
  return words.dayNumber ? words.dayNumber(day) : String(day);
}

/** Writes `date` with the locale's pattern; `days` replaces the day field (for ranges: "6–8"). */
function formatTokens(words: DateWords, tokens: readonly Token[], date: CalendarDate, days?: (field: string) => string): string {
  return tokens
    .map((t) => {
      if (t.kind === 'literal') return t.text;
      if (fieldIs(t, 'E')) return weekdayName(words, weekdayOf(date));
      if (fieldIs(t, 'M')) return monthName(words, date.month);
      if (isYear(t)) return String(date.year);
      if (t.text === 'd' || t.text === 'do') return days ? days(t.text) : dayText(words, date.day, t.text);
      return t.text;
    })
    .join('');
}

function pattern(words: DateWords, withWeekday: boolean): Token[] {
  return tokenize(words.locale.formatLong?.date({ width: withWeekday ? 'full' : 'long' }) ?? 'd MMMM y');
}

/** "26 November 1926", or "Friday, 26 November 1926" with the weekday; "26. November 1926", "26 ноября 1926 г.". */
export function longDate(words: DateWords, date: CalendarDate, withWeekday = false): string {
  return formatTokens(words, pattern(words, withWeekday), date);
}

/** "6–8 November 1917", "30 October – 2 November 1917", "30 December 1926 – 2 January 1927". */
export function dateRange(words: DateWords, start: CalendarDate, end: CalendarDate | undefined, withYear = true): string {
  const long = pattern(words, false);
  const tokens = withYear ? long : withoutYear(long);
  if (!end) return formatTokens(words, tokens, start);
  if (start.year === end.year && start.month === end.month) {
    return formatTokens(words, tokens, end, (field) => `${dayText(words, start.day, field)}–${dayText(words, end.day, field)}`);
  }
  if (start.year === end.year) return `${formatTokens(words, withoutYear(long), start)} – ${formatTokens(words, tokens, end)}`;
  return `${formatTokens(words, long, start)} – ${formatTokens(words, long, end)}`;
}

/** "25 October O.S." in the words' language. */
function oldStyleText(words: DateWords, date: string): string {
  return words.oldStyle ? words.oldStyle(date) : `${date} O.S.`;
}

/**
 * A Gregorian date or range with its Old Style reading, as the blog wrote it:
 * "7 November 1917 (25 October O.S.)"; the O.S. year is given only when it differs.
 */
export function dualDate(words: DateWords, start: CalendarDate, end: CalendarDate | undefined, oldStyle: boolean): string {
  const newStyle = dateRange(words, start, end);
  if (!oldStyle) return newStyle;
  const jStart = convertDate(start, 'julian');
  const jEnd = end ? convertDate(end, 'julian') : undefined;
  const sameYears = jStart.year === start.year && (jEnd?.year ?? jStart.year) === (end?.year ?? start.year);
  return `${newStyle} (${oldStyleText(words, dateRange(words, jStart, jEnd, !sameYears))})`;
}

/** "Friday, 26 November 1926 (13 November O.S.)" */
export function dualDayHeading(words: DateWords, date: CalendarDate, oldStyle: boolean): string {
  const text = longDate(words, date, true);
  if (!oldStyle) return text;
  const j = convertDate(date, 'julian');
  return `${text} (${oldStyleText(words, dateRange(words, j, undefined, j.year !== date.year))})`;
}

/** "November 1926", "1926" for dates known only that far. */
export function partialDateText(words: DateWords, date: PartialDate): string {
  if (date.month === undefined) return String(date.year);
  return `${capitalise(monthName(words, date.month, 'standalone'))} ${date.year}`;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
