import { TZDate } from '@date-fns/tz';
import type { CalendarDate } from '../core/calendar.js';

/** True when `zone` is an IANA time-zone name this Node.js knows. */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The zone the system would use when neither --tz nor TZ says otherwise. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The calendar day it is at `nowMs` in `zone`: the one place a real clock becomes a historical-style date. */
export function todayIn(zone: string, nowMs: number): CalendarDate {
  const now = new TZDate(nowMs, zone);
  return { calendar: 'gregorian', year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}
