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
  /** The calendar `date` and `end` are written in, as the source gives them. */
  readonly calendar: CalendarName;
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
