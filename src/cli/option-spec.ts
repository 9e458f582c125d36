/**
 * An option declared as data, in commander's own notation ('-d, --date <YYYY-MM-DD>'), so that
 * one declaration serves both readers of a command line: commander (help, man page, completion,
 * every error message) and the plain-command-line reader of the default query, which answers
 * the daily query without loading commander (see simple-command-line.ts).
 */
export interface OptionSpec {
  readonly flags: string;
  readonly description: string;
  /** Turns the text given into the value; `previous` is the value so far (for repeatable options). Throws InvalidArgumentError. */
  parse?(value: string, previous: unknown): unknown;
  readonly choices?: readonly string[];
  readonly defaultValue?: unknown;
  /** The value of an option with an optional argument given without one. */
  readonly preset?: string;
}

export interface OptionShape {
  readonly short?: string;
  readonly long: string;
  /** Commander's attribute name: `--old-style-anniversary` → oldStyleAnniversary, `--no-color` → color. */
  readonly attribute: string;
  readonly negate: boolean;
  readonly argument: 'none' | 'required' | 'optional';
}

const isLower = (c: string | undefined) => c !== undefined && c >= 'a' && c <= 'z';

/** `<value>` or `[value]`: brackets around at least one character that is not the closing one. */
function isArgument(text: string): boolean {
  const close = text[0] === '<' ? '>' : text[0] === '[' ? ']' : undefined;
  return close !== undefined && text.length > 2 && text.indexOf(close) === text.length - 1;
}

/**
 * The parts of a commander flags string, `-d, --date <YYYY-MM-DD>`; throws on one it does not
 * understand (a programming error). Read character by character: every query reads its whole
 * option table, before any of the work it was asked for.
 */
export function optionShape(flags: string): OptionShape {
  const fail = () => new Error(`unsupported option flags: ${flags}`);
  let at = 0;
  let short: string | undefined;
  if (flags[0] === '-' && flags[1] !== '-') {
    const letter = flags[1] ?? '';
    if (!(isLower(letter) || (letter >= 'A' && letter <= 'Z')) || !flags.startsWith(', ', 2)) throw fail();
    short = letter;
    at = 4;
  }
  if (!flags.startsWith('--', at)) throw fail();
  const space = flags.indexOf(' ', at);
  const long = flags.slice(at + 2, space < 0 ? undefined : space);
  const argument = space < 0 ? undefined : flags.slice(space + 1);
  if (!isLower(long[0]) || long.split('').some((c) => c !== '-' && !isLower(c)) || (argument !== undefined && !isArgument(argument))) throw fail();
  const negate = long.startsWith('no-');
  // Commander's camel case: a hyphen before a letter goes, and the letter is capitalised.
  let attribute = '';
  const name = negate ? long.slice(3) : long;
  for (let i = 0; i < name.length; i++) {
    const c = name[i] ?? '';
    if (c === '-' && isLower(name[i + 1])) attribute += name[++i]?.toUpperCase();
    else attribute += c;
  }
  return {
    ...(short === undefined ? {} : { short: `-${short}` }),
    long: `--${long}`,
    attribute,
    negate,
    argument: argument === undefined ? 'none' : argument.startsWith('<') ? 'required' : 'optional',
  };
}
