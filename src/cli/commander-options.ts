import { type Command, Option } from 'commander';
import type { OptionSpec } from './option-spec.js';

/** A declared option as commander's Option. */
export function toCommanderOption(spec: OptionSpec): Option {
  const option = new Option(spec.flags, spec.description);
  // commander checks choices with a parser of its own; an option has one or the other.
  if (spec.choices && spec.parse) throw new Error(`${spec.flags}: choices and a parser cannot be combined`);
  if (spec.choices) option.choices(spec.choices);
  if (spec.parse) option.argParser(spec.parse);
  if (spec.defaultValue !== undefined) option.default(spec.defaultValue);
  if (spec.preset !== undefined) option.preset(spec.preset);
  return option;
}

export function addOptions(command: Command, specs: readonly OptionSpec[]): Command {
  for (const spec of specs) command.addOption(toCommanderOption(spec));
  return command;
}
