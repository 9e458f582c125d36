import { type CalendarDate, type CalendarName, convertDate, daysInMonth, formatIsoDate, isValidDate, julianLag, toJulianDay } from './calendar.js';
import { UsageError } from './errors.js';
import { type CountryReform, type LocalCalendar, calendarInForce, countryInSentence, inLegalYearOverlap, readLocalDay } from './reform.js';
import { type WrittenDate, englishMonthName, parseWrittenDate, plainDate } from './written-date.js';

/** How the calendar of the input was decided, in the order the rules apply. */
export type ReadingReason = 'dual-year' | 'marker' | 'flag' | 'country' | 'default';

export interface Conversion {
  readonly input: string;
  readonly written: WrittenDate;
  readonly readAs: CalendarName;
  readonly reason: ReadingReason;
  readonly julian: CalendarDate;
  readonly gregorian: CalendarDate;
  /** Days the Julian calendar runs behind the Gregorian on that day. */
  readonly lag: number;
  readonly country?: {
    readonly reform: CountryReform;
    /** The calendar in force there on that day. */
    readonly inForce: LocalCalendar;
  };
  /** Things a careful reader should know (the legal year, a mark that disagrees with the country). */
  readonly notes: readonly string[];
}

export interface ConvertOptions {
  readonly from?: CalendarName;
  readonly country?: CountryReform;
}

const styleMark = (calendar: CalendarName) => (calendar === 'julian' ? 'O.S.' : 'N.S.');
const calendarTitle = (calendar: CalendarName) => (calendar === 'julian' ? 'Julian' : 'Gregorian');

/** Reads DATE as written and converts it; every impossible reading is a UsageError that explains itself. */
export function convertWrittenDate(input: string, options: ConvertOptions = {}): Conversion {
  const parsed = parseWrittenDate(input);
  if (!parsed.ok) throw new UsageError(parsed.problem, 'see centenary convert --help');
  const written = parsed.date;
  const notes: string[] = [];
  const { country } = options;
  const { readAs, reason } = chooseReading(written, options);
  const numbers = { year: written.year, month: written.month, day: written.day };
  let date: CalendarDate = { calendar: readAs, ...numbers };

  if (reason === 'country' && country) {
    const local = readLocalDay(country, written.year, written.month, written.day);
    const where = countryInSentence(country);
    switch (local.kind) {
      case 'gap': {
        const asJulian = convertDate({ calendar: 'julian', ...numbers }, 'gregorian');
        throw new UsageError(
          `${plainDate(numbers)} never existed in ${where}: ${plainDate(local.lastJulian)} (Julian) was followed by ${plainDate(local.firstGregorian)} (Gregorian); as an Old Style date, ${plainDate(numbers)} O.S. is ${plainDate(asJulian)} N.S.`,
          'add O.S. or --from julian to read it as Old Style anyway',
        );
      }
      case 'unreadable':
        throw new UsageError(
          `${capitalise(where)} used a lunisolar calendar before ${plainDate(local.firstGregorian)}, which centenary cannot read`,
          'give the date in the Julian or Gregorian calendar with --from',
        );
      case 'invalid':
        throw impossible(numbers, local.calendar, ` (the calendar in force in ${where} then)`);
      case 'day':
        date = local.date;
    }
  } else if (!isValidDate(date)) {
    throw impossible(numbers, readAs, '');
  }

  const jd = toJulianDay(date);
  const julian = convertDate(date, 'julian');
  const gregorian = convertDate(date, 'gregorian');
  let inForce: LocalCalendar | undefined;
  if (country) {
    inForce = calendarInForce(country, jd);
    if (reason !== 'country' && inForce !== 'lunisolar' && inForce !== readAs) {
      const local = inForce === 'julian' ? julian : gregorian;
      notes.push(`${capitalise(countryInSentence(country))} used the ${calendarTitle(inForce)} calendar on that day, where it was written ${plainDate(local)}.`);
    }
  }
  if (!written.dualYear && readAs === 'julian' && inLegalYearOverlap(country, written.year, written.month, written.day)) {
    const legal = `${plainDate({ ...numbers, year: written.year - 1 })}/${String(written.year).slice(-2)}`;
    const ifLegal = convertDate({ calendar: 'julian', ...numbers, year: written.year + 1 }, 'gregorian');
    notes.push(
      `In ${country ? countryInSentence(country) : 'England'} the legal year began on 25 March until 1751: this is read as the historical year (${legal}); if the source counts the legal year, it means ${plainDate({ ...numbers, year: written.year + 1 })} O.S., ${plainDate(ifLegal)} N.S.`,
    );
  }
  return {
    input,
    written,
    readAs: date.calendar,
    reason,
    julian,
    gregorian,
    lag: julianLag(jd),
    ...(country && inForce ? { country: { reform: country, inForce } } : {}),
    notes,
  };
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function chooseReading(written: WrittenDate, options: ConvertOptions): { readAs: CalendarName; reason: ReadingReason } {
  const { from, country } = options;
  if (written.dualYear) {
    if (written.marker === 'gregorian' || from === 'gregorian') {
      throw new UsageError(
        `a dual-dated year (${written.dualYear.text}) is an Old Style date: the English legal year began on 25 March only under the Julian calendar`,
        'leave out N.S. and --from gregorian',
      );
    }
    return { readAs: 'julian', reason: 'dual-year' };
  }
  if (written.marker) {
    if (from && from !== written.marker) {
      throw new UsageError(`the date is marked ${styleMark(written.marker)} but --from says ${from}`, 'drop one of the two');
    }
    return { readAs: written.marker, reason: 'marker' };
  }
  if (from) return { readAs: from, reason: 'flag' };
  if (country) {
    const local = readLocalDay(country, written.year, written.month, written.day);
    const readAs = local.kind === 'day' ? local.date.calendar : local.kind === 'invalid' ? local.calendar : 'julian';
    return { readAs, reason: 'country' };
  }
  return { readAs: 'julian', reason: 'default' };
}

/** "1900-02-29 does not exist in the Gregorian calendar; in the Julian calendar it does, and it is 13 March 1900 N.S." */
function impossible(numbers: { year: number; month: number; day: number }, calendar: CalendarName, where: string): UsageError {
  const iso = formatIsoDate(numbers);
  const other: CalendarName = calendar === 'julian' ? 'gregorian' : 'julian';
  const inOther: CalendarDate = { calendar: other, ...numbers };
  if (isValidDate(inOther)) {
    const converted = convertDate(inOther, calendar);
    return new UsageError(
      `${iso} does not exist in the ${calendarTitle(calendar)} calendar${where}; in the ${calendarTitle(other)} calendar it does, and it is ${plainDate(converted)} ${styleMark(calendar)}`,
      `add ${styleMark(other)} or --from ${other} to read it in the ${calendarTitle(other)} calendar`,
    );
  }
  const why =
    numbers.month !== 2
      ? `${englishMonthName(numbers.month)} has ${daysInMonth('julian', numbers.year, numbers.month)} days`
      : numbers.day === 29
        ? `${numbers.year} is a leap year in neither`
        : 'February has at most 29 days';
  return new UsageError(`${iso} does not exist in either calendar: ${why}`, 'check the day and the month');
}
