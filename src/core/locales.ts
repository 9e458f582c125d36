import type { Locale } from 'date-fns';
import { de } from 'date-fns/locale/de';
import { enGB } from 'date-fns/locale/en-GB';
import { enUS } from 'date-fns/locale/en-US';
import { es } from 'date-fns/locale/es';
import { fr } from 'date-fns/locale/fr';
import { it } from 'date-fns/locale/it';
import { nl } from 'date-fns/locale/nl';
import { pl } from 'date-fns/locale/pl';
import { pt } from 'date-fns/locale/pt';
import { ru } from 'date-fns/locale/ru';
import { sv } from 'date-fns/locale/sv';
import { uk } from 'date-fns/locale/uk';

/**
 * The locales centenary knows, by the tag a user writes (`--locale de`, config "locale"). The
 * month and weekday names of each come from date-fns; the BSD calendar importer reads month
 * names in all of them.
 */
export const LOCALES = {
  'en-GB': enGB,
  'en-US': enUS,
  de,
  es,
  fr,
  it,
  nl,
  pl,
  pt,
  ru,
  sv,
  uk,
} as const satisfies Record<string, Locale>;

export type LocaleTag = keyof typeof LOCALES;
export const LOCALE_TAGS = Object.keys(LOCALES) as LocaleTag[];

/** `de`, `de-DE`, `de_DE.UTF-8`, `en` → the closest known locale, or undefined. */
export function findLocale(tag: string): LocaleTag | undefined {
  const clean = tag.replace(/[.@].*$/, '').replace('_', '-');
  const exact = LOCALE_TAGS.find((t) => t.toLowerCase() === clean.toLowerCase());
  if (exact) return exact;
  const language = clean.split('-')[0]?.toLowerCase();
  if (language === 'en') return clean.toLowerCase() === 'en-us' ? 'en-US' : 'en-GB';
  return LOCALE_TAGS.find((t) => t === language);
}
