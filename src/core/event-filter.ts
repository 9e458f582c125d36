import { type CalendarDate, fromJulianDay, toJulianDay } from './calendar.js';
import type { HistoricalEvent } from './event.js';
import { foldText } from './fold-text.js';
import type { DayResult, EventMatch } from './match.js';
import { julianDayRange, precisionOf } from './partial-date.js';
import type { QueryResult } from './query.js';

/** What `search` and `list` select. Within one facet any value matches; all facets must match. */
export interface EventFilter {
  /** Folded words that must all occur in the event's text (title, summary, place, note, tags, id). */
  readonly words: readonly string[];
  /** Inclusive bounds, Gregorian; an event matches when any of its days falls between them. */
  readonly from?: CalendarDate;
  readonly to?: CalendarDate;
  readonly tags: readonly string[];
  readonly kinds: readonly string[];
  readonly countries: readonly string[];
}

/** A list of events rather than the anniversaries of one day: what search and list produce. */
export interface EventList {
  readonly type: 'list';
  readonly filter: EventFilter;
  /** In date order (Gregorian first day), then by id. */
  readonly events: readonly HistoricalEvent[];
}

function searchableText(event: HistoricalEvent): string {
  return foldText([event.id, event.title, event.summary, event.place, event.note, ...event.tags].filter((t) => t !== undefined).join(' '));
}

export function filterEvents(events: readonly HistoricalEvent[], filter: EventFilter): EventList {
  const from = filter.from ? toJulianDay(filter.from) : -Infinity;
  const to = filter.to ? toJulianDay(filter.to) : Infinity;
  const tags = new Set(filter.tags.map(foldText));
  const kinds = new Set(filter.kinds.map((k) => k.toLowerCase()));
  const countries = new Set(filter.countries.map((c) => c.toUpperCase()));
  const chosen = events
    .map((event) => ({ event, span: eventSpan(event) }))
    .filter(({ event, span }) => {
      if (span[1] < from || span[0] > to) return false;
      if (tags.size > 0 && !event.tags.some((t) => tags.has(foldText(t)))) return false;
      if (kinds.size > 0 && !kinds.has(event.kind)) return false;
      if (countries.size > 0 && (event.country === undefined || !countries.has(event.country))) return false;
      if (filter.words.length === 0) return true;
      // Each word may occur anywhere, so "revol" finds "Revolution" and "compie" "Compiègne".
      const haystack = searchableText(event);
      return filter.words.every((w) => haystack.includes(w));
    });
  chosen.sort((a, b) => a.span[0] - b.span[0] || (a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0));
  return { type: 'list', filter, events: chosen.map((c) => c.event) };
}

/** First and last Julian Day an event can cover. */
function eventSpan(event: HistoricalEvent): readonly [number, number] {
  const [first, last] = julianDayRange(event.date, event.calendar);
  return event.end ? [first, julianDayRange(event.end, event.calendar)[1]] : [first, last];
}

/**
 * The list as a query result, for output formats that only know anniversaries (calendar files,
 * feeds): one day per distinct first day, `yearsAgo` 0, each day's offset counted from the first.
 * Events known only to the month or year have no day and are left out of this shape.
 */
export function listAsQueryResult(list: EventList): QueryResult {
  const days = new Map<number, EventMatch[]>();
  for (const event of list.events) {
    if (precisionOf(event.date) !== 'day') continue;
    const [startJd] = julianDayRange(event.date, event.calendar);
    const start = fromJulianDay(startJd, 'gregorian');
    const match: EventMatch = event.end
      ? { event, kind: 'start', start, end: fromJulianDay(julianDayRange(event.end, event.calendar)[1], 'gregorian') }
      : { event, kind: 'start', start };
    const list = days.get(startJd);
    if (list) list.push(match);
    else days.set(startJd, [match]);
  }
  const firstJd = Math.min(...days.keys());
  const reference = days.size > 0 ? fromJulianDay(firstJd, 'gregorian') : { calendar: 'gregorian' as const, year: 1, month: 1, day: 1 };
  const dayResults: DayResult[] = [...days].map(([jd, matches]) => {
    const day = fromJulianDay(jd, 'gregorian');
    return { day, offset: jd - (days.size > 0 ? firstJd : jd), yearsAgo: 0, target: day, matches };
  });
  return {
    type: 'days',
    options: { reference, years: [0], behind: 0, ahead: dayResults.at(-1)?.offset ?? 0, ongoing: false, month: false },
    days: dayResults,
    nearest: [],
  };
}
