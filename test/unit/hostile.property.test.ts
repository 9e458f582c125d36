import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import ICAL from 'ical.js';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import type { HistoricalEvent } from '../../src/core/event.js';
import { buildEventIndex } from '../../src/core/match.js';
import { runQuery } from '../../src/core/query.js';
import type { RenderContext } from '../../src/render/context.js';
import { loadDateWords } from '../../src/render/locales.js';
import { renderAtom } from '../../src/render/atom.js';
import { renderEmail } from '../../src/render/email.js';
import { renderHtml } from '../../src/render/html.js';
import { renderIcs } from '../../src/render/ics.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { cleanInline, cleanInlineFully } from '../../src/render/sanitize.js';
import { plainStyle } from '../../src/render/style.js';
import { byTag, findAll, parseHtml, parseHtmlFragment, text } from '../parsers.js';

/** Pieces that have broken a format somewhere: markup, CDATA ends, line breaks, controls, escapes, encoded words, long words. */
const NASTY = [
  '<', '>', '&', '"', "'", ']]>', '<![CDATA[', '<!--', '</a>', '<script>', '&amp;', '&#0;', '\r\n', '\n', '\r', '\u0000', '\u0007', '\u001b[2J',
  '\u0085', '\u2028', '\u202e', '\ufffe', ';', ',', '\\', '\\n', ':', 'BEGIN:VEVENT', 'END:VCALENDAR', '*', '_', '`', '[', ']', '(', ')', '#', '|', '~', '!',
  '=?UTF-8?B?SGk=?=', '--', 'Bcc: x@example.org', ' ', '  ', '\t', 'é', 'ß', 'Я', '😀', '👩‍👩‍👧', '中文', 'x'.repeat(200), 'é'.repeat(80),
];
const hostile = fc
  .array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: 'binary', maxLength: 12 })), { minLength: 1, maxLength: 12 })
  .map((parts) => parts.join(''))
  .filter((s) => cleanInline(s) !== '');

describe('cleanInline', () => {
  it('gives what the full cleaning gives, shortcut or not, for any text', () => {
    const text = fc.oneof(
      fc.array(fc.oneof(fc.constantFrom(...NASTY, '\ufeff', '\u200f', '\u061c', '\u009b', '\u0090x\u009c'), fc.string({ unit: 'binary', maxLength: 12 })), { maxLength: 12 }).map((p) => p.join('')),
      fc.string({ unit: 'grapheme', maxLength: 40 }),
    );
    fc.assert(
      fc.property(text, (s) => {
        expect(cleanInline(s)).toBe(cleanInlineFully(s));
      }),
      { numRuns: 3000 },
    );
  });
});

const ctx: RenderContext = {
  style: plainStyle,
  width: 80,
  oldStyle: false,
  words: await loadDateWords('en'),
  localeName: 'en',
  referenceIsToday: true,
  timeZone: 'UTC',
  now: Date.UTC(2026, 10, 26, 6, 0, 0),
  mail: { to: [{ address: 'reader@example.org' }] },
};

function resultFor(title: string, summary: string, place: string) {
  const event: HistoricalEvent = {
    id: 'hostile', date: { year: 1926, month: 11, day: 26 }, calendar: 'gregorian', title, summary, place, kind: 'event', tags: [],
    sources: [{ title, url: 'https://example.org/' }], origin: { file: 'x.json', index: 0 },
  };
  return runQuery(buildEventIndex([event]), { reference: { calendar: 'gregorian', year: 2026, month: 11, day: 26 }, years: [100], behind: 0, ahead: 0, ongoing: false, month: false });
}

/** What any format shows of a piece of text: one line, controls gone; characters XML forbids become U+FFFD. */
const shown = (s: string) => cleanInline(s).replace(/[\ufffe\uffff]/g, '\ufffd');

describe('for any hostile title, summary and place, every format parses back to the same text', () => {
  const known: [string, string, string][] = [
    ['*bold* _it_ `code` [x](javascript:y) <b>b</b> ~~s~~ | a | # h #', '1. list\r\n> quote ]]> &amp;', 'BEGIN:VEVENT\r\nX: y'],
    ['=?UTF-8?B?SGk=?= \r\nBcc: x@example.org', `${'x'.repeat(300)} ${'ж'.repeat(100)}`, '\u0000\u001b[31m;,\\'],
  ];
  const runs = { numRuns: 100, examples: known };

  it('HTML', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, (title, summary, place) => {
        const doc = parseHtml(renderHtml(resultFor(title, summary, place), ctx));
        expect(findAll(doc, byTag('script'))).toEqual([]);
        expect(findAll(doc, byTag('h3')).map(text)).toEqual([shown(title)]);
        expect(findAll(doc, byTag('p')).map(text)).toContain(shown(summary));
      }),
      runs,
    );
  });

  it('Atom', () => {
    const parser = new XMLParser({ ignoreAttributes: false, htmlEntities: false, trimValues: false });
    fc.assert(
      fc.property(hostile, hostile, hostile, (title, summary, place) => {
        const xml = renderAtom(resultFor(title, summary, place), ctx);
        expect(XMLValidator.validate(xml)).toBe(true);
        const entry = parser.parse(xml).feed.entry;
        expect(entry.title['#text']).toBe(`100 Years Ago: ${shown(title)}`);
        expect(findAll(parseHtmlFragment(entry.content['#text']), byTag('h3')).map(text)).toEqual([shown(title)]);
      }),
      runs,
    );
  });

  it('iCalendar', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, (title, summary, place) => {
        const ics = renderIcs(resultFor(title, summary, place), ctx);
        for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
        const vevents = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
        expect(vevents).toHaveLength(1);
        const event = new ICAL.Event(vevents[0]!);
        expect(event.summary).toBe(`${cleanInline(title)} (1926)`);
        expect(event.location).toBe(cleanInline(place));
        expect(event.description.split('\n\n')[1]).toBe(cleanInline(summary));
      }),
      runs,
    );
  });

  it('E-mail', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, hostile, hostile, async (title, summary, place) => {
        const raw = renderEmail(resultFor(title, summary, place), ctx);
        for (const line of raw.split('\n')) expect(line.length).toBeLessThanOrEqual(998);
        const mail = await PostalMime.parse(raw);
        expect(mail.headers.map((h) => h.key).sort()).toEqual(['auto-submitted', 'content-type', 'date', 'message-id', 'mime-version', 'subject', 'to']);
        expect(mail.subject).toBe(`100 years ago today: ${cleanInline(title)}`);
        expect(findAll(parseHtml(mail.html ?? ''), byTag('h3')).map(text)).toEqual([shown(title)]);
      }),
      runs,
    );
  });

  it('Markdown (rendered by a GFM parser)', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, (title, summary, place) => {
        const md = renderMarkdown(resultFor(title, summary, place), ctx);
        const doc = parseHtmlFragment(micromark(md, { extensions: [gfm()], htmlExtensions: [gfmHtml()] }));
        expect(findAll(doc, byTag('script'))).toEqual([]);
        const headings = findAll(doc, byTag('h3'));
        expect(headings.map(text)).toEqual([cleanInline(title)]);
      }),
      runs,
    );
  });
});
