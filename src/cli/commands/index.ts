import type { Command } from 'commander';
import type { CliIO } from '../cli-io.js';
import { registerAdd } from './add.js';
import { registerCal } from './cal.js';
import { registerCompletion } from './completion.js';
import { registerConvert } from './convert.js';
import { registerDigest } from './digest.js';
import { registerImport } from './import.js';
import { registerList } from './list.js';
import { registerSearch } from './search.js';
import { registerStats } from './stats.js';
import { registerValidate } from './validate.js';

/** What a subcommand's action returns: the exit code. */
export type SetExitCode = (code: number) => void;

/** Each subcommand lives in its own file and adds itself to the program here. */
export type RegisterCommand = (program: Command, io: CliIO, setExitCode: SetExitCode) => void;

export const COMMANDS: readonly RegisterCommand[] = [
  registerConvert,
  registerCal,
  registerDigest,
  registerStats,
  registerValidate,
  registerSearch,
  registerList,
  registerAdd,
  registerImport,
  registerCompletion,
];
