import { type CalendarDate, compareDates, formatIsoDate } from '../core/calendar.js';
import type { HistoricalEvent, Source } from '../core/event.js';
import type { DayResult, EventMatch, MonthResult } from '../core/match.js';
import type { QueryResult } from '../core/query.js';
import type { RenderContext } from './context.js';
import { capitalise, dualDate, dualDayHeading, longDate, monthName, partialDateText } from './date-text.js';
import { cleanInline } from './sanitize.js';
import { dayHeading, placeText, progressText } from './text.js';

/**
 * The page model every document format (Markdown, HTML, Atom, e-mail) is written from: a
 * result turned into headings and events once, its text already on one line and free of
 * control characters, but not escaped — each format escapes for itself.
 */
export interface EventView {
  readonly id: string;
  readonly title: string;
  /** "7 November 1917 (25 October O.S.)" */
  readonly when: string;
  /** The first day, Gregorian, for `datetime` attributes. */
  readonly isoDate?: string;
  readonly place?: string;
  /** "death", "birth" …; absent for a plain event. */
  readonly kind?: string;
  /** "first day", "last day", "day 2 of 3". */
  readonly progress?: string;
  readonly summary?: string;
  readonly note?: string;
  readonly sources: readonly Source[];
}

export interface SectionView {
  /** "100 years ago today: Wednesday, 7 November 1917 (25 October O.S.)" */
  readonly heading: string;
  /** The day of the window (Gregorian, `YYYY-MM-DD`), or the month (`YYYY-MM`) of a month section. */
  readonly key: string;
  readonly yearsAgo: number;
  readonly events: readonly EventView[];
  /** What to say when the section has no events. */
  readonly empty?: string;
}

export interface EditionView {
  /** "100 Years Ago: Lenin proclaims the Provisional Government deposed" */
  readonly title: string;
  /** The years the lead is from: "100 years ago today" / "100 years before 7 November 2017". */
  readonly kicker: string;
  /** The day N years back written out, with its Old Style equivalent where it applies. */
  readonly dateLine: string;
  /** That day, Gregorian `YYYY-MM-DD`; absent when it never existed (29 February 1900). */
  readonly isoDate?: string;
  readonly lead?: EventView;
  readonly sections: readonly SectionView[];
  /** No section has an event. */
  readonly empty: boolean;
}

/** Old Style was still the civil calendar somewhere in Europe until Greece changed on 1 March 1923 (16 February O.S.). */
const LAST_CIVIL_OLD_STYLE: CalendarDate = { calendar: 'gregorian', year: 1923, month: 2, day: 28 };

function eventView(match: EventMatch, day: DayResult | undefined, ctx: RenderContext): EventView {
  const { event } = match;
  const oldStyle = ctx.oldStyle || event.calendar === 'julian';
  const progress = day ? progressText(match, day) : undefined;
  return {
    ...baseView(event),
    when: dualDate(ctx.words, match.start, match.end, oldStyle),
    isoDate: formatIsoDate(match.start),
    ...(progress ? { progress } : {}),
  };
}

function baseView(event: HistoricalEvent): Omit<EventView, 'when'> {
  const place = placeText(event);
  return {
    id: event.id,
    title: cleanInline(event.title),
    ...(place ? { place } : {}),
    ...(event.kind !== 'event' ? { kind: cleanInline(event.kind) } : {}),
    ...(event.summary ? { summary: cleanInline(event.summary) } : {}),
    ...(event.note ? { note: cleanInline(event.note) } : {}),
    sources: event.sources.map((s) => ({ title: cleanInline(s.title), url: s.url })),
  };
}

function daySection(day: DayResult, ctx: RenderContext): SectionView {
  return {
    heading: dayHeading(day, ctx),
    key: formatIsoDate(day.day),
    yearsAgo: day.yearsAgo,
    events: day.matches.map((m) => eventView(m, day, ctx)),
  };
}

function monthSection(month: MonthResult, ctx: RenderContext): SectionView {
  const undated = month.undated.map((event) => ({ ...baseView(event), when: `${partialDateText(ctx.words, event.date)} (day not known)` }));
  return {
    heading: `${capitalise(monthName(ctx.words, month.month, 'standalone'))} ${month.year}, ${month.yearsAgo} years ago this month`,
    key: `${String(month.year).padStart(4, '0')}-${String(month.month).padStart(2, '0')}`,
    yearsAgo: month.yearsAgo,
    events: [...month.matches.map((m) => eventView(m, undefined, ctx)), ...undated],
    empty: 'Nothing in the dataset for this month.',
  };
}

const spanWords = (n: number) => `${n} ${n === 1 ? 'year' : 'years'}`;

/** Builds the page model of a result. */
export function buildEdition(result: QueryResult, ctx: RenderContext): EditionView {
  const reference = result.options.reference;
  const firstYears = result.options.years[0] ?? 100;
  const sections: SectionView[] = [];
  if (result.type === 'days') {
    const withEvents = result.days.filter((d) => d.matches.length > 0);
    if (withEvents.length > 0) sections.push(...withEvents.map((d) => daySection(d, ctx)));
    else {
      const today = result.days.find((d) => d.offset === 0) ?? result.days[0];
      if (today) sections.push({ ...daySection(today, ctx), empty: 'Nothing in the dataset for this day.' });
      sections.push(...result.nearest.map((d) => ({ ...daySection(d, ctx), heading: `Nearest within a week — ${dayHeading(d, ctx)}` })));
    }
    sections.push(...(result.months ?? []).map((m) => monthSection(m, ctx)));
  } else {
    sections.push(...result.months.map((m) => monthSection(m, ctx)));
  }

  // The lead: the first event of the reference day itself, in the first span of years asked for.
  const todays = result.type === 'days' ? result.days.filter((d) => d.offset === 0) : [];
  const leadDay = todays.find((d) => d.matches.length > 0);
  const leadMatch = leadDay?.matches.find((m) => m.kind !== 'ongoing') ?? leadDay?.matches[0];
  const lead = leadMatch && leadDay ? eventView(leadMatch, leadDay, ctx) : undefined;
  const yearsAgo = leadDay?.yearsAgo ?? firstYears;
  const target = result.type === 'days' ? (leadDay ?? todays[0])?.target : undefined;

  const kicker =
    result.type === 'month'
      ? `${spanWords(yearsAgo)} ago this month`
      : ctx.referenceIsToday
        ? `${spanWords(yearsAgo)} ago today`
        : `${spanWords(yearsAgo)} before ${longDate(ctx.words, reference)}`;
  let dateLine: string;
  if (target) {
    const oldStyle = ctx.oldStyle || compareDates(target, LAST_CIVIL_OLD_STYLE) <= 0 || (leadDay?.matches.some((m) => m.event.calendar === 'julian') ?? false);
    dateLine = dualDayHeading(ctx.words, target, oldStyle);
  } else if (result.type === 'month') {
    const m = result.months[0];
    dateLine = m ? `${capitalise(monthName(ctx.words, m.month, 'standalone'))} ${m.year}` : String(reference.year - yearsAgo);
  } else {
    dateLine = `29 February ${reference.year - yearsAgo} (no such day in the Gregorian calendar)`;
  }
  const Years = `${yearsAgo} ${yearsAgo === 1 ? 'Year' : 'Years'}`;
  const title = lead ? `${Years} Ago: ${lead.title}` : `${Years} Ago: ${dateLine}`;
  return {
    title,
    kicker: capitalise(kicker),
    dateLine,
    ...(target ? { isoDate: formatIsoDate(target) } : {}),
    ...(lead ? { lead } : {}),
    sections,
    empty: sections.every((s) => s.events.length === 0),
  };
}
