import { enGB } from 'date-fns/locale/en-GB';
import type { CalendarName } from './calendar.js';

/**
 * A day as sources write it: `1917-10-25`, `25 October 1917`, `25 Oct 1917 O.S.`,
 * `7 Nov 1917 N.S.`, `October 25, 1917`, and English dual-dated years, `11 February 1731/32`.
 * The numbers are kept as written; which calendar they are in is decided later (convert.ts).
 */
export interface WrittenDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** From an `O.S.` / `N.S.` (or `Old Style` / `New Style`) mark. */
  readonly marker?: CalendarName;
  readonly dualYear?: DualYear;
}

/** `1731/32`: the legal year (which began on 25 March) and the historical year (from 1 January). */
export interface DualYear {
  readonly legal: number;
  readonly historical: number;
  /** As written, e.g. "1731/32". */
  readonly text: string;
}

export type WrittenDateResult = { readonly ok: true; readonly date: WrittenDate } | { readonly ok: false; readonly problem: string };

// Month names come from the date-fns locale the renderers use: one table of month names.
const MONTH_NAMES = Array.from({ length: 12 }, (_, i) =>
  enGB.localize.month(i as never, { width: 'wide', context: 'formatting' }).toLowerCase(),
);

/** "February": the month's English name, capitalised. */
export function englishMonthName(month: number): string {
  const name = MONTH_NAMES[month - 1] ?? '?';
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** "13 March 1900", for messages; renderers do their own date words. */
export function plainDate(date: { readonly year: number; readonly month: number; readonly day: number }): string {
  return `${date.day} ${englishMonthName(date.month)} ${date.year}`;
}

/** A month from its English name or any abbreviation of at least three letters ("Sept", "Oct."). */
export function monthFromName(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return undefined;
  const index = MONTH_NAMES.findIndex((name) => name.startsWith(w));
  return index === -1 ? undefined : index + 1;
}

const MARKER = /\s*[([]?\s*(o\.?\s?s\.?|n\.?\s?s\.?|old\s+style|new\s+style)\s*[)\]]?\s*$/i;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const YEAR = String.raw`(\d{1,4})(?:\s*\/\s*(\d{1,4}))?`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const DAY_MONTH_YEAR = new RegExp(String.raw`^${DAY}\s+([a-z]+\.?),?\s+${YEAR}$`, 'i');
const MONTH_DAY_YEAR = new RegExp(String.raw`^([a-z]+\.?)\s+${DAY},?\s+${YEAR}$`, 'i');

export const WRITTEN_FORMS = 'YYYY-MM-DD, "25 October 1917", "25 Oct 1917 O.S.", "October 25, 1917" or "11 February 1731/32"';

export function parseWrittenDate(input: string): WrittenDateResult {
  let text = input.trim().replace(/\s+/g, ' ');
  let marker: CalendarName | undefined;
  const mark = MARKER.exec(text);
  if (mark && mark.index > 0) {
    marker = /^o/i.test(mark[1] ?? '') ? 'julian' : 'gregorian';
    text = text.slice(0, mark.index).trim();
  }
  const withMarker = (date: Omit<WrittenDate, 'marker'>): WrittenDateResult => ({ ok: true, date: marker ? { ...date, marker } : date });

  const iso = ISO.exec(text);
  if (iso) {
    const [, y, m, d] = iso.map(Number) as [number, number, number, number];
    return checkRanges(y, m, d) ?? withMarker({ year: y, month: m, day: d });
  }
  const dmy = DAY_MONTH_YEAR.exec(text);
  const mdy = dmy ? undefined : MONTH_DAY_YEAR.exec(text);
  const parts = dmy ? { day: dmy[1], month: dmy[2], year: dmy[3], second: dmy[4] } : mdy ? { month: mdy[1], day: mdy[2], year: mdy[3], second: mdy[4] } : undefined;
  if (!parts) return { ok: false, problem: `cannot read "${input.trim()}" as a date; write it ${WRITTEN_FORMS}` };
  const month = monthFromName(parts.month ?? '');
  if (month === undefined) return { ok: false, problem: `"${parts.month ?? ''}" is not the name of a month` };
  const day = Number(parts.day);
  const first = Number(parts.year);
  if (parts.second === undefined) return checkRanges(first, month, day) ?? withMarker({ year: first, month, day });
  const dual = parseDualYear(`${parts.year}/${parts.second}`);
  if (!dual.ok) return dual;
  const bad = checkRanges(dual.dualYear.historical, month, day);
  if (bad) return bad;
  if (month > 3 || (month === 3 && day >= 25)) {
    return {
      ok: false,
      problem: `a dual-dated year (${dual.dualYear.text}) belongs only to 1 January – 24 March, when the English legal year (begun on 25 March) was a year behind; ${day} ${englishMonthName(month)} has one year`,
    };
  }
  return withMarker({ year: dual.dualYear.historical, month, day, dualYear: dual.dualYear });
}

/** `1731/32`, `1731/2`, `1699/1700`: the second year is the first plus one, written in full or by its last digits. */
export function parseDualYear(text: string): { ok: true; dualYear: DualYear } | { ok: false; problem: string } {
  const match = /^(\d{1,4})\s*\/\s*(\d{1,4})$/.exec(text.trim());
  if (!match) return { ok: false, problem: `"${text}" is not a dual-dated year such as 1731/32` };
  const legal = Number(match[1]);
  const digits = match[2] ?? '';
  const historical = legal + 1;
  if (!String(historical).endsWith(digits) || digits.length > String(historical).length) {
    return { ok: false, problem: `in a dual-dated year the second year follows the first (${legal}/${String(historical).slice(-2)}); got "${text.trim()}"` };
  }
  return { ok: true, dualYear: { legal, historical, text: `${legal}/${digits}` } };
}

function checkRanges(year: number, month: number, day: number): WrittenDateResult | undefined {
  if (year < 1 || year > 9999) return { ok: false, problem: `the year must be between 1 and 9999; got ${year}` };
  if (month < 1 || month > 12) return { ok: false, problem: `there is no month ${month}` };
  if (day < 1 || day > 31) return { ok: false, problem: `there is no day ${day} in any month` };
  return undefined;
}
