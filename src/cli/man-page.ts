import type { Command } from 'commander';
import { type CommandSpec, describeCommands } from './command-tree.js';

/** Text made safe for roff: backslashes, hyphens (so they are not hyphenation points) and leading dots. */
function roff(text: string): string {
  return text
    .replace(/\\/g, '\\e')
    .replace(/-/g, '\\-')
    .split('\n')
    .map((line) => (/^[.']/.test(line) ? `\\&${line}` : line))
    .join('\n');
}

function options(c: CommandSpec): string[] {
  return c.options.flatMap((o) => ['.TP', `.B ${roff(o.term)}`, roff(o.description)]);
}

/**
 * The man page, from the same commander definitions as --help (see command-tree.ts): every
 * command, every option with its description, choices and default. Written at build time to
 * dist/centenary.1, which package.json's "man" installs.
 */
export function renderManPage(program: Command, version: string): string {
  const { root, commands } = describeCommands(program);
  const name = program.name();
  return [
    `.TH ${name.toUpperCase()} 1 "" "${name} ${roff(version)}" "User Commands"`,
    '.SH NAME',
    `${name} \\- ${roff(root.description)}`,
    '.SH SYNOPSIS',
    roff(root.usage),
    ...commands.flatMap((c) => ['.br', roff(c.usage)]),
    '.SH DESCRIPTION',
    roff(
      `${name} reads a dataset of historical events and prints those whose anniversary falls on a given day, 100 years back unless told otherwise. ` +
        'Old Style (Julian) dates are converted, so an event is remembered on the day that is really N years on. ' +
        'The README describes the dataset format, the matching rules and the JSON output in full.',
    ),
    '.SH OPTIONS',
    ...options(root),
    '.SH COMMANDS',
    ...commands.flatMap((c) => [`.SS "${roff(c.usage)}"`, roff(c.description), ...options(c)]),
    '.SH EXIT STATUS',
    '.TP', '.B 0', 'success (also when nothing matched; validate: no errors, warnings allowed)',
    '.TP', '.B 1', 'failure or bad data: an unreadable or invalid dataset, config or source file; a taken id',
    '.TP', '.B 2', 'bad usage: an unknown option, a bad or missing value',
    '.SH ENVIRONMENT',
    '.TP', '.B CENTENARY_EVENTS', roff('dataset files (separated by :) used when no --file is given'),
    '.TP', '.B TZ', roff('the time zone that decides "today" unless --tz is given'),
    '.TP', '.B XDG_CONFIG_HOME', roff('where the config file is looked for (default ~/.config)'),
    '.TP', '.B NO_COLOR, FORCE_COLOR', 'turn colour off or on',
    '.SH FILES',
    '.TP', `.B $XDG_CONFIG_HOME/${name}/config.json`,
    roff('settings that become the defaults of options: files, years, timeZone, locale, format, oldStyle. Options on the command line win.'),
    '.SH SEE ALSO',
    '.BR calendar (1)',
    '',
  ].join('\n');
}
