import type { Locale } from 'date-fns';
import { de } from 'date-fns/locale/de';
import { enGB } from 'date-fns/locale/en-GB';
import { es } from 'date-fns/locale/es';
import { fr } from 'date-fns/locale/fr';
import { ru } from 'date-fns/locale/ru';
import type { DateWords } from './date-text.js';

/**
 * The languages dates can be written in (`--locale`): the CLI's choices are this table's keys.
 * Month and weekday names, date order and grammar come from the date-fns locale; the table adds
 * only what date-fns does not know: how each language marks an Old Style date, and the French
 * "1er" for the first of a month.
 */
export const LOCALES = {
  en: { locale: enGB, oldStyle: (date: string) => `${date} O.S.` },
  de: { locale: de, oldStyle: (date: string) => `${date} a. St.` },
  fr: { locale: fr, oldStyle: (date: string) => `${date} a. s.`, dayNumber: (day: number) => (day === 1 ? '1er' : String(day)) },
  ru: { locale: ru, oldStyle: (date: string) => `${date} по ст. ст.` },
  es: { locale: es, oldStyle: (date: string) => `${date} del calendario juliano` },
} satisfies Record<string, DateWords & { readonly locale: Locale }>;

export type LocaleName = keyof typeof LOCALES;

export const LOCALE_NAMES = Object.keys(LOCALES) as LocaleName[];

export const DEFAULT_LOCALE: LocaleName = 'en';

export function dateWordsFor(name: LocaleName): DateWords {
  return LOCALES[name];
}
