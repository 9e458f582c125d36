/**
 * Dataset text is untrusted. Before it reaches a terminal we remove anything a terminal would
 * act on: ANSI/VT escape sequences (CSI, OSC, DCS …), other C0 and C1 control characters, and
 * the bidirectional overrides that can make text read differently from what it is
 * ("Trojan Source", CVE-2021-42574).
 */
// eslint-disable-next-line no-control-regex
const ESCAPE_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[PX^_][^\u001b]*(?:\u001b\\)?|[@-Z\\-_]|[ -/]+[0-~]?)?|\u009b[0-?]*[ -/]*[@-~]|[\u0090\u009d\u009e\u009f][^\u009c\u0007]*(?:\u009c|\u0007)?/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;
/**
 * U+FEFF inside text is an invisible zero-width no-break space, and read as a byte-order mark
 * (and dropped) by decoders at the start of each RFC 2047 encoded word, so a mail subject would
 * differ from the page's title: it is removed everywhere.
 */
const BYTE_ORDER_MARK = /\ufeff/g;
const LINE_BREAKS = /[\r\n\t\u2028\u2029\u0085]+/g;

/**
 * Text with none of the characters the patterns above act on (nearly all text) is only trimmed:
 * one pattern to compile and run instead of six, a tenth of a millisecond of the daily query.
 * Made from those patterns, so it cannot drift from them: an escape sequence begins with a
 * control character, and the last pattern of cleanInline squeezes double spaces.
 */
const ANYTHING_TO_CLEAN = new RegExp(`${[CONTROL, LINE_BREAKS, BIDI_CONTROL, BYTE_ORDER_MARK].map((p) => p.source).join('|')}| {2}`);

/** Text safe for a terminal, on one line: controls removed, line breaks and tabs made spaces. */
export function cleanInline(text: string): string {
  return ANYTHING_TO_CLEAN.test(text) ? cleanInlineFully(text) : text.trim();
}

/** cleanInline without the shortcut (exported for the property test that holds the two equal). */
export function cleanInlineFully(text: string): string {
  return text
    .replace(ESCAPE_SEQUENCE, '')
    .replace(LINE_BREAKS, ' ')
    .replace(CONTROL, '')
    .replace(BIDI_CONTROL, '')
    .replace(BYTE_ORDER_MARK, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

// eslint-disable-next-line no-control-regex
const JSON_INERT = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

/**
 * JSON text that is inert on a terminal: JSON.stringify escapes C0 controls but leaves C1
 * controls (U+009B is a CSI), line separators and bidirectional overrides raw. Written as
 * `\uXXXX` they are the same value to any JSON parser. They occur only inside strings.
 */
export function escapeJsonText(json: string): string {
  return json.replace(JSON_INERT, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
