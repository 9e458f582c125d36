import { fromJulianDay } from '../core/calendar.js';
import type { EventList } from '../core/event-filter.js';
import { julianDayRange, precisionOf } from '../core/partial-date.js';
import type { RenderContext } from './context.js';
import { JSON_FORMAT_VERSION, dualDateJson, eventFields } from './json.js';
import { escapeJsonText } from './sanitize.js';

/**
 * `{ version, type: "list", count, events }`: each event as in the query document, with `date`
 * (and `end`) in both calendars when the day is known, and without `match`.
 */
export function renderListJson(list: EventList, _ctx: RenderContext): string {
  const events = list.events.map((event) => {
    if (precisionOf(event.date) !== 'day') return eventFields(event);
    const start = fromJulianDay(julianDayRange(event.date, event.calendar)[0], 'gregorian');
    const end = event.end ? fromJulianDay(julianDayRange(event.end, event.calendar)[1], 'gregorian') : undefined;
    return { ...eventFields(event), date: dualDateJson(start), ...(end ? { end: dualDateJson(end) } : {}) };
  });
  return `${escapeJsonText(JSON.stringify({ version: JSON_FORMAT_VERSION, type: 'list', count: events.length, events }, null, 2))}\n`;
}
