import { type Command, CommanderError } from 'commander';
import { EXIT } from '../core/errors.js';
import { packageVersion } from '../io/package-files.js';
import { cleanInline } from '../render/sanitize.js';
import type { CliIO } from './cli-io.js';
import { buildProgram } from './program.js';
import { reportError } from './report-error.js';

/** Routes commander's own output and errors through io, for the program and every subcommand. */
function configure(command: Command, io: CliIO): void {
  command.exitOverride();
  command.configureOutput({
    writeOut: (s) => io.stdout.write(s),
    writeErr: (s) => io.stderr.write(s),
    outputError: (s, write) => write(`centenary: ${cleanInline(s.replace(/^error: /, ''))} — see 'centenary --help'\n`),
  });
  for (const sub of command.commands) configure(sub, io);
}

/**
 * The whole program as a function: arguments and a world in, an exit code out. Every command
 * line is read by commander here; the launcher answers a plain daily query without it first
 * (plain-query.ts), and hands everything else to this.
 */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const debug = argv.includes('--debug');
  let exitCode: number = EXIT.ok;
  const program = await buildProgram(
    packageVersion(),
    io,
    (code) => {
      exitCode = code;
    },
    argv,
  );
  configure(program, io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    return reportError(error, io.stderr, debug);
  }
}
