import type { DateWords } from './date-text.js';
import type { Style } from './style.js';

/** Everything a renderer may know beyond the result; the CLI builds it, tests fake it. */
export interface RenderContext {
  readonly style: Style;
  /** Columns to wrap text to; fixed when stdout is not a terminal so output never depends on it. */
  readonly width: number;
  /** Show the Old Style equivalent of every date, not only of dates recorded in Old Style. */
  readonly oldStyle: boolean;
  /**
   * `--old-style` without `=always`: show the Old Style equivalent only where it means something
   * (events recorded in Julian, or in a country still on the Julian calendar then). `oldStyle` wins.
   */
  readonly oldStyleAuto?: boolean;
  readonly words: DateWords;
  /** The reference day is the real today (not a `--date`), so "today" and "tomorrow" are true. */
  readonly referenceIsToday: boolean;
  readonly timeZone: string;
  /** The clock, read once by the CLI (ms since the epoch): feed and message timestamps. Renderers never read a clock. */
  readonly now: number;
  /** The `--locale` name (`en`, `de` …), for `lang` attributes; `words` carries the locale itself. */
  readonly localeName?: string;
  /** Envelope of the e-mail format: `--to` and `--from`, already checked for line breaks. */
  readonly mail?: MailHeaders;
  /** Where the Atom feed is published (`--feed-url`): the feed's `rel="self"`, the page's feed link. */
  readonly feedUrl?: string;
}

export interface Mailbox {
  /** Display name, any Unicode; encoded per RFC 2047 when written. */
  readonly name?: string;
  /** `local@domain`, printable ASCII without spaces, angle brackets or line breaks. */
  readonly address: string;
}

export interface MailHeaders {
  readonly to: readonly Mailbox[];
  readonly from?: Mailbox;
}
