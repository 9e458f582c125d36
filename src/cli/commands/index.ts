import type { Command } from 'commander';
import type { CliIO } from '../cli-io.js';
import { registerDigest } from './digest.js';

/** What a subcommand's action returns: the exit code. */
export type SetExitCode = (code: number) => void;

/** Each subcommand lives in its own file and adds itself to the program here. */
export type RegisterCommand = (program: Command, io: CliIO, setExitCode: SetExitCode) => void;

export const COMMANDS: readonly RegisterCommand[] = [registerDigest];
