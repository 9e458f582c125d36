import { statSync } from 'node:fs';
import { type CalendarDate, fromJulianDay } from '../core/calendar.js';

/**
 * The tz database's names for a zone that is UTC at every instant. Cron machines and containers
 * often run in one; there, today is arithmetic on the clock, without starting ICU's time zones
 * (a tenth of a millisecond, for Date's local fields as much as for Intl).
 */
export const ALWAYS_UTC: ReadonlySet<string> = new Set(
  ['UTC', 'UCT', 'Universal', 'Zulu', 'GMT', 'GMT0', 'GMT+0', 'GMT-0', 'Greenwich'].flatMap((name) => [name, `Etc/${name}`]),
);

/** Julian Day Number of 1 January 1970, the clock's day 0. */
const UNIX_EPOCH_JDN = 2440588;

/**
 * True when `zone` is an IANA time-zone name. The system's zoneinfo file answers without
 * loading ICU (which costs a cron run more than everything else it does); Intl decides
 * when there is no such file.
 */
export function isKnownTimeZone(zone: string): boolean {
  if (ALWAYS_UTC.has(zone)) return true;
  if (/^[A-Za-z0-9_+-]+(\/[A-Za-z0-9_+-]+)*$/.test(zone)) {
    try {
      if (statSync(`/usr/share/zoneinfo/${zone}`).isFile()) return true;
    } catch {
      // no such file: ask Intl
    }
  }
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The zone the system uses when neither --tz nor TZ says otherwise. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * The calendar day it is at `nowMs` in `zone` (undefined: the system's zone). When the zone is
 * the process's own, Date's local fields give it directly; any other zone is asked of Intl
 * (ICU), in the Gregorian calendar with Latin digits whatever the system's locale. This is the
 * one place a real clock becomes a date.
 */
export function todayIn(zone: string | undefined, nowMs: number): CalendarDate {
  if (zone !== undefined && ALWAYS_UTC.has(zone)) return fromJulianDay(UNIX_EPOCH_JDN + Math.floor(nowMs / 86_400_000), 'gregorian');
  const own = process.env['TZ']?.replace(/^:/, '');
  if (zone === undefined || (own !== undefined && zone === own)) {
    const now = new Date(nowMs);
    return { calendar: 'gregorian', year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
  }
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, calendar: 'gregory', numberingSystem: 'latn', year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(nowMs);
  const field = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { calendar: 'gregorian', year: field('year'), month: field('month'), day: field('day') };
}
