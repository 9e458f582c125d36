import { type EventList, listAsQueryResult } from '../core/event-filter.js';
import type { RenderContext } from './context.js';
import { renderListJson } from './list-json.js';
import { renderListText } from './list-text.js';
import { type Format, loadRenderer } from './renderers.js';

export type ListRenderer = (list: EventList, ctx: RenderContext) => string;

/**
 * Formats with a layout of their own for a list of events. Every other format in the renderer
 * table gets the list as a query result (one day per event date, see listAsQueryResult), so a
 * format added there works for search and list too without a line here.
 */
export const listRenderers: Partial<Record<Format, ListRenderer>> = {
  text: renderListText,
  json: renderListJson,
};

export async function renderList(format: Format, list: EventList, ctx: RenderContext): Promise<string> {
  const own = listRenderers[format];
  return own ? own(list, ctx) : (await loadRenderer(format))(listAsQueryResult(list), ctx);
}
