import type { Command } from 'commander';
import type { Config } from '../core/config.js';
import { loadConfig } from '../io/config-file.js';
import { LOCALE_NAMES } from '../render/locales.js';
import { FORMATS } from '../render/renderers.js';
import type { CliIO } from './cli-io.js';

/** Which option each setting is the default of (by commander attribute name). */
function settingsFor(config: Config, command: Command, io: CliIO): [string, unknown][] {
  const fileOption = command.options.find((o) => o.attributeName() === 'file');
  // $CENTENARY_EVENTS wins over the config's files for reading; a single --file (add, import) is the target.
  const files = fileOption?.variadic || Array.isArray(fileOption?.defaultValue) ? (io.env['CENTENARY_EVENTS'] ? undefined : config.files) : config.files?.[0];
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
 * A commander hook that makes the config file's settings the defaults of the options the running
 * command has: an option given on the command line (or from the environment) always wins, and
 * a format the command does not offer is left alone.
 */
export function applyConfigDefaults(io: CliIO) {
  return async (_program: Command, command: Command): Promise<void> => {
    const config = await loadConfig(io.env, { formats: FORMATS, locales: LOCALE_NAMES });
    for (const [name, value] of settingsFor(config, command, io)) {
      if (value === undefined) continue;
      const option = command.options.find((o) => o.attributeName() === name);
      if (!option) continue;
      const source = command.getOptionValueSource(name);
      if (source === 'cli' || source === 'env') continue;
      // "oldStyle": true in the config means Old Style dates everywhere, where the option has levels.
      const setting = name === 'oldStyle' && value === true && option.argChoices?.includes('always') ? 'always' : value;
      if (option.argChoices && !option.argChoices.includes(String(setting))) continue;
      command.setOptionValueWithSource(name, setting, 'config');
    }
  };
}
