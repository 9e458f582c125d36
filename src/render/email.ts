import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { enUS } from 'date-fns/locale/en-US';
import type { QueryResult } from '../core/query.js';
import type { Mailbox, RenderContext } from './context.js';
import { buildEdition } from './edition.js';
export { parseMailbox } from './mailbox.js';
import { renderHtmlPage } from './html.js';
import { uuidFromName } from './stable-id.js';
import { plainStyle } from './style.js';
import { renderText } from './text.js';

/**
 * A complete Internet message (RFC 5322, MIME): headers, then a text/plain part and an HTML
 * alternative, ready for `| sendmail -t`. Lines end in LF, as sendmail expects on its input
 * (it writes CRLF on the wire). Header injection cannot happen: every header value is one line
 * — text that is not plain printable ASCII is written as RFC 2047 encoded words, which carry no
 * line breaks — and both bodies are base64, so no dataset text reaches the message raw.
 */
const NL = '\n';
/** Mail text is read in narrow windows; 72 columns is the convention. */
const MAIL_WIDTH = 72;
/** RFC 2047 §2: an encoded word is at most 75 characters; `=?UTF-8?B?` and `?=` take 12. */
const MAX_WORD_BYTES = 45;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Splits text into pieces of at most `max` UTF-8 bytes, never inside a character. */
function utf8Chunks(text: string, max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const char of text) {
    if (Buffer.byteLength(current + char, 'utf8') > max) {
      chunks.push(current);
      current = '';
    }
    current += char;
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

/** RFC 2047 encoded words (B encoding), one per folded line; plain printable ASCII is left as it is. */
export function encodeHeaderText(text: string): string {
  const oneLine = text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');
  if (PRINTABLE_ASCII.test(oneLine) && !oneLine.includes('=?')) return foldHeader(oneLine);
  return utf8Chunks(oneLine, MAX_WORD_BYTES)
    .map((chunk) => `=?UTF-8?B?${Buffer.from(chunk, 'utf8').toString('base64')}?=`)
    .join(`${NL} `);
}

/** Folds a plain ASCII header value at spaces so that lines stay near 78 characters (RFC 5322 §2.2.3). */
function foldHeader(value: string): string {
  const words = value.split(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line !== '' && line.length + 1 + word.length > 70) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines.join(`${NL} `);
}

/** A display name as an atom phrase, a quoted string, or encoded words when it is not ASCII. */
function displayName(name: string): string {
  if (/^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~ ]+$/.test(name)) return name;
  if (PRINTABLE_ASCII.test(name) && !name.includes('=?')) return `"${name.replace(/["\\]/g, '\\$&')}"`;
  return encodeHeaderText(name);
}

export function formatMailbox(mailbox: Mailbox): string {
  return mailbox.name ? `${displayName(mailbox.name)} <${mailbox.address}>` : mailbox.address;
}


function base64Body(text: string): string {
  return (Buffer.from(text.replace(/\r?\n/g, '\r\n'), 'utf8').toString('base64').match(/.{1,76}/g) ?? []).join(NL);
}

/** RFC 5322 §3.3 date, in the zone that decided "today", with English day and month names as the RFC requires. */
function mailDate(ms: number, timeZone: string): string {
  return format(new TZDate(ms, timeZone), 'EEE, d MMM yyyy HH:mm:ss xx', { locale: enUS });
}

/** The subject: "100 years ago today: Lenin proclaims … (and 2 more)". */
export function mailSubject(result: QueryResult, ctx: RenderContext): string {
  const edition = buildEdition(result, ctx);
  const count = edition.sections.reduce((n, s) => n + s.events.length, 0);
  if (!edition.lead) return count > 0 ? `${edition.kicker}: ${count} ${count === 1 ? 'event' : 'events'}` : `${edition.kicker}: nothing in the dataset`;
  return count > 1 ? `${edition.kicker}: ${edition.lead.title} (and ${count - 1} more)` : `${edition.kicker}: ${edition.lead.title}`;
}

export function renderEmail(result: QueryResult, ctx: RenderContext): string {
  const edition = buildEdition(result, ctx);
  const textPart = renderText(result, { ...ctx, style: plainStyle, width: MAIL_WIDTH });
  const htmlPart = renderHtmlPage(edition, ctx);
  const from = ctx.mail?.from;
  const to = ctx.mail?.to ?? [];
  const domain = from?.address.split('@')[1] ?? 'centenary.invalid';
  const id = uuidFromName(`centenary:mail:${ctx.now}:${edition.title}:${to.map((m) => m.address).join(',')}`);
  // Base64 never contains "=_", so the boundary cannot occur in a part.
  const boundary = `=_centenary_${id.replace(/-/g, '')}`;
  const headers = [
    ...(from ? [`From: ${formatMailbox(from)}`] : []),
    ...(to.length > 0 ? [`To: ${to.map(formatMailbox).join(`,${NL} `)}`] : []),
    `Subject: ${encodeHeaderText(mailSubject(result, ctx))}`,
    `Date: ${mailDate(ctx.now, ctx.timeZone)}`,
    `Message-ID: <${id}@${domain}>`,
    'MIME-Version: 1.0',
    // RFC 3834: a program sent this; vacation responders should not answer it.
    'Auto-Submitted: auto-generated',
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
  ];
  const part = (type: string, body: string) => [`--${boundary}`, `Content-Type: ${type}; charset=utf-8`, 'Content-Transfer-Encoding: base64', '', base64Body(body)];
  return [...headers, '', 'This is a MIME message: a plain-text edition and an HTML one.', '', ...part('text/plain', textPart), ...part('text/html', htmlPart), `--${boundary}--`, ''].join(NL);
}
