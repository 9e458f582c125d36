import { statSync } from 'node:fs';
import { TZDate } from '@date-fns/tz';
import type { CalendarDate } from '../core/calendar.js';

/**
 * True when `zone` is an IANA time-zone name. The system's zoneinfo file answers without
 * loading ICU (which costs a cron run more than everything else it does); Intl decides
 * when there is no such file.
 */
export function isKnownTimeZone(zone: string): boolean {
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
 * the process's own, Date's local fields give it directly; any other zone goes through
 * @date-fns/tz. This is the one place a real clock becomes a date.
 */
export function todayIn(zone: string | undefined, nowMs: number): CalendarDate {
  const own = process.env['TZ']?.replace(/^:/, '');
  const now = zone === undefined || (own !== undefined && zone === own) ? new Date(nowMs) : new TZDate(nowMs, zone);
  return { calendar: 'gregorian', year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}
