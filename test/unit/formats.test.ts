import ICAL from 'ical.js';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import PostalMime from 'postal-mime';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { editionId } from '../../src/render/atom.js';
import { fixture, runInProcess } from '../helpers.js';
import { attr, byClass, byTag, findAll, parseHtml, parseHtmlFragment, text } from '../parsers.js';

const DAY = fixture('digest-day.json');
const HOSTILE = fixture('hostile-formats.json');
// 06:00 in Berlin on 26 November 2026: the digest's "today".
const NOW = Date.UTC(2026, 10, 26, 5, 0, 0);
const ENV = { TZ: 'Europe/Berlin' };
const MAIL = ['--to', 'Ada Reader <ada@example.org>', '--from', 'Centenary <centenary@example.org>'];

async function digest(args: string[], file = DAY): Promise<string> {
  // No --date: the fixed clock makes it 26 November, so the edition is "today"'s, as under cron.
  const { stdout, stderr, code } = await runInProcess(['digest', '--file', file, ...args], { env: ENV, now: NOW });
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return stdout;
}

describe('golden files: one per format, a fixed day, a fixed dataset', () => {
  it.each([
    ['text', 'digest.txt', []],
    ['json', 'digest.json', []],
    ['markdown', 'digest.md', []],
    ['markdown', 'digest-week-month.md', ['--week', '--this-month']],
    ['html', 'digest.html', []],
    ['html', 'digest-de.html', ['--locale', 'de']],
    ['atom', 'digest.atom.xml', []],
    ['atom', 'digest-week.atom.xml', ['--week']],
    ['ics', 'digest.ics', []],
    ['email', 'digest.eml', MAIL],
  ])('%s → test/golden/%s', async (format, name, extra) => {
    await expect(await digest(['--format', format, ...extra])).toMatchFileSnapshot(`../golden/${name}`);
  });
});

describe('HTML: a standalone page, read back by an HTML parser', () => {
  it('has the title from the lead event, the date with its Old Style equivalent, and each event', async () => {
    const doc = parseHtml(await digest(['--format', 'html']));
    expect(text(findAll(doc, byTag('title'))[0]!)).toBe('100 Years Ago: A feast kept by the Old Style church calendar');
    expect(text(findAll(doc, byTag('h1'))[0]!)).toBe('100 Years Ago: A feast kept by the Old Style church calendar');
    expect(text(findAll(doc, byClass('dateline'))[0]!)).toBe('Friday, 26 November 1926 (13 November O.S.)');
    const events = findAll(doc, byClass('event'));
    expect(events.map((e) => text(findAll(e, byTag('h3'))[0]!))).toEqual(['A feast kept by the Old Style church calendar', 'John Moses Browning dies']);
    const browning = events[1]!;
    expect(text(findAll(browning, byClass('meta'))[0]!)).toBe('26 November 1926 · Herstal, Liège, Belgium · death');
    expect(findAll(browning, byTag('a')).map((a) => [text(a), attr(a, 'href')])).toEqual([
      ['John Browning (Wikipedia)', 'https://en.wikipedia.org/wiki/John_Browning'],
      ['FN Herstal (Wikipedia)', 'https://en.wikipedia.org/wiki/FN_Herstal'],
    ]);
  });

  it('needs nothing from the network: no script, stylesheet link, image or font', async () => {
    const doc = parseHtml(await digest(['--format', 'html']));
    for (const tag of ['script', 'link', 'img', 'iframe']) expect(findAll(doc, byTag(tag))).toEqual([]);
    expect(findAll(doc, (el) => el.tagName === 'meta' && attr(el, 'name') === 'viewport')).toHaveLength(1);
  });

  it('--locale de writes the dates in German', async () => {
    const doc = parseHtml(await digest(['--format', 'html', '--locale', 'de']));
    expect(text(findAll(doc, byClass('dateline'))[0]!)).toBe('Freitag, 26. November 1926 (13. November a. St.)');
  });
});

describe('Atom: a valid RFC 4287 feed, read back by an XML parser', () => {
  const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' || name === 'link' });

  it('has one entry per day with a stable id, and the render clock as its time', async () => {
    const xml = await digest(['--format', 'atom', '--week']);
    expect(XMLValidator.validate(xml)).toBe(true);
    const { feed } = parser.parse(xml);
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(feed.updated).toBe('2026-11-26T05:00:00Z');
    expect(feed.author.name).toBe('centenary');
    expect(feed.entry.map((e: { id: string }) => e.id)).toEqual([editionId('2026-11-26', [100]), editionId('2026-11-27', [100]), editionId('2026-12-03', [100])]);
    expect(feed.entry.map((e: { title: { '#text': string } }) => e.title['#text'])).toEqual([
      '100 Years Ago: A feast kept by the Old Style church calendar',
      '100 Years Ago: Italy and Albania sign the First Treaty of Tirana',
      '100 Years Ago: Agatha Christie disappears',
    ]);
    const first = feed.entry[0];
    expect(first.published).toBe('2026-11-26T00:00:00+01:00');
    expect(first.updated).toBe('2026-11-26T05:00:00Z');
    const content = parseHtmlFragment(first.content['#text']);
    expect(findAll(content, byTag('h3')).map(text)).toEqual(['A feast kept by the Old Style church calendar', 'John Moses Browning dies']);
    // The same edition rendered again, later, keeps its id.
    const later = await runInProcess(['digest', '--file', DAY, '--date', '2026-11-26', '--format', 'atom'], { env: ENV, now: NOW + 3_600_000 });
    expect(parser.parse(later.stdout).feed.entry[0].id).toBe(first.id);
  });
});

describe('--feed-url: the feed knows its address, and the page links to it', () => {
  it('Atom gets rel="self"; the HTML page an autodiscovery link', async () => {
    const url = 'https://example.org/centenary/feed.xml';
    const xml = await digest(['--format', 'atom', '--feed-url', url]);
    const { feed } = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'link' }).parse(xml);
    expect(feed.link).toEqual([{ '@_rel': 'self', '@_type': 'application/atom+xml', '@_href': url }]);
    const doc = parseHtml(await digest(['--format', 'html', '--feed-url', url]));
    const links = findAll(doc, byTag('link'));
    expect(links.map((l) => [attr(l, 'rel'), attr(l, 'type'), attr(l, 'href')])).toEqual([['alternate', 'application/atom+xml', url]]);
  });
});

describe('iCalendar: RFC 5545, read back by ical.js field by field', () => {
  async function events(args: string[]) {
    const ics = await digest(['--format', 'ics', ...args]);
    const calendar = new ICAL.Component(ICAL.parse(ics));
    return { ics, calendar, events: calendar.getAllSubcomponents('vevent') };
  }

  it('writes yearly all-day anniversaries on the Gregorian date, Old Style converted', async () => {
    const { calendar, events: vevents } = await events(['--week']);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//centenary//centenary//EN');
    const byUid = new Map(vevents.map((v) => [v.getFirstPropertyValue('uid') as string, v]));
    expect([...byUid.keys()]).toEqual(['browning-dies@centenary', 'church-feast@centenary', 'tirana-treaty@centenary', 'christie-disappears@centenary']);

    const feast = new ICAL.Event(byUid.get('church-feast@centenary')!);
    expect(feast.startDate.isDate).toBe(true);
    expect(feast.startDate.toString()).toBe('1926-11-26');
    expect(feast.endDate.toString()).toBe('1926-11-27');
    expect(feast.summary).toBe('A feast kept by the Old Style church calendar (1926)');
    expect(feast.location).toBe('Moscow');
    expect(feast.description).toBe(
      '26 November 1926 (13 November O.S.) · Moscow\n\nA scenario event dated in the Julian calendar: 13 November O.S. is 26 November in the Gregorian calendar.\n\nRecorded as the source gives it, Old Style: the Russian Orthodox Church kept the Julian calendar after the state changed in 1918 (no country is given, so the reform table raises no warning).\n\nSources:\nJulian calendar (Wikipedia): https://en.wikipedia.org/wiki/Julian_calendar',
    );
    const rule = byUid.get('church-feast@centenary')!.getFirstPropertyValue('rrule') as ICAL.Recur;
    expect(rule.freq).toBe('YEARLY');
    expect(byUid.get('church-feast@centenary')!.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-11-26T05:00:00Z');
    // The 100th anniversary is one of its occurrences.
    const it = feast.iterator();
    let next = it.next();
    while (next && next.year < 2026) next = it.next();
    expect(next?.toString()).toBe('2026-11-26');

    const christie = new ICAL.Event(byUid.get('christie-disappears@centenary')!);
    expect([christie.startDate.toString(), christie.endDate.toString()]).toEqual(['1926-12-03', '1926-12-15']);
    expect(byUid.get('browning-dies@centenary')!.getFirstPropertyValue('url')).toBe('https://en.wikipedia.org/wiki/John_Browning');
  });

  it('a leap-day event recurs on the last day of February', async () => {
    const { stdout } = await runInProcess(['digest', '--file', DAY, '--date', '2024-02-29', '--format', 'ics'], { env: ENV, now: NOW });
    const vevent = new ICAL.Component(ICAL.parse(stdout)).getFirstSubcomponent('vevent')!;
    const rule = vevent.getFirstPropertyValue('rrule') as ICAL.Recur;
    expect(rule.toString()).toBe('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1');
    const it = new ICAL.Event(vevent).iterator();
    const seen = [it.next(), it.next()].map((t) => t?.toString());
    expect(seen).toEqual(['1924-02-29', '1925-02-28']);
  });

  it('--all: every event of the dataset known to the day, once, for a calendar to subscribe to', async () => {
    const { stdout, code } = await runInProcess(['digest', '--file', DAY, '--date', '2026-06-15', '--format', 'ics', '--all'], { env: ENV, now: NOW });
    expect(code).toBe(0);
    const uids = new ICAL.Component(ICAL.parse(stdout)).getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('uid'));
    expect(uids).toEqual(['leap-day@centenary', 'browning-dies@centenary', 'church-feast@centenary', 'tirana-treaty@centenary', 'christie-disappears@centenary']);
  });

  it('--all with another format is a usage error', async () => {
    const { stderr, code } = await runInProcess(['digest', '--file', DAY, '--all'], { env: ENV, now: NOW });
    expect(code).toBe(2);
    expect(stderr).toContain('--all makes a calendar of the whole dataset and needs --format ics');
  });

  it('ends every line in CRLF and folds at 75 octets', async () => {
    const { ics } = await events(['--week']);
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  });
});

describe('E-mail: a complete MIME message, read back by postal-mime', () => {
  it('has the headers, a plain-text part and an HTML alternative', async () => {
    const raw = await digest(['--format', 'email', ...MAIL]);
    const mail = await PostalMime.parse(raw);
    expect(mail.from).toEqual({ name: 'Centenary', address: 'centenary@example.org' });
    expect(mail.to).toEqual([{ name: 'Ada Reader', address: 'ada@example.org' }]);
    expect(mail.subject).toBe('100 years ago today: A feast kept by the Old Style church calendar (and 1 more)');
    expect(mail.date).toBe('2026-11-26T05:00:00.000Z');
    expect(mail.messageId).toMatch(/^<[0-9a-f-]{36}@example\.org>$/);
    expect(mail.text).toContain('100 years ago today: Friday, 26 November 1926');
    expect(mail.text).toContain('John Moses Browning dies');
    const html = parseHtml(mail.html ?? '');
    expect(findAll(html, byTag('h3')).map(text)).toEqual(['A feast kept by the Old Style church calendar', 'John Moses Browning dies']);
    expect(raw).toMatch(/^Date: Thu, 26 Nov 2026 06:00:00 \+0100$/m);
  });

  it('encodes a non-ASCII subject and names per RFC 2047', async () => {
    const raw = await digest(['--format', 'email', '--to', 'Алёна Читательница <alena@example.org>', '--locale', 'ru']);
    expect(raw).toMatch(/^To: =\?UTF-8\?B\?/m);
    for (const line of raw.split('\n')) expect(line.length).toBeLessThanOrEqual(998);
    const mail = await PostalMime.parse(raw);
    expect(mail.to).toEqual([{ name: 'Алёна Читательница', address: 'alena@example.org' }]);
  });

  it.each([
    ['--to', 'a@example.org\r\nBcc: victim@example.org'],
    ['--to', 'a@example.org\nBcc: victim@example.org'],
    ['--from', 'Evil\r <evil@example.org>'],
    ['--to', 'not an address'],
  ])('%s %j is refused (exit 2): no header injection through options', async (option, value) => {
    const args = ['digest', '--file', DAY, '--date', '2026-11-26', '--format', 'email', '--to', 'a@example.org', option, value];
    const { stdout, stderr, code } = await runInProcess(args, { env: ENV, now: NOW });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^centenary: option '--(to|from) <address>' argument .* is invalid\. .* — see 'centenary --help'\n$/);
  });

  it('--format email without --to is a usage error', async () => {
    const { stderr, code } = await runInProcess(['digest', '--file', DAY, '--date', '2026-11-26', '--format', 'email'], { env: ENV, now: NOW });
    expect(code).toBe(2);
    expect(stderr).toContain('--format email needs a recipient — add --to ADDRESS');
  });
});

describe('hostile dataset text cannot break any format', () => {
  const SUMMARY =
    'Line one BEGIN:VEVENT SUMMARY:injected END:VEVENT Bcc: victim@example.org --=_centenary_x <!-- comment --> <![CDATA[ x ]]> &amp; &lt; Ünïcödé 😀 Донауэшинген ' +
    Array(6).fill('supercalifragilisticexpialidocious').join('-').replace(/^s/, 'S');
  const TITLE = `<script>alert(1)</script> ]]> & "quotes" 'apos' *bold* _it_ [x](javascript:alert(1)) # ; , \\ =?UTF-8?B?SGk=?= red`;

  it('HTML: markup stays text, no script, the link is the source URL only', async () => {
    const doc = parseHtml(await digest(['--format', 'html'], HOSTILE));
    expect(findAll(doc, byTag('script'))).toEqual([]);
    expect(findAll(doc, byTag('b'))).toEqual([]);
    expect(text(findAll(doc, byTag('h3'))[0]!)).toBe(TITLE);
    const links = findAll(doc, byTag('a'));
    expect(links.map((a) => attr(a, 'href'))).toEqual([`https://example.org/a?b=1&c=<2>"x"'y'`]);
    expect(text(links[0]!)).toBe('</a><a href="javascript:alert(1)">');
  });

  it('Atom: the feed stays valid XML and the text comes back as it was', async () => {
    const xml = await digest(['--format', 'atom'], HOSTILE);
    expect(XMLValidator.validate(xml)).toBe(true);
    const entry = new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: false }).parse(xml).feed.entry;
    expect(entry.title['#text']).toBe(`100 Years Ago: ${TITLE}`);
    const content = parseHtmlFragment(entry.content['#text']);
    expect(findAll(content, byTag('script'))).toEqual([]);
    expect(text(findAll(content, byTag('h3'))[0]!)).toBe(TITLE);
  });

  it('iCalendar: one event, no injected properties, text unescaped back to the original', async () => {
    const ics = await digest(['--format', 'ics'], HOSTILE);
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const vevents = calendar.getAllSubcomponents('vevent');
    expect(vevents).toHaveLength(1);
    const event = new ICAL.Event(vevents[0]!);
    expect(event.summary).toBe(`${TITLE} (1926)`);
    expect(event.location).toBe('<b>Nowhere</b> X-Injected: yes');
    expect(vevents[0]!.getAllProperties().map((p) => p.name)).not.toContain('x-injected');
    expect(event.description).toContain('Line one BEGIN:VEVENT SUMMARY:injected END:VEVENT Bcc: victim@example.org');
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  });

  it('E-mail: no injected header, the subject decodes to the title', async () => {
    const raw = await digest(['--format', 'email', '--to', 'a@example.org'], HOSTILE);
    const mail = await PostalMime.parse(raw);
    expect(mail.headers.map((h) => h.key).sort()).toEqual(['auto-submitted', 'content-type', 'date', 'message-id', 'mime-version', 'subject', 'to']);
    expect(mail.subject).toBe(`100 years ago today: ${TITLE}`);
    expect(mail.bcc).toBeUndefined();
    const html = parseHtml(mail.html ?? '');
    expect(findAll(html, byTag('script'))).toEqual([]);
    expect(mail.text).toContain('victim@example.org');
  });

  it('Markdown: rendered by a GFM parser, the title is one heading of plain text, no raw HTML', async () => {
    const md = await digest(['--format', 'markdown'], HOSTILE);
    const html = micromark(md, { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
    const doc = parseHtmlFragment(html);
    expect(findAll(doc, byTag('script'))).toEqual([]);
    expect(findAll(doc, byTag('b'))).toEqual([]);
    // The only emphasis is the renderer's own: the date line and the event's meta line.
    expect(findAll(doc, byTag('em')).map(text)).toEqual(['100 years ago today: Friday, 26 November 1926', '26 November 1926 · <b>Nowhere</b> X-Injected: yes']);
    const [heading] = findAll(doc, byTag('h3'));
    expect(text(heading!)).toBe(TITLE);
    expect(findAll(heading!, () => true)).toHaveLength(1);
    expect(findAll(doc, byTag('p')).map(text)).toContain(SUMMARY);
    // GFM turns a bare e-mail address into a mailto: link; that is GFM, not an injection.
    const hrefs = findAll(doc, byTag('a')).map((a) => attr(a, 'href'));
    expect(hrefs).toEqual(['mailto:victim@example.org', `https://example.org/a?b=1&c=%3C2%3E%22x%22'y'`]);
  });
});

describe('the plain query renders through the same table', () => {
  it.each(['markdown', 'html', 'atom', 'ics'])('centenary --format %s', async (format) => {
    const viaQuery = await runInProcess(['--file', DAY, '--date', '2026-11-26', '--format', format], { env: ENV, now: NOW });
    expect(viaQuery.code).toBe(0);
    expect(viaQuery.stdout).toContain('John Moses Browning dies');
  });

  it('--locale ru writes the text heading in Russian, months in the genitive', async () => {
    const { stdout } = await runInProcess(['--file', DAY, '--date', '2026-11-26', '--locale', 'ru'], { env: ENV, now: NOW });
    expect(stdout).toMatch(/^100 years before 26 ноября 2026 г\.: пятница, 26 ноября 1926 г\.\n/);
  });

  it('--locale xx is a usage error listing the choices', async () => {
    const { stderr, code } = await runInProcess(['--locale', 'xx'], { env: ENV, now: NOW });
    expect(code).toBe(2);
    expect(stderr).toContain('Allowed choices are en, de, fr, ru, es');
  });
});
