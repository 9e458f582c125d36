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

/** The parts of a commander flags string; throws on one it does not understand (a programming error). */
export function optionShape(flags: string): OptionShape {
  const match = /^(?:-([A-Za-z]), )?--([a-z][a-z-]*)(?: (<[^>]+>|\[[^\]]+\]))?$/.exec(flags);
  if (!match) throw new Error(`unsupported option flags: ${flags}`);
  const [, short, long = '', argument] = match;
  const negate = long.startsWith('no-');
  const attribute = (negate ? long.slice(3) : long).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  return {
    ...(short === undefined ? {} : { short: `-${short}` }),
    long: `--${long}`,
    attribute,
    negate,
    argument: argument === undefined ? 'none' : argument.startsWith('<') ? 'required' : 'optional',
  };
}
