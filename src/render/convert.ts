import { type CalendarDate, formatIsoDate } from '../core/calendar.js';
import type { Conversion, ReadingReason } from '../core/convert.js';
import { countryInSentence, switchOf } from '../core/reform.js';
import type { Format } from './renderers.js';
import { dualDateJson } from './json.js';
import type { RenderContext } from './context.js';
import { longDate } from './date-text.js';
import { wrapText } from './wrap.js';

export type ConversionRenderer = (conversion: Conversion, ctx: RenderContext) => string;

const REASONS: Record<ReadingReason, string> = {
  'dual-year': 'a dual-dated year is Old Style',
  marker: 'as marked',
  flag: 'as --from says',
  country: 'the calendar in force there on that day',
  default: 'no O.S./N.S. mark, --from or --country; --from gregorian reads it as New Style',
};

function readingText(c: Conversion): string {
  const style = c.readAs === 'julian' ? 'Old Style (Julian)' : 'New Style (Gregorian)';
  const where = c.reason === 'country' && c.country ? `the calendar in force in ${countryInSentence(c.country.reform)} on that day` : REASONS[c.reason];
  return `Read as ${style}: ${where}.`;
}

/** The day in the calendar it was read in, as the source wrote it (the dual year kept). */
function asWritten(c: Conversion, ctx: RenderContext): string {
  const date: CalendarDate = c.readAs === 'julian' ? c.julian : c.gregorian;
  const text = longDate(ctx.words, date, true);
  return c.written.dualYear ? text.replace(new RegExp(`${date.year}$`), c.written.dualYear.text) : text;
}

export function renderConversionText(c: Conversion, ctx: RenderContext): string {
  const os = c.readAs === 'julian' ? asWritten(c, ctx) : longDate(ctx.words, c.julian, true);
  const ns = c.readAs === 'gregorian' ? asWritten(c, ctx) : longDate(ctx.words, c.gregorian, true);
  const lines = [
    ctx.style.title(`Old Style (Julian):     ${os}`),
    ctx.style.title(`New Style (Gregorian):  ${ns}`),
    ctx.style.meta(`The Julian calendar is ${c.lag} ${c.lag === 1 ? 'day' : 'days'} behind on that day.`),
    ...wrapText(readingText(c), ctx.width),
  ];
  if (c.country) {
    const where = countryInSentence(c.country.reform);
    const sw = switchOf(c.country.reform);
    const switched = sw ? ` (the Gregorian from ${longDate(ctx.words, sw.firstGregorian)})` : ' (it never switched)';
    const inForce = c.country.inForce === 'lunisolar' ? 'a lunisolar calendar' : `the ${c.country.inForce === 'julian' ? 'Julian' : 'Gregorian'} calendar`;
    lines.push(...wrapText(`In ${where} ${inForce} was in force on that day${c.country.inForce === 'gregorian' ? '' : switched}.`, ctx.width));
  }
  for (const note of c.notes) lines.push(...wrapText(note, ctx.width));
  return `${lines.join('\n')}\n`;
}

/** A stable document for scripts; documented in the README ("centenary convert"). */
export function renderConversionJson(c: Conversion): string {
  const reform = c.country?.reform;
  const sw = reform ? switchOf(reform) : undefined;
  const doc = {
    version: 1,
    input: c.input,
    readAs: c.readAs,
    reason: c.reason,
    ...(c.written.dualYear ? { dualYear: c.written.dualYear.text } : {}),
    ...dualDateJson(c.julian),
    lag: c.lag,
    ...(c.country && reform
      ? {
          country: {
            code: reform.code,
            name: reform.name,
            inForce: c.country.inForce,
            ...(sw?.lastJulian ? { lastJulian: formatIsoDate(sw.lastJulian) } : {}),
            ...(sw ? { firstGregorian: formatIsoDate(sw.firstGregorian) } : {}),
            ...(reform.disputed ? { disputed: reform.disputed } : {}),
          },
        }
      : {}),
    notes: c.notes,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** One renderer per output format `convert` offers (a conversion is not an edition: text and JSON). */
export const conversionRenderers = {
  text: renderConversionText,
  json: renderConversionJson,
} satisfies Record<Extract<Format, 'text' | 'json'>, ConversionRenderer>;

export type ConversionFormat = keyof typeof conversionRenderers;

export const CONVERSION_FORMATS = Object.keys(conversionRenderers) as ConversionFormat[];
