import { type Style, plainStyle } from '../render/style.js';
import type { CliIO, OutputStream } from './cli-io.js';

/** Width used whenever stdout is not a terminal, so piped and cron output never depends on it. */
export const PIPE_WIDTH = 80;
const MAX_WIDTH = 100;

/**
 * Colour level: --color/--no-color win, then NO_COLOR (https://no-color.org), then FORCE_COLOR,
 * then whether stdout is a terminal that is not "dumb".
 */
export function colourLevel(flag: boolean | undefined, io: CliIO): 0 | 1 | 2 | 3 {
  if (flag === false) return 0;
  if (flag === true) return 1;
  const noColor = io.env['NO_COLOR'];
  if (noColor !== undefined && noColor !== '') return 0;
  const force = io.env['FORCE_COLOR'];
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    if (force === '2' || force === '3') return Number(force) as 2 | 3;
    return 1;
  }
  return io.stdout.isTTY === true && io.env['TERM'] !== 'dumb' ? 1 : 0;
}

/** Terminal styles; chalk is loaded only when there is colour to add, so a cron run never loads it. */
export async function makeStyle(level: 0 | 1 | 2 | 3): Promise<Style> {
  if (level === 0) return plainStyle;
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level });
  return {
    heading: (t) => chalk.bold.underline(t),
    title: (t) => chalk.bold(t),
    meta: (t) => chalk.cyan(t),
    mark: (t) => chalk.yellow(t),
  };
}

export function outputWidth(stream: OutputStream): number {
  if (stream.isTTY !== true || !stream.columns) return PIPE_WIDTH;
  return Math.max(40, Math.min(stream.columns, MAX_WIDTH));
}
