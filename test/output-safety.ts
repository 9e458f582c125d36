/** What every output format promises about untrusted dataset text, checked with real parsers. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import ICAL from 'ical.js';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import PostalMime from 'postal-mime';
import { expect } from 'vitest';
import { cleanInline } from '../src/render/sanitize.js';
import { type Element, attr, byTag, findAll, parseHtml, parseHtmlFragment, text } from './parsers.js';

/** Controls, line separators and bidi controls: nothing a terminal or a reader should get from data (a newline aside). */
// eslint-disable-next-line no-control-regex
export const TERMINAL_UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A title as every format shows it: one line, controls gone; what XML cannot hold becomes U+FFFD. */
export const shown = (s: string) => cleanInline(s).replace(/[\ufffe\uffff]/g, '\ufffd').replace(LONE_SURROGATE, '\ufffd');

const SAFE_TAGS = new Set(['html', 'head', 'body', 'meta', 'title', 'link', 'style', 'main', 'article', 'header', 'footer', 'section', 'p', 'h1', 'h2', 'h3', 'time', 'span', 'ul', 'li', 'a', 'em', 'strong', 'blockquote', 'hr', 'code', 'del', 'ol', 'br']);
const SAFE_ATTRS = new Set(['lang', 'charset', 'name', 'content', 'rel', 'type', 'title', 'href', 'class', 'id', 'datetime', 'data-key', 'aria-label']);

/** Nothing in the tree can run: only the elements and attributes of a benign page, links only to `links`. */
export function expectInert(root: Parameters<typeof findAll>[0], links = /^https?:\/\//i): void {
  for (const el of findAll(root, () => true) as Element[]) {
    expect(SAFE_TAGS.has(el.tagName), `element <${el.tagName}>`).toBe(true);
    for (const a of el.attrs) {
      expect(SAFE_ATTRS.has(a.name), `attribute ${a.name}`).toBe(true);
      if (a.name === 'href') expect(a.value).toMatch(links);
    }
    if (el.tagName === 'meta') expect(attr(el, 'http-equiv')).toBeUndefined();
  }
}

const SGR = /\u001b\[[0-9;]*m/g;

/**
 * Checks one rendered output of a day whose only event has `title`: it parses with the format's
 * own parser, nothing in it can act, and the title comes back as given (minus what the format
 * must strip). `coloured` text may carry the styling's own SGR sequences, and nothing else.
 */
export async function expectSafeOutput(format: string, output: string, title: string): Promise<void> {
  switch (format) {
    case 'text': {
      const bare = output.replace(SGR, '');
      expect(bare).not.toMatch(TERMINAL_UNSAFE);
      expect(bare.replace(/\s+/g, '')).toContain(cleanInline(title).replace(/\s+/g, ''));
      return;
    }
    case 'json': {
      expect(output).not.toMatch(TERMINAL_UNSAFE);
      const doc = JSON.parse(output) as { days: { events: { title: string }[] }[] };
      expect(doc.days.flatMap((d) => d.events.map((e) => e.title))).toEqual([title]);
      return;
    }
    case 'markdown':
      expectInert(parseHtmlFragment(micromark(output, { extensions: [gfm()], htmlExtensions: [gfmHtml()] })), /^(?:https?|mailto):/i);
      return;
    case 'html': {
      const doc = parseHtml(output);
      expectInert(doc);
      expect(findAll(doc, byTag('h3')).map(text)).toEqual([shown(title)]);
      return;
    }
    case 'atom': {
      expect(XMLValidator.validate(output)).toBe(true);
      const feed = new XMLParser({ ignoreAttributes: false, htmlEntities: false, trimValues: false }).parse(output).feed;
      expect(Array.isArray(feed.entry)).toBe(false);
      expect(String(feed.entry.title['#text']).replace(/^[^:]*: /, '')).toBe(shown(title));
      expectInert(parseHtmlFragment(feed.entry.content['#text']));
      return;
    }
    case 'ics': {
      const vevents = new ICAL.Component(ICAL.parse(output)).getAllSubcomponents('vevent');
      expect(vevents).toHaveLength(1);
      const names = vevents[0]!.getAllProperties().map((p) => p.name);
      expect(new Set(names).size).toBe(names.length);
      expect(new ICAL.Event(vevents[0]!).summary).toBe(`${cleanInline(title)} (1926)`);
      return;
    }
    case 'email': {
      const head = output.slice(0, output.indexOf('\n\n'));
      expect(head).toMatch(/^[\x20-\x7e\n]*$/);
      const names = head.split(/\n(?! )/).map((l) => l.slice(0, l.indexOf(':')));
      expect(names.filter((n) => !['From', 'To', 'Subject', 'Date', 'Message-ID', 'MIME-Version', 'Auto-Submitted', 'Content-Type'].includes(n))).toEqual([]);
      const mail = await PostalMime.parse(output);
      expect(mail.subject?.replace(/^[^:]*: /, '')).toBe(shown(title));
      expect(mail.bcc ?? []).toEqual([]);
      expectInert(parseHtml(mail.html ?? ''));
      return;
    }
    default:
      throw new Error(`no check for format ${format}`);
  }
}
