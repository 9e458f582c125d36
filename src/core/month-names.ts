import { foldText } from './fold-text.js';
import { LOCALES } from './locales.js';

/**
 * Month names as people write them in anniversary files, in every known locale: full and
 * abbreviated, in the formatting and the stand-alone forms (Russian "января" and "январь"),
 * with or without the abbreviation's dot, plus the first three letters of each full name as
 * calendar(1) accepts them. A spelling that would mean two different months is left out.
 * Keys are folded (see foldText): "März", "marz" and "MÄR" all find March.
 */
function buildMonthTable(): ReadonlyMap<string, number> {
  const table = new Map<string, number>();
  const ambiguous = new Set<string>();
  const add = (name: string, month: number) => {
    const key = foldText(name).replace(/\.$/, '').trim();
    if (key === '' || ambiguous.has(key)) return;
    const seen = table.get(key);
    if (seen === undefined) table.set(key, month);
    else if (seen !== month) {
      table.delete(key);
      ambiguous.add(key);
    }
  };
  for (const locale of Object.values(LOCALES)) {
    for (let m = 0; m < 12; m++) {
      for (const width of ['wide', 'abbreviated'] as const) {
        for (const context of ['formatting', 'standalone'] as const) {
          const name = locale.localize.month(m as never, { width, context });
          add(name, m + 1);
          if (width === 'wide') add([...foldText(name)].slice(0, 3).join(''), m + 1);
        }
      }
    }
  }
  return table;
}

const MONTHS = buildMonthTable();

/** 1–12 for a month name in any known locale, else undefined. */
export function monthFromName(name: string): number | undefined {
  return MONTHS.get(foldText(name).replace(/\.$/, '').trim());
}

function buildWeekdaySet(): ReadonlySet<string> {
  const names = new Set<string>();
  for (const locale of Object.values(LOCALES)) {
    for (let d = 0; d < 7; d++) {
      for (const width of ['wide', 'abbreviated', 'short'] as const) {
        names.add(foldText(locale.localize.day(d as never, { width })).replace(/\.$/, ''));
      }
    }
  }
  return names;
}

const WEEKDAYS = buildWeekdaySet();

/** True when the text starts with a weekday name in a known locale ("Sun", "SunLast", "Montag+2"). */
export function startsWithWeekday(text: string): boolean {
  const word = /^\p{L}+/u.exec(text)?.[0];
  if (!word) return false;
  const folded = foldText(word);
  if (WEEKDAYS.has(folded)) return true;
  // calendar(1) writes rules as the abbreviation glued to an ordinal: SunFirst, MonLast, Sun+2.
  return [...WEEKDAYS].some((w) => w.length >= 3 && folded.startsWith(w) && /^(first|second|third|fourth|fifth|last)$/.test(folded.slice(w.length)));
}
