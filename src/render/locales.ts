import type { Locale } from 'date-fns';
import { enGB } from 'date-fns/locale/en-GB';
import type { DateWords } from './date-text.js';

interface LocaleEntry extends Omit<DateWords, 'locale'> {
  /** The date-fns locale, loaded when the language is first used: a run loads only its own. */
  readonly load: () => Promise<Locale>;
}

/**
 * The languages dates can be written in (`--locale`): the CLI's choices are this table's keys.
 * Month and weekday names, date order and grammar come from the date-fns locale; the table adds
 * only what date-fns does not know: how each language marks an Old Style date, and the French
 * "1er" for the first of a month.
 */
export const LOCALES = {
  // English is the default: loaded with the program, not as a chunk of its own.
  en: { load: async () => enGB, oldStyle: (date: string) => `${date} O.S.` },
  de: { load: async () => (await import('date-fns/locale/de')).de, oldStyle: (date: string) => `${date} a. St.` },
  fr: {
    load: async () => (await import('date-fns/locale/fr')).fr,
    oldStyle: (date: string) => `${date} a. s.`,
    dayNumber: (day: number) => (day === 1 ? '1er' : String(day)),
  },
  ru: { load: async () => (await import('date-fns/locale/ru')).ru, oldStyle: (date: string) => `${date} по ст. ст.` },
  es: { load: async () => (await import('date-fns/locale/es')).es, oldStyle: (date: string) => `${date} del calendario juliano` },
} satisfies Record<string, LocaleEntry>;

export type LocaleName = keyof typeof LOCALES;

export const LOCALE_NAMES = Object.keys(LOCALES) as LocaleName[];

export const DEFAULT_LOCALE: LocaleName = 'en';

export async function loadDateWords(name: LocaleName): Promise<DateWords> {
  const { load, ...words } = LOCALES[name];
  return { ...words, locale: await load() };
}
