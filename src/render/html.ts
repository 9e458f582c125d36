import type { QueryResult } from '../core/query.js';
import type { RenderContext } from './context.js';
import { type EditionView, type EventView, type SectionView, buildEdition } from './edition.js';
import { escapeMarkup as e, linkableUrl } from './markup.js';

/**
 * One standalone page: no scripts, fonts or images to fetch, so it works offline and can be
 * mailed or published as it is; laid out for a phone first (a single readable column, long
 * words allowed to break). Every piece of dataset text goes through `escapeMarkup`.
 */
const STYLE = `
:root { color-scheme: light dark; --ink: #1f1d1a; --paper: #fbf8f1; --muted: #6b645a; --rule: #d9d1c3; --accent: #8a3b12; }
@media (prefers-color-scheme: dark) { :root { --ink: #ece6da; --paper: #1b1a18; --muted: #a79f92; --rule: #3a3732; --accent: #e49a6a; } }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; background: var(--paper); color: var(--ink); font: 1.0625rem/1.6 Georgia, "Times New Roman", serif; overflow-wrap: anywhere; }
main { max-width: 42rem; margin: 0 auto; padding: 1.5rem 1.125rem 3rem; }
.kicker { margin: 0; color: var(--accent); font: 600 0.8rem/1.4 system-ui, sans-serif; letter-spacing: 0.08em; text-transform: uppercase; }
h1 { margin: 0.35rem 0 0.5rem; font-size: clamp(1.6rem, 5vw + 0.6rem, 2.4rem); line-height: 1.2; }
.dateline { margin: 0 0 1.5rem; color: var(--muted); font-style: italic; }
h2 { margin: 2.25rem 0 0.75rem; padding-top: 0.75rem; border-top: 1px solid var(--rule); font: 600 0.95rem/1.4 system-ui, sans-serif; color: var(--muted); }
.event { margin: 0 0 1.75rem; }
.event h3 { margin: 0 0 0.25rem; font-size: 1.3rem; line-height: 1.3; }
.summary { margin: 0.5rem 0; }
.meta { margin: 0 0 0.5rem; color: var(--muted); font: 0.9rem/1.5 system-ui, sans-serif; }
.note { margin: 0.5rem 0; padding-left: 0.9rem; border-left: 3px solid var(--rule); color: var(--muted); font-size: 0.95rem; }
.sources { margin: 0.5rem 0 0; padding: 0; list-style: none; font: 0.85rem/1.5 system-ui, sans-serif; }
.sources li::before { content: "→ "; color: var(--muted); }
a { color: var(--accent); }
.empty { color: var(--muted); }
footer.colophon { margin-top: 3rem; color: var(--muted); font: 0.8rem/1.5 system-ui, sans-serif; }
`.trim();

function renderEvent(event: EventView, lang: string): string {
  const when = event.isoDate ? `<time datetime="${e(event.isoDate)}"${lang}>${e(event.when)}</time>` : `<span${lang}>${e(event.when)}</span>`;
  const meta = [when, ...[event.place, event.kind, event.progress].filter((p): p is string => p !== undefined).map((p) => `<span>${e(p)}</span>`)];
  const parts = [
    `<article class="event" id="${e(`event-${event.id}`)}">`,
    `<h3>${e(event.title)}</h3>`,
    `<p class="meta">${meta.join(' · ')}</p>`,
  ];
  if (event.summary) parts.push(`<p class="summary">${e(event.summary)}</p>`);
  if (event.note) parts.push(`<p class="note">${e(event.note)}</p>`);
  if (event.sources.length > 0) {
    const items = event.sources.map((s) => {
      const url = linkableUrl(s.url);
      return `<li>${url ? `<a href="${e(url)}" rel="noopener noreferrer">${e(s.title)}</a>` : e(s.title)}</li>`;
    });
    parts.push(`<ul class="sources" aria-label="Sources">${items.join('')}</ul>`);
  }
  parts.push('</article>');
  return parts.join('\n');
}

function renderSection(section: SectionView, showHeading: boolean, lang: string): string {
  const parts = [`<section data-key="${e(section.key)}">`];
  if (showHeading) parts.push(`<h2>${e(section.heading)}</h2>`);
  if (section.events.length === 0) parts.push(`<p class="empty">${e(section.empty ?? 'Nothing in the dataset.')}</p>`);
  for (const event of section.events) parts.push(renderEvent(event, lang));
  parts.push('</section>');
  return parts.join('\n');
}

/** Dates follow `--locale` while the rest of the page is English: mark them for screen readers and hyphenation. */
function langAttribute(ctx: RenderContext): string {
  return ctx.localeName && ctx.localeName !== 'en' ? ` lang="${e(ctx.localeName)}"` : '';
}

/**
 * The edition's body (heading, date line, sections): the page's article, and an Atom entry's
 * content — there without the kicker and title, which a feed reader shows as the entry's title.
 */
export function renderEditionHtml(edition: EditionView, ctx: RenderContext, withTitle = true): string {
  const lang = langAttribute(ctx);
  const showHeadings = edition.sections.length > 1;
  const dateLine = edition.isoDate ? `<time datetime="${e(edition.isoDate)}"${lang}>${e(edition.dateLine)}</time>` : `<span${lang}>${e(edition.dateLine)}</span>`;
  return [
    ...(withTitle ? ['<header>', `<p class="kicker">${e(edition.kicker)}</p>`, `<h1>${e(edition.title)}</h1>`] : []),
    `<p class="dateline">${dateLine}</p>`,
    ...(withTitle ? ['</header>'] : []),
    ...edition.sections.map((s) => renderSection(s, showHeadings, lang)),
  ].join('\n');
}

export function renderHtmlPage(edition: EditionView, ctx: RenderContext): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="centenary">
<title>${e(edition.title)}</title>
${ctx.feedUrl ? `<link rel="alternate" type="application/atom+xml" title="100 Years Ago" href="${e(ctx.feedUrl)}">\n` : ''}<style>
${STYLE}
</style>
</head>
<body>
<main>
<article class="edition">
${renderEditionHtml(edition, ctx)}
</article>
<footer class="colophon">Made with centenary. Dates before the Gregorian reform in each country are converted from the Old Style (Julian) calendar.</footer>
</main>
</body>
</html>
`;
}

/** A standalone HTML page of the edition, like a history blog's post of the day. */
export function renderHtml(result: QueryResult, ctx: RenderContext): string {
  return renderHtmlPage(buildEdition(result, ctx), ctx);
}
