import { type CalendarDate, type CalendarName, fromJulianDay, isValidDate, toJulianDay } from './calendar.js';
import type { Source } from './event.js';

/**
 * When each country changed from the Julian (or another) calendar to the Gregorian: the one
 * table of that fact. It holds at least every country `ncal -p` lists (FreeBSD/Debian ncal.c),
 * with ncal's own date recorded where historians disagree with it; `disputed` says what is
 * disputed and which source was followed. Dates are ISO `YYYY-MM-DD`: `lastJulian` in the
 * Julian calendar, `firstGregorian` in the Gregorian; a test checks that the one follows the other.
 */
export interface CountryReform {
  /** ISO 3166-1 alpha-2 code (or the historical code ncal uses: SU, YU; LN for "Latin"). */
  readonly code: string;
  readonly name: string;
  /** What was in force before the switch: the Julian calendar, or a lunisolar one centenary cannot read. */
  readonly before: 'julian' | 'lunisolar';
  /** Last day of the Julian calendar (Julian date); absent when the country did not come from it. */
  readonly lastJulian?: string;
  /** First day of the Gregorian calendar (Gregorian date); absent when it never switched. */
  readonly firstGregorian?: string;
  /**
   * The legal year began on this day (25 March, Lady Day) until the end of `until`; dates from
   * 1 January to 24 March were then often written with both years, "11 February 1731/32".
   */
  readonly yearStart?: { readonly month: number; readonly day: number; readonly until: number };
  /** What ncal says, where it differs from this table. */
  readonly ncal?: { readonly code?: string; readonly lastJulian?: string };
  /** Why the date is disputed or regional, and which source this table follows. */
  readonly disputed?: string;
  readonly source: Source;
}

const LIST: Source = {
  title: 'List of adoption dates of the Gregorian calendar by country (Wikipedia)',
  url: 'https://en.wikipedia.org/wiki/List_of_adoption_dates_of_the_Gregorian_calendar_by_country',
};
const NCAL: Source = { title: 'ncal(1) source, usr.bin/ncal/ncal.c (FreeBSD)', url: 'https://cgit.freebsd.org/src/tree/usr.bin/ncal/ncal.c' };
const BRITAIN: Source = { title: 'Calendar (New Style) Act 1750 (Wikipedia)', url: 'https://en.wikipedia.org/wiki/Calendar_(New_Style)_Act_1750' };
/** England, Wales, Ireland and the British colonies began the legal year on Lady Day until 1751 (Calendar Act 1750). */
const LADY_DAY = { month: 3, day: 25, until: 1751 } as const;

export const REFORMS: readonly CountryReform[] = [
  { code: 'AL', name: 'Albania', before: 'julian', lastJulian: '1912-11-14', firstGregorian: '1912-11-28', ncal: { lastJulian: '1912-11-30' }, disputed: 'ncal has 30 November 1912 O.S.; the list of adoption dates (followed here) has 14 → 28 November 1912. Albanian Catholics used the Gregorian calendar from 1583.', source: LIST },
  { code: 'AT', name: 'Austria', before: 'julian', lastJulian: '1583-10-05', firstGregorian: '1583-10-16', disputed: 'regional: the Austrian lands changed on different days of 1583 (Tyrol 4/15 October, Lower and Upper Austria 20/31 October, Styria and Carinthia in December); ncal’s date is followed.', source: NCAL },
  { code: 'AU', name: 'Australia', before: 'julian', lastJulian: '1752-09-02', firstGregorian: '1752-09-14', yearStart: LADY_DAY, disputed: 'British law, as ncal has it; there was no British settlement before 1788.', source: BRITAIN },
  { code: 'BE', name: 'Belgium', before: 'julian', lastJulian: '1582-12-14', firstGregorian: '1582-12-25', disputed: 'regional: some sources give 21 December 1582 → 1 January 1583 for the Southern Netherlands; ncal’s date is followed.', source: NCAL },
  { code: 'BG', name: 'Bulgaria', before: 'julian', lastJulian: '1916-03-31', firstGregorian: '1916-04-14', ncal: { lastJulian: '1916-03-18' }, disputed: 'ncal has 18 March 1916 O.S.; 31 March 1916 O.S. was followed by 14 April 1916 (list of adoption dates, followed here).', source: LIST },
  { code: 'CA', name: 'Canada', before: 'julian', lastJulian: '1752-09-02', firstGregorian: '1752-09-14', yearStart: LADY_DAY, disputed: 'the British colonies; New France (Quebec) used the Gregorian calendar from its founding.', source: BRITAIN },
  { code: 'CH', name: 'Switzerland', before: 'julian', lastJulian: '1655-02-28', firstGregorian: '1655-03-11', disputed: 'regional: the Catholic cantons changed in 1584, the Protestant ones in 1700–1701, Graubünden last in 1811–1812; ncal’s single date is followed.', source: NCAL },
  { code: 'CN', name: 'China', before: 'lunisolar', firstGregorian: '1912-01-01', ncal: { lastJulian: '1911-12-18' }, disputed: 'China came from a lunisolar calendar, not the Julian; ncal writes the day before as 18 December 1911 (Julian).', source: LIST },
  { code: 'CZ', name: 'Czech Republic', before: 'julian', lastJulian: '1584-01-06', firstGregorian: '1584-01-17', source: LIST },
  { code: 'DE', name: 'Germany', before: 'julian', lastJulian: '1700-02-18', firstGregorian: '1700-03-01', disputed: 'regional: the Catholic states changed in 1583–1585, the Protestant ones (followed here, as ncal) in 1700.', source: LIST },
  { code: 'DK', name: 'Denmark', before: 'julian', lastJulian: '1700-02-18', firstGregorian: '1700-03-01', source: LIST },
  { code: 'ES', name: 'Spain', before: 'julian', lastJulian: '1582-10-04', firstGregorian: '1582-10-15', source: LIST },
  { code: 'FI', name: 'Finland', before: 'julian', lastJulian: '1753-02-17', firstGregorian: '1753-03-01', disputed: 'then part of Sweden, including the Swedish calendar of 1700–1712 (not modelled).', source: LIST },
  { code: 'FR', name: 'France', before: 'julian', lastJulian: '1582-12-09', firstGregorian: '1582-12-20', source: LIST },
  { code: 'GB', name: 'United Kingdom', before: 'julian', lastJulian: '1752-09-02', firstGregorian: '1752-09-14', yearStart: LADY_DAY, disputed: 'Scotland began the year on 1 January from 1600; England, Wales and Ireland on 25 March until 1751.', source: BRITAIN },
  { code: 'GR', name: 'Greece', before: 'julian', lastJulian: '1923-02-15', firstGregorian: '1923-03-01', ncal: { lastJulian: '1924-03-09' }, disputed: 'ncal has 9 March 1924 O.S., the date the Church of Greece changed; the state changed on 16 February 1923 O.S., which became 1 March 1923 (list of adoption dates, followed here).', source: LIST },
  { code: 'HU', name: 'Hungary', before: 'julian', lastJulian: '1587-10-21', firstGregorian: '1587-11-01', source: LIST },
  { code: 'IE', name: 'Ireland', before: 'julian', lastJulian: '1752-09-02', firstGregorian: '1752-09-14', yearStart: LADY_DAY, source: BRITAIN },
  { code: 'IS', name: 'Iceland', before: 'julian', lastJulian: '1700-11-16', firstGregorian: '1700-11-28', source: LIST },
  { code: 'IT', name: 'Italy', before: 'julian', lastJulian: '1582-10-04', firstGregorian: '1582-10-15', source: LIST },
  { code: 'JP', name: 'Japan', before: 'lunisolar', firstGregorian: '1873-01-01', ncal: { lastJulian: '1918-12-18' }, disputed: 'ncal has 18 December 1918 (Julian); Japan replaced its lunisolar calendar with the Gregorian on 1 January 1873 (Meiji 6), followed here.', source: { title: 'Japanese calendar (Wikipedia)', url: 'https://en.wikipedia.org/wiki/Japanese_calendar' } },
  { code: 'LN', name: 'Latin (the Julian calendar throughout)', before: 'julian', disputed: 'not a country: ncal’s pseudo-country for a calendar that never switched.', source: NCAL },
  { code: 'LT', name: 'Lithuania', before: 'julian', lastJulian: '1918-02-01', firstGregorian: '1918-02-15', ncal: { code: 'LI' }, disputed: 'ncal lists Lithuania as LI (the ISO code of Liechtenstein). Sources differ: the Gregorian calendar was used under the Polish–Lithuanian Commonwealth and again under German occupation from 1915; ncal’s date is followed.', source: NCAL },
  { code: 'LU', name: 'Luxembourg', before: 'julian', lastJulian: '1582-12-14', firstGregorian: '1582-12-25', disputed: 'some sources give 21 December 1582 → 1 January 1583; ncal’s date is followed.', source: NCAL },
  { code: 'LV', name: 'Latvia', before: 'julian', lastJulian: '1918-02-01', firstGregorian: '1918-02-15', disputed: 'regional: Livonia and Courland changed at different times, Courland under German occupation from 1915; ncal’s date is followed.', source: NCAL },
  { code: 'NL', name: 'Netherlands', before: 'julian', lastJulian: '1582-12-14', firstGregorian: '1582-12-25', disputed: 'regional: Holland and Zeeland changed in 1582 (followed here, as ncal), the northern provinces in 1700–1701.', source: LIST },
  { code: 'NO', name: 'Norway', before: 'julian', lastJulian: '1700-02-18', firstGregorian: '1700-03-01', source: LIST },
  { code: 'PL', name: 'Poland', before: 'julian', lastJulian: '1582-10-04', firstGregorian: '1582-10-15', source: LIST },
  { code: 'PT', name: 'Portugal', before: 'julian', lastJulian: '1582-10-04', firstGregorian: '1582-10-15', source: LIST },
  { code: 'RO', name: 'Romania', before: 'julian', lastJulian: '1919-03-31', firstGregorian: '1919-04-14', source: LIST },
  { code: 'RU', name: 'Russia', before: 'julian', lastJulian: '1918-01-31', firstGregorian: '1918-02-14', source: { title: 'Decree on the introduction of the Western European calendar, 1918 (Wikipedia: Soviet calendar)', url: 'https://en.wikipedia.org/wiki/Soviet_calendar' } },
  { code: 'SE', name: 'Sweden', before: 'julian', lastJulian: '1753-02-17', firstGregorian: '1753-03-01', ncal: { code: 'SW' }, disputed: 'the Swedish calendar of 1700–1712 (one day ahead of the Julian) is not modelled; older ncal versions list Sweden as SW.', source: LIST },
  { code: 'SI', name: 'Slovenia', before: 'julian', lastJulian: '1919-03-04', firstGregorian: '1919-03-18', disputed: 'the Slovene lands were Habsburg and used the Gregorian calendar from 1583–1584; ncal’s date (the Kingdom of Serbs, Croats and Slovenes) is followed.', source: NCAL },
  { code: 'SU', name: 'USSR', before: 'julian', lastJulian: '1918-01-31', firstGregorian: '1918-02-14', ncal: { lastJulian: '1920-03-04' }, disputed: 'older ncal versions have 4 March 1920 O.S.; the Soviet decree of 1918 (followed here) made 31 January 1918 O.S. the last Julian day.', source: { title: 'Soviet calendar (Wikipedia)', url: 'https://en.wikipedia.org/wiki/Soviet_calendar' } },
  { code: 'TR', name: 'Turkey', before: 'julian', lastJulian: '1917-02-15', firstGregorian: '1917-03-01', ncal: { lastJulian: '1926-12-18' }, disputed: 'ncal has 18 December 1926 O.S., when Turkey took up Gregorian year numbering (from 1 January 1927); the Rumi calendar’s days and months became Gregorian in 1917, 16 February becoming 1 March (followed here).', source: { title: 'Rumi calendar (Wikipedia)', url: 'https://en.wikipedia.org/wiki/Rumi_calendar' } },
  { code: 'US', name: 'United States', before: 'julian', lastJulian: '1752-09-02', firstGregorian: '1752-09-14', yearStart: LADY_DAY, disputed: 'the British colonies; Spanish and French territories used the Gregorian calendar earlier, Alaska the Julian until 1867.', source: BRITAIN },
  { code: 'YU', name: 'Yugoslavia', before: 'julian', lastJulian: '1919-03-04', firstGregorian: '1919-03-18', disputed: 'some sources give January 1919 for the Kingdom of Serbs, Croats and Slovenes; ncal’s date is followed.', source: NCAL },
];

const BY_CODE = new Map(REFORMS.map((r) => [r.code, r]));

/** Country names that take "the" in a sentence. */
const WITH_ARTICLE = new Set(['CZ', 'GB', 'NL', 'US']);

/** "the United Kingdom", "Russia": the name as it reads after "in". */
export function countryInSentence(reform: CountryReform): string {
  return WITH_ARTICLE.has(reform.code) ? `the ${reform.name}` : reform.name;
}

export function findReform(code: string): CountryReform | undefined {
  return BY_CODE.get(code.toUpperCase());
}

/** A code ncal uses for a country this table files under another code (LI → LT, SW → SE). */
export function findByNcalCode(code: string): CountryReform | undefined {
  return REFORMS.find((r) => r.ncal?.code === code.toUpperCase());
}

function isoParts(text: string): [number, number, number] {
  const [y = 0, m = 0, d = 0] = text.split('-').map(Number);
  return [y, m, d];
}

export function isoDay(text: string, calendar: CalendarName): CalendarDate {
  const [year, month, day] = isoParts(text);
  return { calendar, year, month, day };
}

export interface Switch {
  /** Last Julian day, as a Julian date, and its Julian Day Number. */
  readonly lastJulian?: CalendarDate;
  readonly firstGregorian: CalendarDate;
  readonly firstGregorianJd: number;
}

function computeSwitch(reform: CountryReform): Switch | undefined {
  if (reform.firstGregorian === undefined) return undefined;
  const firstGregorian = isoDay(reform.firstGregorian, 'gregorian');
  return {
    ...(reform.lastJulian !== undefined ? { lastJulian: isoDay(reform.lastJulian, 'julian') } : {}),
    firstGregorian,
    firstGregorianJd: toJulianDay(firstGregorian),
  };
}

/** Each country's switch, worked out once: validating a million events asks for it a million times. */
/**
 * Each reform's switch, worked out when first asked for: a query asks for one or two of sixty.
 * A memo of a pure function of the fixed table, so no state that anyone can observe.
 */
const SWITCHES = new Map<CountryReform, Switch | undefined>();

export function switchOf(reform: CountryReform): Switch | undefined {
  if (!SWITCHES.has(reform)) SWITCHES.set(reform, computeSwitch(reform));
  return SWITCHES.get(reform);
}

export type LocalCalendar = CalendarName | 'lunisolar';

/** The calendar in force in a country on a day (a Julian Day Number). */
export function calendarInForce(reform: CountryReform, jd: number): LocalCalendar {
  const sw = switchOf(reform);
  if (sw && jd >= sw.firstGregorianJd) return 'gregorian';
  return reform.before;
}

/** A day written y-m-d as people wrote it in that country at that time. */
export type LocalReading =
  | { readonly kind: 'day'; readonly date: CalendarDate }
  /** Numbered as a day the switch skipped (5 September 1752 in Great Britain). */
  | { readonly kind: 'gap'; readonly lastJulian: CalendarDate; readonly firstGregorian: CalendarDate }
  /** No such day in the calendar in force then (29 February 1800 in Great Britain). */
  | { readonly kind: 'invalid'; readonly calendar: CalendarName }
  /** Before the switch from a calendar centenary cannot read (Japan before 1873). */
  | { readonly kind: 'unreadable'; readonly firstGregorian: CalendarDate };

const ordinal = (y: number, m: number, d: number) => y * 10_000 + m * 100 + d;
const ordinalOf = (date: { year: number; month: number; day: number }) => ordinal(date.year, date.month, date.day);

/**
 * Reads a day number in a country's own reckoning. The switch makes day numbers jump forward
 * (2 September 1752 was followed by 14 September), so numbers up to the last Julian day are
 * Julian, numbers from the first Gregorian day are Gregorian, and numbers between never existed.
 */
export function readLocalDay(reform: CountryReform, year: number, month: number, day: number): LocalReading {
  const sw = switchOf(reform);
  const n = ordinal(year, month, day);
  const gregorian: CalendarDate = { calendar: 'gregorian', year, month, day };
  if (sw && n >= ordinalOf(sw.firstGregorian)) {
    return isValidDate(gregorian) ? { kind: 'day', date: gregorian } : { kind: 'invalid', calendar: 'gregorian' };
  }
  if (reform.before === 'lunisolar') return { kind: 'unreadable', firstGregorian: sw?.firstGregorian ?? gregorian };
  const julian: CalendarDate = { calendar: 'julian', year, month, day };
  if (sw?.lastJulian && n > ordinalOf(sw.lastJulian) && isValidDate(julian)) return { kind: 'gap', lastJulian: sw.lastJulian, firstGregorian: sw.firstGregorian };
  return isValidDate(julian) ? { kind: 'day', date: julian } : { kind: 'invalid', calendar: 'julian' };
}

/** The days a country's switch skipped, in its own numbering (for Great Britain 3–13 September 1752). */
export function skippedDays(reform: CountryReform): { year: number; month: number; day: number }[] {
  const sw = switchOf(reform);
  if (!sw?.lastJulian) return [];
  const out: { year: number; month: number; day: number }[] = [];
  const last = ordinalOf(sw.firstGregorian);
  // Walk the Julian calendar from the day after the last Julian day: the skipped numbers are
  // the Julian-numbered days before the first Gregorian number.
  for (let jd = toJulianDay(sw.lastJulian) + 1; ; jd++) {
    const d = fromJulianDay(jd, 'julian');
    if (ordinalOf(d) >= last) break;
    out.push({ year: d.year, month: d.month, day: d.day });
  }
  return out;
}

/**
 * Before 1752 the English legal year began on 25 March, so a date from 1 January to 24 March
 * belongs to the previous legal year: 11 February 1732 (historical) is 11 February 1731 (legal),
 * written 1731/32. True for such a day of a historical year up to the last Lady Day year.
 */
export function inLegalYearOverlap(reform: CountryReform | undefined, year: number, month: number, day: number): boolean {
  const start = reform?.yearStart;
  if (!start || year > start.until) return false;
  return ordinal(0, month, day) < ordinal(0, start.month, start.day);
}

/**
 * Whether an event's Old Style date means something: it was recorded in the Julian calendar, or
 * its country was still on the Julian calendar on that day (what `--old-style` shows by default).
 */
export function oldStyleMeaningful(event: { readonly calendar: CalendarName; readonly country?: string }, start: CalendarDate): boolean {
  if (event.calendar === 'julian') return true;
  const reform = event.country === undefined ? undefined : findReform(event.country);
  return reform !== undefined && calendarInForce(reform, toJulianDay(start)) === 'julian';
}
