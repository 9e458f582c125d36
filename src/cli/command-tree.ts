import type { Command, Option } from 'commander';

/** One option as completion scripts and the man page need it. */
export interface OptionSpec {
  readonly short?: string;
  readonly long?: string;
  readonly term: string;
  readonly description: string;
  readonly takesValue: boolean;
  readonly choices?: readonly string[];
  readonly isPath: boolean;
}

export interface CommandSpec {
  readonly name: string;
  readonly usage: string;
  readonly description: string;
  readonly options: readonly OptionSpec[];
  /** Whether the command's arguments are files (completion offers file names). */
  readonly fileArguments: boolean;
}

function optionSpec(command: Command, option: Option): OptionSpec {
  const help = command.createHelp();
  return {
    ...(option.short ? { short: option.short } : {}),
    ...(option.long ? { long: option.long } : {}),
    term: help.optionTerm(option),
    description: help.optionDescription(option),
    takesValue: option.required || option.optional,
    ...(option.argChoices ? { choices: option.argChoices } : {}),
    isPath: /<(path|dir|file)/.test(option.flags),
  };
}

/**
 * The program's commands and options read from the commander definitions themselves — the
 * ones --help prints — so completion scripts and the man page cannot drift from them.
 */
export function describeCommands(program: Command): { root: CommandSpec; commands: CommandSpec[] } {
  const help = program.createHelp();
  const spec = (command: Command, name: string): CommandSpec => ({
    name,
    usage: help.commandUsage(command),
    description: command.description(),
    options: help.visibleOptions(command).map((o) => optionSpec(command, o)),
    fileArguments: command.registeredArguments.some((a) => /file|source/.test(a.name())),
  });
  return { root: spec(program, program.name()), commands: help.visibleCommands(program).filter((c) => c.name() !== 'help').map((c) => spec(c, c.name())) };
}
