import { fromJulianDay } from '../core/calendar.js';
import type { EventList } from '../core/event-filter.js';
import type { HistoricalEvent } from '../core/event.js';
import { julianDayRange, precisionOf } from '../core/partial-date.js';
import type { RenderContext } from './context.js';
import { dualDate, partialDateText } from './date-text.js';
import { cleanInline } from './sanitize.js';
import { placeText } from './text.js';
import { wrapText } from './wrap.js';

const INDENT = '  ';

/** "6–8 November 1917 (24–26 October O.S.)", or "November 1917" when only the month is known. */
export function eventDateText(event: HistoricalEvent, ctx: RenderContext): string {
  if (precisionOf(event.date) !== 'day') return partialDateText(ctx.words, event.date);
  const start = fromJulianDay(julianDayRange(event.date, event.calendar)[0], 'gregorian');
  const end = event.end ? fromJulianDay(julianDayRange(event.end, event.calendar)[1], 'gregorian') : undefined;
  return dualDate(ctx.words, start, end, ctx.oldStyle || event.calendar === 'julian');
}

/** One block per event (title, then date · place · kind · id), then a count. */
export function renderListText(list: EventList, ctx: RenderContext): string {
  if (list.events.length === 0) return 'No events match.\n';
  const blocks = list.events.map((event) => {
    const meta = [eventDateText(event, ctx)];
    const where = placeText(event);
    if (where) meta.push(where);
    if (event.kind !== 'event') meta.push(cleanInline(event.kind));
    meta.push(`id ${cleanInline(event.id)}`);
    return [
      ...wrapText(cleanInline(event.title), ctx.width).map((l) => ctx.style.title(l)),
      ...wrapText(meta.join(' · '), ctx.width, INDENT).map((l) => ctx.style.meta(l)),
    ].join('\n');
  });
  const count = `${list.events.length} ${list.events.length === 1 ? 'event' : 'events'}.`;
  return `${blocks.join('\n')}\n\n${count}\n`;
}
