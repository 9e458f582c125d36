import { toJulianDay } from '../core/calendar.js';
import type { HistoricalEvent } from '../core/event.js';
import type { DayResult, EventMatch, MonthResult } from '../core/match.js';
import type { QueryResult } from '../core/query.js';
import { oldStyleMeaningful } from '../core/reform.js';
import type { RenderContext } from './context.js';
import { capitalise, dualDate, dualDayHeading, longDate, monthName, partialDateText } from './date-text.js';
import { ENGLISH_COUNTRY_NAMES } from './country-names.js';
import { cleanInline } from './sanitize.js';
import { wrapText } from './wrap.js';

const INDENT = '  ';

export function renderText(result: QueryResult, ctx: RenderContext): string {
  const blocks = result.type === 'days' ? renderDays(result.days, result.nearest, ctx) : result.months.map((m) => renderMonth(m, ctx));
  if (result.type === 'days') for (const m of result.months ?? []) blocks.push(renderMonth(m, ctx));
  return `${blocks.join('\n\n')}\n`;
}

function renderDays(days: readonly DayResult[], nearest: readonly DayResult[], ctx: RenderContext): string[] {
  const withEvents = days.filter((d) => d.matches.length > 0);
  if (withEvents.length > 0) return withEvents.map((d) => renderDay(d, ctx));
  const first = days.find((d) => d.offset === 0) ?? days[0];
  const lines = [first ? `Nothing in the dataset for ${dayHeading(first, ctx)}.` : 'Nothing in the dataset for that day.'];
  if (nearest.length > 0) {
    lines.push('', 'Nearest within a week:');
    for (const d of nearest) {
      lines.push('', ctx.style.heading(dayHeading(d, ctx)));
      for (const m of d.matches) lines.push(...renderMatch(m, d, ctx));
    }
  }
  return [lines.join('\n')];
}

function renderDay(day: DayResult, ctx: RenderContext): string {
  const lines = [ctx.style.heading(dayHeading(day, ctx))];
  for (const match of day.matches) lines.push('', ...renderMatch(match, day, ctx));
  return lines.join('\n');
}

/** "100 years ago today: Friday, 26 November 1926 (13 November O.S.)" */
export function dayHeading(day: DayResult, ctx: RenderContext): string {
  const span = `${day.yearsAgo} ${day.yearsAgo === 1 ? 'year' : 'years'}`;
  const when = ctx.referenceIsToday ? `${span} ago ${relativeDay(day.offset)}` : `${span} before ${longDate(ctx.words, day.day)}`;
  if (!day.target) {
    return `${when}: 29 February ${day.day.year - day.yearsAgo} (no such day in the Gregorian calendar)`;
  }
  const oldStyle = ctx.oldStyle || (ctx.oldStyleAuto === true && day.matches.some((m) => oldStyleMeaningful(m.event, m.start)));
  return `${when}: ${dualDayHeading(ctx.words, day.target, oldStyle)}`;
}

function relativeDay(offset: number): string {
  if (offset === 0) return 'today';
  if (offset === 1) return 'tomorrow';
  if (offset === -1) return 'yesterday';
  return offset > 0 ? `in ${offset} days` : `${-offset} days ago`;
}

function renderMatch(match: EventMatch, day: DayResult | undefined, ctx: RenderContext): string[] {
  const { event } = match;
  const oldStyle = ctx.oldStyle || event.calendar === 'julian' || (ctx.oldStyleAuto === true && oldStyleMeaningful(event, match.start));
  const meta = [withDualYear(dualDate(ctx.words, match.start, match.end, oldStyle), event)];
  const where = placeText(event);
  if (where) meta.push(where);
  if (event.kind !== 'event') meta.push(cleanInline(event.kind));
  if (event.calendar === 'julian' && match.anniversary) meta.push(`${match.anniversary} anniversary`);
  const progress = day ? progressText(match, day) : undefined;
  if (progress) meta.push(progress);
  const lines = [
    ...wrapText(cleanInline(event.title), ctx.width, INDENT).map((l) => ctx.style.title(l)),
    ...wrapText(meta.join(' · '), ctx.width, INDENT).map((l) => ctx.style.meta(l)),
  ];
  if (event.summary) lines.push(...wrapText(cleanInline(event.summary), ctx.width, INDENT));
  return lines;
}

/** "22 February 1732 (11 February 1731/32 O.S.)": the year as the English source wrote it. */
function withDualYear(text: string, event: HistoricalEvent): string {
  if (event.dualYear === undefined || event.end) return text;
  return text.replace(/ O\.S\.\)$/, ` ${event.dualYear} O.S.)`);
}

export function progressText(match: EventMatch, day: DayResult): string | undefined {
  if (!match.end) return undefined;
  if (match.kind === 'start') return 'first day';
  if (match.kind === 'end') return 'last day';
  if (!day.target) return undefined;
  const n = toJulianDay(day.target) - toJulianDay(match.start) + 1;
  const of = toJulianDay(match.end) - toJulianDay(match.start) + 1;
  return `day ${n} of ${of}`;
}


export function placeText(event: HistoricalEvent): string | undefined {
  const place = event.place ? cleanInline(event.place) : undefined;
  const country = event.country ? (ENGLISH_COUNTRY_NAMES[event.country] ?? event.country) : undefined;
  if (place && country && !place.includes(country)) return `${place}, ${country}`;
  return place ?? country;
}

function renderMonth(month: MonthResult, ctx: RenderContext): string {
  const heading = `${capitalise(monthName(ctx.words, month.month, 'standalone'))} ${month.year}, ${month.yearsAgo} years ago this month`;
  const lines = [ctx.style.heading(heading)];
  if (month.matches.length === 0 && month.undated.length === 0) lines.push('', `${INDENT}Nothing in the dataset for this month.`);
  for (const match of month.matches) lines.push('', ...renderMatch(match, undefined, ctx));
  for (const event of month.undated) {
    lines.push('', ...wrapText(cleanInline(event.title), ctx.width, INDENT).map((l) => ctx.style.title(l)));
    const meta = [`${partialDateText(ctx.words, event.date)} (day not known)`];
    const where = placeText(event);
    if (where) meta.push(where);
    lines.push(...wrapText(meta.join(' · '), ctx.width, INDENT).map((l) => ctx.style.meta(l)));
    if (event.summary) lines.push(...wrapText(cleanInline(event.summary), ctx.width, INDENT));
  }
  return lines.join('\n');
}
