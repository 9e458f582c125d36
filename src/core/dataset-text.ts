import type { CalendarName } from './calendar.js';
import { julianDayRange, parsePartialDate } from './partial-date.js';

/** The order fields are written in; unknown fields keep their place after these. */
export const FIELD_ORDER = ['id', 'date', 'end', 'calendar', 'dualYear', 'title', 'summary', 'place', 'country', 'kind', 'tags', 'sources', 'note'] as const;

export type RawEvent = Readonly<Record<string, unknown>>;

export function orderFields(event: RawEvent): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of FIELD_ORDER) if (event[key] !== undefined) out[key] = event[key];
  for (const [key, value] of Object.entries(event)) if (!(key in out)) out[key] = value;
  return out;
}

/** Sort key: the event's first possible day (Julian Day Number), then its id. */
export function sortKey(event: RawEvent): [number, string] {
  const date = typeof event['date'] === 'string' ? parsePartialDate(event['date']) : undefined;
  const calendar = (event['calendar'] as CalendarName | undefined) ?? 'gregorian';
  const jd = date ? julianDayRange(date, calendar)[0] : Number.MAX_SAFE_INTEGER;
  return [jd, String(event['id'])];
}

export function sortEvents(events: readonly RawEvent[]): RawEvent[] {
  const keyed = events.map((e) => ({ e, k: sortKey(e) }));
  keyed.sort((a, b) => a.k[0] - b.k[0] || (a.k[1] < b.k[1] ? -1 : a.k[1] > b.k[1] ? 1 : 0));
  return keyed.map(({ e }) => e);
}

/**
 * The reviewable file layout: one event per line, fields in a fixed order, so that a diff
 * shows exactly the events that changed.
 */
export function serializeDataset(events: readonly RawEvent[], schema = './schema/events.schema.json'): string {
  const lines = events.map((e) => `    ${JSON.stringify(orderFields(e))}`);
  return `{\n  "$schema": ${JSON.stringify(schema)},\n  "events": [\n${lines.join(',\n')}\n  ]\n}\n`;
}
