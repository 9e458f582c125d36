import { type OptionShape, type OptionSpec, optionShape } from './option-spec.js';

/** Option values by attribute name, as commander would hand them to the action, and which were given. */
export interface SimpleCommandLine {
  readonly values: Record<string, unknown>;
  readonly given: ReadonlySet<string>;
  /** The options read, each with its parsed flags (for the caller's further use: parsed once). */
  readonly options: readonly { readonly spec: OptionSpec; readonly shape: OptionShape }[];
}

/**
 * Reads a command line made only of the given options, the way commander would — or returns
 * undefined, and commander reads it instead. That keeps commander (most of the bytes a query would
 * load) off the path of the daily query, while every command line that is not plain — a command,
 * help, a bundled short flag, an unknown option, a value that does not parse — still gets
 * commander's treatment and messages. A property test holds the two readers to the same result.
 */
export function readSimpleCommandLine(argv: readonly string[], specs: readonly OptionSpec[]): SimpleCommandLine | undefined {
  const options = specs.map((spec) => ({ spec, shape: optionShape(spec.flags) }));
  const values: Record<string, unknown> = {};
  const given = new Set<string>();
  for (const { spec, shape } of options) {
    if (spec.defaultValue !== undefined) values[shape.attribute] = spec.defaultValue;
    // commander: a lone --no-x makes x true by default; with a --x beside it, x stays unset.
    else if (shape.negate && !options.some((o) => o.shape.attribute === shape.attribute && !o.shape.negate)) values[shape.attribute] = true;
  }
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] ?? '';
    const equals = word.startsWith('--') ? word.indexOf('=') : -1;
    const name = equals > 0 ? word.slice(0, equals) : word;
    const found = options.find((o) => o.shape.long === name || (o.shape.short === name && equals < 0));
    if (!found) return undefined;
    const { spec, shape } = found;
    let text: string | undefined;
    // As commander: a value after '=', else the next word; the previous value goes to the parser.
    if (equals > 0) text = word.slice(equals + 1);
    else if (shape.argument === 'required') {
      text = argv[i + 1];
      // A value that looks like an option: commander's reading of it is left to commander.
      if (text === undefined || text.startsWith('-')) return undefined;
      i++;
    } else if (shape.argument === 'optional' && argv[i + 1] !== undefined && !(argv[i + 1] ?? '').startsWith('-')) return undefined;
    if (text !== undefined && shape.argument === 'none') return undefined;
    let value: unknown;
    if (shape.argument === 'none') value = !shape.negate;
    else if (text === undefined) value = spec.preset ?? true;
    else if (spec.choices && !spec.choices.includes(text)) return undefined;
    else if (spec.parse) {
      try {
        value = spec.parse(text, values[shape.attribute]);
      } catch {
        return undefined;
      }
    } else value = text;
    values[shape.attribute] = value;
    given.add(shape.attribute);
  }
  return { values, given, options };
}
