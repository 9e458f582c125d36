import type { CalendarName } from './calendar.js';
import type { PartialDate } from './partial-date.js';

export interface Source {
  readonly title: string;
  readonly url: string;
}

/** Where an event came from, so that later messages can point at it. */
export interface EventOrigin {
  readonly file: string;
  readonly index: number;
}

/** An event after validation: typed, checked, and trusted by everything downstream. */
export interface HistoricalEvent {
  readonly id: string;
  readonly date: PartialDate;
  readonly end?: PartialDate;
  /** The calendar `date` and `end` are written in, as the source gives them (for "local", as resolved for `date`). */
  readonly calendar: CalendarName;
  /** The calendar of `end` when it differs from that of `date` (a "local" event across a country's switch). */
  readonly endCalendar?: CalendarName;
  /** Present when the dataset said "local": the calendars above were resolved through the reform table. */
  readonly recordedCalendar?: 'local';
  /** An English dual-dated year as the source writes it ("1731/32"); `date` holds the historical year. */
  readonly dualYear?: string;
  readonly title: string;
  readonly summary?: string;
  readonly place?: string;
  readonly country?: string;
  readonly kind: string;
  readonly tags: readonly string[];
  readonly sources: readonly Source[];
  readonly note?: string;
  readonly origin: EventOrigin;
}

/** Common values of `kind`; others are allowed. */
export const COMMON_KINDS = ['event', 'birth', 'death'] as const;
