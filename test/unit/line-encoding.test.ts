import { describe, expect, it } from 'vitest';
import { encodeHeaderText, parseMailbox } from '../../src/render/email.js';
import { escapeText, foldLine } from '../../src/render/ics.js';

const octets = (s: string) => Buffer.byteLength(s, 'utf8');

describe('iCalendar line folding (RFC 5545 §3.1)', () => {
  it.each([
    ['ASCII', `SUMMARY:${'x'.repeat(200)}`],
    ['two-byte letters', `SUMMARY:${'ж'.repeat(100)}`],
    ['three-byte letters', `SUMMARY:${'中'.repeat(100)}`],
    ['four-byte emoji', `SUMMARY:${'😀'.repeat(60)}`],
    ['a mix', `DESCRIPTION:${'aж中😀'.repeat(40)}`],
  ])('%s: lines of at most 75 octets, no character split, unfolds to the original', (_, line) => {
    const folded = foldLine(line);
    const lines = folded.split('\r\n');
    for (const l of lines) expect(octets(l)).toBeLessThanOrEqual(75);
    for (const l of lines.slice(1)) expect(l.startsWith(' ')).toBe(true);
    // Every physical line is valid UTF-8 on its own: no sequence was cut.
    for (const l of lines) expect(Buffer.from(Buffer.from(l, 'utf8').toString('utf8'), 'utf8').equals(Buffer.from(l, 'utf8'))).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });

  it('a line of exactly 75 octets is not folded', () => {
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
  });

  it.each([
    ['a, b; c\\d', 'a\\, b\\; c\\\\d'],
    ['one\r\ntwo\nthree\rfour', 'one\\ntwo\\nthree\\nfour'],
  ])('escapes TEXT %j', (input, output) => {
    expect(escapeText(input)).toBe(output);
  });
});

describe('e-mail header encoding (RFC 2047)', () => {
  it('leaves plain ASCII alone and folds it at spaces', () => {
    expect(encodeHeaderText('100 years ago today: Armistice')).toBe('100 years ago today: Armistice');
    const long = encodeHeaderText(Array(30).fill('word').join(' '));
    for (const line of long.split('\n')) expect(line.length).toBeLessThanOrEqual(78);
  });

  it('writes non-ASCII as encoded words of at most 75 characters, never splitting a character', () => {
    const encoded = encodeHeaderText('Революция: '.repeat(10));
    for (const line of encoded.split('\n ')) {
      expect(line).toMatch(/^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=$/);
      expect(line.length).toBeLessThanOrEqual(75);
      const bytes = Buffer.from(line.slice(10, -2), 'base64');
      expect(bytes.toString('utf8')).not.toContain('\ufffd');
    }
  });

  it('text that looks like an encoded word is itself encoded, so it stays text', () => {
    expect(encodeHeaderText('=?UTF-8?B?SGk=?=')).toMatch(/^=\?UTF-8\?B\?/);
  });

  it('a line break in the text cannot start a new header', () => {
    expect(encodeHeaderText('Hello\r\nBcc: x@example.org')).not.toMatch(/\nBcc/);
  });

  it.each([
    ['reader@example.org', { address: 'reader@example.org' }],
    ['Ada Reader <ada@example.org>', { name: 'Ada Reader', address: 'ada@example.org' }],
    ['"Reader, Ada" <ada@example.org>', { name: 'Reader, Ada', address: 'ada@example.org' }],
    ['not an address', undefined],
    ['a@example.org\r\nBcc: b@example.org', undefined],
    ['<>', undefined],
  ])('parseMailbox(%j)', (text, mailbox) => {
    expect(parseMailbox(text)).toEqual(mailbox);
  });
});
