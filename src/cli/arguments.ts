import { InvalidArgumentError } from './invalid-argument.js';
import { type CalendarDate, MAX_YEAR } from '../core/calendar.js';
import { explainInvalidPartialDate, parsePartialDate, precisionOf } from '../core/partial-date.js';
import { isKnownTimeZone } from '../io/clock.js';
import type { Mailbox } from '../render/context.js';
import { parseMailbox } from '../render/mailbox.js';
import { linkableUrl } from '../render/markup.js';

/**
 * `--date`: a day written YYYY-MM-DD, real in the Gregorian or the Julian calendar; which one it
 * is in (`--calendar`) is checked when the command runs.
 */
export function parseDayArgument(value: string): CalendarDate {
  const date = parsePartialDate(value.trim());
  if (!date || precisionOf(date) !== 'day') throw new InvalidArgumentError(`expected a day written YYYY-MM-DD, such as 2026-11-26; got "${value}".`);
  const why = explainInvalidPartialDate(date, 'julian') && explainInvalidPartialDate(date, 'gregorian');
  if (why) throw new InvalidArgumentError(`${value} is not a real date: ${why}.`);
  return { calendar: 'gregorian', year: date.year, month: date.month ?? 1, day: date.day ?? 1 };
}

/** `--years 100` or `--years 50,100,150`: whole numbers of years, each at least 1, sorted, no repeats. */
export function parseYearsArgument(value: string): number[] {
  const parts = value.split(',').map((p) => p.trim());
  const years = parts.map((p) => {
    if (!/^[0-9]+$/.test(p) || Number(p) < 1 || Number(p) > MAX_YEAR - 1) {
      throw new InvalidArgumentError(`expected whole numbers of years from 1 to ${MAX_YEAR - 1}, separated by commas (such as 50,100); got "${value}".`);
    }
    return Number(p);
  });
  return [...new Set(years)].sort((a, b) => a - b);
}

/** `--ahead`/`--behind`: a count of days, 0 to 366. */
export function parseDaysArgument(value: string): number {
  if (!/^[0-9]+$/.test(value.trim()) || Number(value) > 366) {
    throw new InvalidArgumentError(`expected a number of days from 0 to 366; got "${value}".`);
  }
  return Number(value);
}

/** `--tz`: an IANA zone name such as Europe/Moscow. */
export function parseTimeZoneArgument(value: string): string {
  if (!isKnownTimeZone(value)) throw new InvalidArgumentError(`"${value}" is not an IANA time zone; use a name such as Europe/Moscow, America/New_York or UTC.`);
  return value;
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}


/**
 * `--to`/`--from`: one mailbox, `Name <local@domain>` or `local@domain`. A line break or other
 * control character is refused outright: it is how a header would be injected into the message.
 */
export function parseMailboxArgument(value: string): Mailbox {
  if (/[\r\n\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(value)) {
    throw new InvalidArgumentError('an address may not contain a line break or a control character.');
  }
  const mailbox = parseMailbox(value);
  if (!mailbox) throw new InvalidArgumentError(`expected one address such as reader@example.org or "Ada Reader <ada@example.org>"; got "${value}".`);
  return mailbox;
}

export function collectMailbox(value: string, previous: Mailbox[] = []): Mailbox[] {
  return [...previous, parseMailboxArgument(value)];
}

/** `--feed-url`: an absolute http(s) address, where the feed is published. */
export function parseUrlArgument(value: string): string {
  if (!linkableUrl(value)) throw new InvalidArgumentError(`expected an http:// or https:// address such as https://example.org/centenary/feed.xml; got "${value}".`);
  return value;
}
