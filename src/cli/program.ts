import { Command } from 'commander';
import type { CliIO } from './cli-io.js';
import { addOptions } from './commander-options.js';
import { configDefaultsHook } from './config-defaults.js';
import { COMMANDS, COMMAND_NAMES, type CommandName, type SetExitCode, commandsNeeded } from './commands/index.js';
import { type QueryFlags, runQueryCommand } from './commands/query.js';
import { QUERY_OPTIONS } from './query-options.js';

const EXAMPLES = `
Examples:
  centenary                          what happened 100 years ago today
  centenary --date 2017-11-07        100 years before 7 November 2017 (the October Revolution)
  centenary --years 50,100,150       several spans at once
  centenary -B 3 -A 3                the week around today, grouped by day
  centenary --month                  this month 100 years ago, events known only to the month included
  centenary --old-style              Old Style (Julian) equivalents where they mean something (=always: everywhere)
  centenary --date 1917-10-25 --calendar julian --old-style-anniversary nominal
                                     an Old Style reference day; Old Style events by their O.S. day and month
  centenary convert 25 Oct 1917 O.S. convert between Old Style and New Style
  centenary cal 1918-02 --country RU a month grid, the days Russia skipped shown
  centenary --format json | jq .     a stable JSON document for scripts
  TZ=Europe/Moscow centenary -q      for cron: Moscow's day, and silence when there is no news

Exit codes: 0 success, 1 failure or bad data, 2 bad usage.
Data: --file, else $CENTENARY_EVENTS, else the bundled events.json.`;

/**
 * Every command and option, declared once; --help (and the man page) are generated from here.
 * With `argv`, only the subcommands that command line can reach are loaded; without, all.
 */
export async function buildProgram(version: string, io: CliIO, setExitCode: SetExitCode, argv?: readonly string[]): Promise<Command> {
  const program = new Command('centenary')
    .description('What happened N years ago today: historical anniversaries, with Old Style dates done right.')
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .enablePositionalOptions()
    .showSuggestionAfterError(true)
    .allowExcessArguments(false)
    .addHelpText('after', EXAMPLES)
    .hook('preAction', configDefaultsHook(io));
  addOptions(program, QUERY_OPTIONS).action(async (flags: QueryFlags) => setExitCode(await runQueryCommand(flags, io)));
  const names: readonly CommandName[] = argv ? commandsNeeded(argv, program) : COMMAND_NAMES;
  // Loaded together, registered in the table's order so that help lists them the same way every time.
  const registers = await Promise.all(COMMAND_NAMES.filter((n) => names.includes(n)).map((n) => COMMANDS[n]()));
  for (const register of registers) register(program, io, setExitCode);
  return program;
}
