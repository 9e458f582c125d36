import type { QueryResult } from '../core/query.js';
import type { RenderContext } from './context.js';
import { type EventView, buildEdition } from './edition.js';
import { linkableUrl } from './markup.js';

/**
 * Dataset text in GitHub-flavoured Markdown. Backslash escapes every character that can start
 * emphasis, code, a link or image (`(` and `!` are harmless once `[` and `]` are escaped), a
 * table cell or strikethrough anywhere in a line, `#` so that a title cannot close its own heading, the
 * characters that open a block at the start of a line, and `&`/`<`/`>` as entities so that no
 * raw HTML or entity reference survives.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]|~#]/g, '\\$&')
    .replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))
    .replace(/^([-+=:])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** A link destination in angle brackets: the characters that could end it are percent-encoded. */
function destination(url: string): string {
  return `<${url.replace(/[<>\\\s`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)}>`;
}

function renderEvent(event: EventView): string[] {
  const meta = [event.when, event.place, event.kind, event.progress].filter((p): p is string => p !== undefined);
  const lines = [`### ${escapeMarkdown(event.title)}`, '', `*${meta.map(escapeMarkdown).join(' · ')}*`];
  if (event.summary) lines.push('', escapeMarkdown(event.summary));
  if (event.note) lines.push('', `> ${escapeMarkdown(event.note)}`);
  if (event.sources.length > 0) {
    lines.push('', 'Sources:', '');
    for (const source of event.sources) {
      const url = linkableUrl(source.url);
      lines.push(url ? `- [${escapeMarkdown(source.title)}](${destination(url)})` : `- ${escapeMarkdown(source.title)}`);
    }
  }
  return lines;
}

/** A GitHub-flavoured Markdown edition: a title from the lead event, the date, then each day's events. */
export function renderMarkdown(result: QueryResult, ctx: RenderContext): string {
  const edition = buildEdition(result, ctx);
  const lines = [`# ${escapeMarkdown(edition.title)}`, '', `*${escapeMarkdown(edition.kicker)}: ${escapeMarkdown(edition.dateLine)}*`];
  const showHeadings = edition.sections.length > 1;
  for (const section of edition.sections) {
    if (showHeadings) lines.push('', `## ${escapeMarkdown(section.heading)}`);
    if (section.events.length === 0) lines.push('', escapeMarkdown(section.empty ?? 'Nothing in the dataset.'));
    for (const event of section.events) lines.push('', ...renderEvent(event));
  }
  return `${lines.join('\n')}\n`;
}
