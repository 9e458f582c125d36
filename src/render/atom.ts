import { TZDate } from '@date-fns/tz';
import { formatISO } from 'date-fns';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { type CalendarDate, formatIsoDate } from '../core/calendar.js';
import { DataError } from '../core/errors.js';
import type { QueryResult } from '../core/query.js';
import type { RenderContext } from './context.js';
import { buildEdition } from './edition.js';
import { renderEditionHtml } from './html.js';
import { escapeMarkup as e } from './markup.js';
import { uuidFromName } from './stable-id.js';

const ATOM_NS = 'http://www.w3.org/2005/Atom';

/** One rendered `<entry>`, with the id and publication instant a feed file is merged by. */
export interface AtomEntry {
  readonly id: string;
  /** RFC 3339; newest first when a feed is trimmed. */
  readonly published: string;
  readonly xml: string;
}

/** RFC 3339 in UTC, to the second: the form feed readers and validators like best. */
export function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Midnight at the start of `day` in the zone that decides "today": when that day's edition is published. */
function startOfDayIn(day: CalendarDate, timeZone: string): string {
  const midnight = new TZDate(day.year, day.month - 1, day.day, timeZone);
  midnight.setFullYear(day.year);
  return formatISO(midnight);
}

/** Entry ids are name-based, from the day and the spans of years: the same edition always has the same id. */
export function editionId(day: string, years: readonly number[]): string {
  return `urn:uuid:${uuidFromName(`centenary:edition:${day}:${years.join(',')}`)}`;
}

function feedId(years: readonly number[]): string {
  return `urn:uuid:${uuidFromName(`centenary:feed:${years.join(',')}`)}`;
}

/** Splits a result into one result per day of the window that has events (all spans of years together). */
function perDay(result: QueryResult): { key: CalendarDate; result: QueryResult; offset: number }[] {
  if (result.type === 'month') {
    return result.months.map((m) => ({ key: { calendar: 'gregorian', year: m.year, month: m.month, day: 1 }, result: { ...result, months: [m] }, offset: 0 }));
  }
  const out: { key: CalendarDate; result: QueryResult; offset: number }[] = [];
  const offsets = [...new Set(result.days.map((d) => d.offset))];
  for (const offset of offsets) {
    // Each entry is that day's own edition: its day becomes the reference (offset 0).
    const days = result.days.filter((d) => d.offset === offset).map((d) => ({ ...d, offset: 0 }));
    const first = days[0];
    // The digest's "this month" goes with the reference day's own entry.
    const months = offset === 0 ? result.months : undefined;
    if (!first || (days.every((d) => d.matches.length === 0) && !(months ?? []).some((m) => m.matches.length + m.undated.length > 0))) continue;
    out.push({
      key: first.day,
      offset,
      result: { ...result, options: { ...result.options, reference: first.day, behind: 0, ahead: 0 }, days, nearest: [], ...(months ? { months } : {}) },
    });
  }
  return out;
}

/** The entries of a result: one per day with events (one per month for `--month`). */
export function renderAtomEntries(result: QueryResult, ctx: RenderContext): AtomEntry[] {
  const updated = rfc3339(ctx.now);
  return perDay(result).map(({ key, result: day, offset }) => {
    const dayCtx: RenderContext = { ...ctx, referenceIsToday: ctx.referenceIsToday && offset === 0 };
    const edition = buildEdition(day, dayCtx);
    const keyText = result.type === 'month' ? formatIsoDate(key).slice(0, 7) : formatIsoDate(key);
    const id = editionId(keyText, result.options.years);
    const published = startOfDayIn(key, ctx.timeZone);
    const xml = [
      '  <entry>',
      `    <id>${id}</id>`,
      `    <title type="text">${e(edition.title)}</title>`,
      `    <published>${published}</published>`,
      `    <updated>${updated}</updated>`,
      `    <summary type="text">${e(`${edition.kicker}: ${edition.dateLine}`)}</summary>`,
      `    <content type="html">${e(renderEditionHtml(edition, dayCtx, false))}</content>`,
      '  </entry>',
    ].join('\n');
    return { id, published, xml };
  });
}

/** The feed document around entries; `updated` is the render clock. */
export function renderAtomFeed(entries: readonly AtomEntry[], ctx: RenderContext, years: readonly number[]): string {
  const span = years.map((n) => `${n}`).join(', ');
  const title = years.length === 1 && years[0] !== undefined ? `${years[0]} Years Ago` : `${span} Years Ago`;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="${ATOM_NS}" xml:lang="en">`,
    `  <id>${feedId(years)}</id>`,
    `  <title type="text">${e(title)}</title>`,
    `  <subtitle type="text">What happened ${e(span)} years ago, day by day, from centenary.</subtitle>`,
    `  <updated>${rfc3339(ctx.now)}</updated>`,
    ...(ctx.feedUrl ? [`  <link rel="self" type="application/atom+xml" href="${e(ctx.feedUrl)}"/>`] : []),
    '  <author><name>centenary</name></author>',
    '  <generator>centenary</generator>',
    ...entries.map((entry) => entry.xml),
    '</feed>',
    '',
  ].join('\n');
}

/** An Atom 1.0 feed (RFC 4287) with one entry per day that has events. */
export function renderAtom(result: QueryResult, ctx: RenderContext): string {
  return renderAtomFeed(renderAtomEntries(result, ctx), ctx, result.options.years);
}

/** What a feed file holds: its entries exactly as written, so that merging leaves them untouched. */
export function readAtomEntries(text: string, file: string): AtomEntry[] {
  const invalid = (problem: string) =>
    new DataError(`${file} is not an Atom feed centenary can add to: ${problem}`, [], 'move the file away (or delete it) and run again to start a new feed');
  // centenary never writes a DOCTYPE; one in the file can only declare entities (billion laughs).
  if (/<!DOCTYPE/i.test(text)) throw invalid('it has a DOCTYPE, which centenary never writes');
  let parsed: unknown;
  try {
    const valid = XMLValidator.validate(text);
    if (valid !== true) throw invalid(`line ${valid.err.line}: ${valid.err.msg}`);
    parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' }).parse(text);
  } catch (error) {
    // The parser's own limits (a hostile file nested 100,000 deep) are a bad file, not a bug.
    if (error instanceof DataError) throw error;
    throw invalid((error as Error).message);
  }
  const feed = (parsed as { feed?: { '@_xmlns'?: string; entry?: unknown[] } }).feed;
  if (!feed || feed['@_xmlns'] !== ATOM_NS) throw invalid('no Atom <feed> element');
  const parsedIds = (feed.entry ?? []).map((entry) => String((entry as { id?: unknown }).id ?? ''));
  // Entries are kept byte for byte: their text is cut from the file, and checked against the parse.
  const raw = [...text.matchAll(/^ {2}<entry>\n[\s\S]*?\n {2}<\/entry>$/gm)].map((m) => m[0]);
  const entries = raw.map((xml) => {
    const id = /<id>([^<]*)<\/id>/.exec(xml)?.[1] ?? '';
    const published = /<published>([^<]*)<\/published>/.exec(xml)?.[1] ?? /<updated>([^<]*)<\/updated>/.exec(xml)?.[1] ?? '';
    return { id, published, xml };
  });
  if (entries.length !== parsedIds.length || entries.some((entry, i) => entry.id !== parsedIds[i])) {
    throw invalid('its entries are not laid out as centenary writes them');
  }
  return entries;
}

/**
 * Adds fresh entries to a feed file's text: an entry whose id is already there is left as it
 * is (a second run on the same day adds nothing), existing entries are kept byte for byte, and
 * only the newest `size` are kept. Undefined when nothing changes, so the file need not be written.
 */
export function mergeAtomFeed(existing: string | undefined, fresh: readonly AtomEntry[], ctx: RenderContext, years: readonly number[], size: number, file: string): string | undefined {
  const old = existing === undefined ? [] : readAtomEntries(existing, file);
  const known = new Set(old.map((entry) => entry.id));
  const added = fresh.filter((entry) => !known.has(entry.id));
  const all = [...added, ...old];
  const kept = all
    .map((entry, index) => ({ entry, index, time: Date.parse(entry.published) }))
    .sort((a, b) => (Number.isNaN(b.time) ? 0 : b.time) - (Number.isNaN(a.time) ? 0 : a.time) || a.index - b.index)
    .slice(0, size)
    .map(({ entry }) => entry);
  if (existing !== undefined && added.length === 0 && kept.length === old.length) return undefined;
  return renderAtomFeed(kept, ctx, years);
}
