import { type Command, Option } from 'commander';
import { enGB } from 'date-fns/locale/en-GB';
import type { CalendarName } from '../../core/calendar.js';
import { convertWrittenDate } from '../../core/convert.js';
import { EXIT } from '../../core/errors.js';
import type { CountryReform } from '../../core/reform.js';
import { CONVERSION_FORMATS, type ConversionFormat, conversionRenderers } from '../../render/convert.js';
import { parseCountryArgument } from '../country-argument.js';
import type { CliIO } from '../cli-io.js';
import { colourLevel, makeStyle, outputWidth } from '../terminal.js';
import type { RegisterCommand } from './index.js';

interface ConvertFlags {
  readonly from?: CalendarName;
  readonly country?: CountryReform;
  readonly format: ConversionFormat;
  readonly color?: boolean;
}

const EXAMPLES = `
Examples:
  centenary convert 1917-10-25                 Old Style by default: 7 November 1917 N.S.
  centenary convert 25 Oct 1917 O.S.           the written forms need no quotes
  centenary convert 7 Nov 1917 N.S.            and back
  centenary convert "11 February 1731/32"      an English dual-dated year: 22 February 1732 N.S.
  centenary convert 1918-02-05 --country RU    never existed in Russia (the 1918 switch)
  centenary convert 1752-09-20 --country GB    read in the calendar in force there: Gregorian
  centenary convert 1900-02-29 --format json   for scripts`;

export const registerConvert: RegisterCommand = (program: Command, io: CliIO, setExitCode) => {
  program
    .command('convert')
    .description('convert a date between Old Style (Julian) and New Style (Gregorian)')
    .argument('<date...>', 'YYYY-MM-DD, "25 October 1917", "25 Oct 1917 O.S.", "7 Nov 1917 N.S.", "11 February 1731/32"')
    .addOption(new Option('--from <calendar>', 'the calendar DATE is written in (default: Old Style, unless marked or --country)').choices(['julian', 'gregorian']))
    .option('--country <CC>', 'read DATE in the calendar in force in that country on that day (ISO code, e.g. GB, RU)', parseCountryArgument)
    .addOption(new Option('--format <format>', 'output format').choices(CONVERSION_FORMATS).default('text'))
    .option('--color', 'force colour')
    .option('--no-color', 'never colour')
    .option('--debug', 'show stack traces for errors', false)
    .addHelpText('after', EXAMPLES)
    .action(async (words: string[], flags: ConvertFlags) => setExitCode(await runConvertCommand(words.join(' '), flags, io)));
};

export async function runConvertCommand(text: string, flags: ConvertFlags, io: CliIO): Promise<number> {
  const conversion = convertWrittenDate(text, {
    ...(flags.from ? { from: flags.from } : {}),
    ...(flags.country ? { country: flags.country } : {}),
  });
  io.stdout.write(
    conversionRenderers[flags.format](conversion, {
      style: await makeStyle(flags.format === 'text' ? colourLevel(flags.color, io) : 0),
      width: outputWidth(io.stdout),
      oldStyle: true,
      words: { locale: enGB },
      referenceIsToday: false,
      timeZone: 'UTC',
      now: io.now(),
    }),
  );
  return EXIT.ok;
}
