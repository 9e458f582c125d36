import type { CalendarName, Weekday } from '../core/calendar.js';
import { type MonthGrid, switchNote } from '../core/month-grid.js';
import { countryInSentence } from '../core/reform.js';
import type { RenderContext } from './context.js';
import { capitalise, longDate, monthName } from './date-text.js';
import { cleanInline } from './sanitize.js';
import { wrapText } from './wrap.js';

export interface MonthGridContext extends RenderContext {
  /** Event days: coloured on a terminal, or marked with `*` where there is no colour. */
  readonly highlight: 'colour' | 'mark';
}

const styleName = (calendar: CalendarName) => (calendar === 'julian' ? 'Old Style' : 'New Style');

/** A month grid like cal(1), Sunday first; with both calendars each cell is "own/other". */
export function renderMonthGrid(grid: MonthGrid, ctx: MonthGridContext): string {
  const both = grid.days.some((d) => d.other);
  const cellWidth = both ? 5 : 2;
  const weekWidth = 7 * (cellWidth + 1) - 1;
  const title = `${capitalise(monthName(ctx.words, grid.month))} ${grid.year}${grid.country ? `, ${grid.country.name}` : ''}`;
  const lines = [ctx.style.heading(centre(title, weekWidth))];
  const header = Array.from({ length: 7 }, (_, i) => ctx.words.locale.localize.day(i as Weekday, { width: 'short' }).slice(0, 2).padStart(cellWidth)).join(' ');
  lines.push(header);
  let row: string[] = [];
  let column = -1;
  for (const day of grid.days) {
    const weekday = (day.jd + 1) % 7; // as weekdayOf: JDN 0 was a Monday
    if (column !== -1 && weekday <= column) {
      lines.push(row.join('').trimEnd());
      row = [];
    }
    if (row.length === 0) row.push(' '.repeat((cellWidth + 1) * weekday));
    column = weekday;
    let cell = String(day.date.day).padStart(2);
    if (both) cell += `/${day.other?.day ?? ''}`;
    const marked = day.events.length > 0;
    // The mark (or the space) follows the number, then the cell is padded to its column.
    const padding = ' '.repeat(cellWidth + 1 - cell.length - (marked && ctx.highlight === 'mark' ? 1 : 0));
    if (marked && ctx.highlight === 'colour') row.push(`${ctx.style.mark(ctx.style.title(cell))}${padding}`);
    else row.push(`${cell}${marked ? '*' : ''}${padding}`);
  }
  if (row.length > 0) lines.push(row.join('').trimEnd());

  const notes: string[] = [];
  if (both) {
    notes.push(
      grid.country
        ? `Each day as numbered in ${countryInSentence(grid.country)} then (${grid.calendars.map(styleName).join(' until the switch, then ')}), with its ${grid.calendars.length === 1 ? `${styleName(grid.calendars[0] === 'julian' ? 'gregorian' : 'julian')} number` : 'number in the other calendar'} after the slash.`
        : 'Each day in New Style, with its Old Style (Julian) number after the slash.',
    );
  }
  const sw = switchNote(grid);
  if (sw && grid.country) {
    const first = grid.skipped[0];
    const last = grid.skipped[grid.skipped.length - 1];
    const days = first === last ? `${first}` : `${first}–${last}`;
    const switched = sw.lastJulian ? `${longDate(ctx.words, sw.lastJulian)} (Julian) was followed by ${longDate(ctx.words, sw.firstGregorian)} (Gregorian)` : '';
    notes.push(`${days} ${capitalise(monthName(ctx.words, grid.month))} ${grid.year} never existed in ${countryInSentence(grid.country)}: ${switched}.`);
  }
  if (grid.unreadable && grid.country) notes.push(`${capitalise(countryInSentence(grid.country))} used a lunisolar calendar then; the days are shown in the Gregorian calendar.`);
  const events = grid.days.flatMap((day) => day.events.filter((e) => !grid.days.some((d) => d.jd < day.jd && d.events.includes(e))).map((e) => ({ day, e })));
  if (events.length > 0) notes.push('');
  const out = [...lines, ...notes.flatMap((n) => (n === '' ? [''] : wrapText(n, Math.max(ctx.width, weekWidth))))];
  for (const { day, e } of events) {
    const mark = ctx.highlight === 'mark' ? '*' : ' ';
    out.push(...wrapText(`${mark}${String(day.date.day).padStart(2)}  ${cleanInline(e.title)}`, ctx.width));
  }
  return `${out.join('\n')}\n`;
}

function centre(text: string, width: number): string {
  const room = Math.max(0, width - [...text].length);
  return `${' '.repeat(Math.floor(room / 2))}${text}`.trimEnd();
}
