import { type CalendarDate, addDays, compareDates, toJulianDay } from '../core/calendar.js';
import type { EventMatch } from '../core/match.js';
import type { QueryResult } from '../core/query.js';
import type { RenderContext } from './context.js';
import { dualDate } from './date-text.js';
import { linkableUrl } from './markup.js';
import { cleanInline } from './sanitize.js';
import { placeText } from './text.js';

/** RFC 5545 §3.1: content lines end in CRLF and are folded so that none is longer than 75 octets. */
const CRLF = '\r\n';
const MAX_OCTETS = 75;

/**
 * Folds one content line: after at most 75 octets a CRLF and a space, never inside a UTF-8
 * sequence (the RFC counts octets; a calendar app would otherwise see broken characters).
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    // A continuation line starts with the space that marks it, which counts towards its 75.
    if (octets + size > MAX_OCTETS) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join(CRLF);
}

/** TEXT values (§3.3.11): backslash, semicolon and comma escaped, line breaks written `\n`. */
export function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, '\\$&').replace(/\r\n|\r|\n/g, '\\n');
}

/** One line of dataset text, controls removed, escaped as TEXT. */
const text = (value: string) => escapeText(cleanInline(value));

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** DATE (§3.3.4): `19171107`. Historical dates stay plain values; no `Date` is involved. */
function icsDate(date: CalendarDate): string {
  return `${pad(date.year, 4)}${pad(date.month, 2)}${pad(date.day, 2)}`;
}

/** DATE-TIME in UTC (§3.3.5) for DTSTAMP: when the file was made, from the render clock. */
function icsStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/** Every dated event in the result. */
function resultMatches(result: QueryResult): EventMatch[] {
  const days = result.type === 'days' ? [...result.days, ...result.nearest] : [];
  const months = result.type === 'days' ? (result.months ?? []) : result.months;
  return [...days.flatMap((d) => d.matches), ...months.flatMap((m) => m.matches)];
}

/** Each event once, by its first day. */
function distinct(matches: readonly EventMatch[]): EventMatch[] {
  const byId = new Map<string, EventMatch>();
  for (const match of matches) if (!byId.has(match.event.id)) byId.set(match.event.id, match);
  return [...byId.values()].sort((a, b) => compareDates(a.start, b.start) || (a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0));
}

function renderEvent(match: EventMatch, ctx: RenderContext, stamp: string): string[] {
  const { event, start } = match;
  const end = match.end ?? start;
  const when = dualDate(ctx.words, start, match.end, ctx.oldStyle || event.calendar === 'julian');
  const place = placeText(event);
  const description = [[when, place].filter(Boolean).join(' · ')];
  if (event.summary) description.push(cleanInline(event.summary));
  if (event.note) description.push(cleanInline(event.note));
  if (event.sources.length > 0) description.push(['Sources:', ...event.sources.map((s) => `${cleanInline(s.title)}: ${s.url}`)].join('\n'));
  const url = event.sources.map((s) => linkableUrl(s.url)).find((u) => u !== undefined);
  // A leap-day event recurs on the last day of February: 28 February in common years, the rule the matcher uses.
  const rule = start.month === 2 && start.day === 29 ? 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1' : 'FREQ=YEARLY';
  const days = toJulianDay(end) - toJulianDay(start) + 1;
  return [
    'BEGIN:VEVENT',
    // The schema restricts ids, but a renderer does not rely on it: one line, escaped.
    `UID:${text(event.id)}@centenary`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${icsDate(start)}`,
    `DTEND;VALUE=DATE:${icsDate(addDays(start, days))}`,
    `RRULE:${rule}`,
    `SUMMARY:${text(event.title)} (${start.year})`,
    `DESCRIPTION:${escapeText(description.map(cleanMultiline).join('\n\n'))}`,
    ...(place ? [`LOCATION:${text(place)}`] : []),
    ...(url ? [`URL;VALUE=URI:${url}`] : []),
    `CATEGORIES:${[event.kind, ...event.tags].map(text).join(',')}`,
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ];
}

/** Keeps the line breaks this renderer put in, and nothing else that is not plain text. */
function cleanMultiline(value: string): string {
  return value
    .split('\n')
    .map((line) => cleanInline(line))
    .join('\n');
}

/**
 * An iCalendar file (RFC 5545): each event as a yearly recurring all-day anniversary on its
 * Gregorian date (Old Style dates converted), with a stable UID, so a calendar app can import
 * or subscribe to it and show the events in its own day view.
 */
export function renderIcs(result: QueryResult, ctx: RenderContext): string {
  return renderIcsEvents(resultMatches(result), ctx);
}

/** The calendar of any set of events (`digest --all`: the whole dataset). */
export function renderIcsEvents(matches: readonly EventMatch[], ctx: RenderContext): string {
  const stamp = icsStamp(ctx.now);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//centenary//centenary//EN',
    'CALSCALE:GREGORIAN',
    'NAME:centenary',
    'X-WR-CALNAME:centenary',
    'DESCRIPTION:Historical anniversaries from centenary',
    'X-WR-CALDESC:Historical anniversaries from centenary',
    'REFRESH-INTERVAL;VALUE=DURATION:P1D',
    'X-PUBLISHED-TTL:P1D',
    ...distinct(matches).flatMap((m) => renderEvent(m, ctx, stamp)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
