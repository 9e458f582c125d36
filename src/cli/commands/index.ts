import type { Command } from 'commander';
import type { CliIO } from '../cli-io.js';

/** What a subcommand's action returns: the exit code. */
export type SetExitCode = (code: number) => void;

/** Each subcommand lives in its own file and adds itself to the program. */
export type RegisterCommand = (program: Command, io: CliIO, setExitCode: SetExitCode) => void;

const all = () => import('./all.js');

/**
 * Every subcommand, by name. A command's module is loaded only when the command line names it
 * (or when help, the man page or shell completion need them all), so the daily query — the
 * default command — loads none of them.
 */
export const COMMANDS = {
  convert: async () => (await all()).registerConvert,
  cal: async () => (await all()).registerCal,
  digest: async () => (await all()).registerDigest,
  stats: async () => (await all()).registerStats,
  validate: async () => (await all()).registerValidate,
  search: async () => (await all()).registerSearch,
  list: async () => (await all()).registerList,
  add: async () => (await all()).registerAdd,
  import: async () => (await all()).registerImport,
  completion: async () => (await all()).registerCompletion,
} satisfies Record<string, () => Promise<RegisterCommand>>;

export type CommandName = keyof typeof COMMANDS;

export const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];

const isCommandName = (word: string): word is CommandName => Object.hasOwn(COMMANDS, word);

/**
 * The subcommands an argument list can reach, read with the root command's own options (so the
 * value of `--date 2017-11-07` is not taken for a command): the one it names; every one when it
 * asks for help, for completion, or names something unknown (so that commander can suggest the
 * command meant); none for a plain query.
 */
export function commandsNeeded(argv: readonly string[], root: Command): CommandName[] {
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] ?? '';
    if (word === '--') return [];
    if (word === '-h' || word === '--help') return COMMAND_NAMES;
    if (word.startsWith('-') && word.length > 1) {
      const option = root.options.find((o) => o.short === word || o.long === word);
      if (option && (option.required || (option.optional && !(argv[i + 1] ?? '-').startsWith('-')))) i++;
      continue;
    }
    if (word === 'completion') return COMMAND_NAMES;
    if (isCommandName(word)) return [word];
    return COMMAND_NAMES;
  }
  return [];
}
