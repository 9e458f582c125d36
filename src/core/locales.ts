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
 * The languages whose month names the BSD calendar importer recognises (calendar files are
 * written in many: "Okt", "févr.", "марта"). The names come from date-fns. Output languages
 * (`--locale`) are a separate, smaller table: src/render/locales.ts.
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
