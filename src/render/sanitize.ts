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
const LINE_BREAKS = /[\r\n\t\u2028\u2029\u0085]+/g;

/** Text safe for a terminal, on one line: controls removed, line breaks and tabs made spaces. */
export function cleanInline(text: string): string {
  return text
    .replace(ESCAPE_SEQUENCE, '')
    .replace(LINE_BREAKS, ' ')
    .replace(CONTROL, '')
    .replace(BIDI_CONTROL, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}
