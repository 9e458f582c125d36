import { InvalidArgumentError } from 'commander';
import { LOCALES, LOCALE_TAGS, type LocaleTag, findLocale } from '../core/locales.js';
import type { DateWords } from '../render/date-text.js';

/** `--locale de`: the language of month and weekday names. */
export function parseLocaleArgument(value: string): LocaleTag {
  const tag = findLocale(value);
  if (!tag) throw new InvalidArgumentError(`unknown locale "${value}"; known: ${LOCALE_TAGS.join(', ')}.`);
  return tag;
}

export function dateWords(tag: LocaleTag | undefined): DateWords {
  return { locale: LOCALES[tag ?? 'en-GB'] };
}
