import type { Command } from 'commander';
import type { Config } from '../core/config.js';
import { loadConfig } from '../io/config-file.js';
import { LOCALE_NAMES } from '../render/locales.js';
import { FORMATS } from '../render/renderers.js';
import type { CliIO } from './cli-io.js';

/** The options of the running command, as the config file's settings see them. */
export interface OptionTarget {
  readonly options: readonly { readonly attribute: string; readonly choices?: readonly string[] | undefined; readonly list: boolean }[];
  /** Whether the command line (or the environment) gave the option: then it wins over the config. */
  given(attribute: string): boolean;
  set(attribute: string, value: unknown): void;
}

/** Which option each setting is the default of (by attribute name). */
function settingsFor(config: Config, target: OptionTarget, io: CliIO): [string, unknown][] {
  const fileOption = target.options.find((o) => o.attribute === 'file');
  // $CENTENARY_EVENTS wins over the config's files for reading; a single --file (add, import) is the target.
  const files = fileOption?.list ? (io.env['CENTENARY_EVENTS'] ? undefined : config.files) : config.files?.[0];
  return [
    ['file', files],
    ['years', config.years],
    ['tz', config.timeZone],
    ['locale', config.locale],
    ['format', config.format],
    ['oldStyle', config.oldStyle],
  ];
}

/**
 * Makes the config file's settings the defaults of the options the running command has: an
 * option given on the command line (or from the environment) always wins, and a format the
 * command does not offer is left alone.
 */
export async function applyConfigDefaults(io: CliIO, target: OptionTarget): Promise<void> {
  const config = await loadConfig(io.env, { formats: FORMATS, locales: LOCALE_NAMES });
  for (const [name, value] of settingsFor(config, target, io)) {
    if (value === undefined) continue;
    const option = target.options.find((o) => o.attribute === name);
    if (!option || target.given(name)) continue;
    // "oldStyle": true in the config means Old Style dates everywhere, where the option has levels.
    const setting = name === 'oldStyle' && value === true && option.choices?.includes('always') ? 'always' : value;
    if (option.choices && !option.choices.includes(String(setting))) continue;
    target.set(name, setting);
  }
}

/** The same, as a commander preAction hook. */
export function configDefaultsHook(io: CliIO) {
  return async (_program: Command, command: Command): Promise<void> =>
    applyConfigDefaults(io, {
      options: command.options.map((o) => ({ attribute: o.attributeName(), choices: o.argChoices, list: o.variadic || Array.isArray(o.defaultValue) })),
      given: (name) => ['cli', 'env'].includes(command.getOptionValueSource(name) ?? ''),
      set: (name, value) => command.setOptionValueWithSource(name, value, 'config'),
    });
}
