import type { Coverage } from '../core/coverage.js';

const MAX_LISTED = 60;

function list(items: readonly string[]): string {
  if (items.length === 0) return 'none';
  const shown = items.slice(0, MAX_LISTED).join(', ');
  return items.length > MAX_LISTED ? `${shown}, … (${items.length - MAX_LISTED} more)` : shown;
}

function table(record: Readonly<Record<string, number>>, limit: number): string[] {
  const entries = Object.entries(record);
  const lines = entries.slice(0, limit).map(([k, n]) => `  ${k.padEnd(10)} ${String(n).padStart(6)}`);
  if (entries.length > limit) lines.push(`  … and ${entries.length - limit} more`);
  return lines;
}

/** The coverage report as plain text; `stats --format json` prints the Coverage value itself. */
export function renderCoverageText(c: Coverage): string {
  const lines = [
    `Coverage ${c.from} to ${c.to}: ${c.days} days, ${c.events} day-dated events (${c.undated} known only to the month or year)`,
    `Events per day: min ${c.perDay.min}, median ${c.perDay.median}, mean ${c.perDay.mean}, max ${c.perDay.max}`,
    `Days with events: ${c.daysWithEvents} of ${c.days}`,
    `Empty days (${c.emptyDays.length}): ${list(c.emptyDays)}`,
    `Thin days, fewer than ${c.minimum} (${c.thinDays.length}): ${list(c.thinDays.map((d) => `${d.date} (${d.events})`))}`,
    `Thin months, fewer than ${c.minimumPerMonth} (${c.thinMonths.length}): ${list(c.thinMonths.map((m) => `${m.month} (${m.events})`))}`,
    '',
    'By month:        events  empty   thin',
    ...c.byMonth.map((m) => `  ${m.month}       ${String(m.events).padStart(6)} ${String(m.emptyDays).padStart(6)} ${String(m.thinDays).padStart(6)}`),
    '',
    'By kind:',
    ...table(c.byKind, 20),
    '',
    'By country:',
    ...table(c.byCountry, 30),
  ];
  return `${lines.join('\n')}\n`;
}
