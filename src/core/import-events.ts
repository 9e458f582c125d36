import { type BsdEntry, type ScanState, type SkipReason, type SourceLine, dateEntry, kindFromText, markedOldStyle } from './bsd-calendar.js';
import { formatIsoDate } from './calendar.js';
import type { RawEvent } from './dataset-text.js';
import { importedEventId, slugify } from './event-id.js';

export interface ImportCandidate {
  readonly event: RawEvent;
  readonly origin: SourceLine;
}

export interface ImportSkip extends SourceLine {
  readonly reason: SkipReason;
  readonly text: string;
  readonly detail?: string;
}

const TITLE_MAX = 300;

/** A title within the schema's limit, cut at a word, with the whole text kept as the summary. */
function titleAndSummary(text: string): { title: string; summary?: string } {
  if ([...text].length <= TITLE_MAX) return { title: text };
  const cut = [...text].slice(0, TITLE_MAX - 1).join('');
  const atSpace = cut.lastIndexOf(' ');
  return { title: `${atSpace > TITLE_MAX / 2 ? cut.slice(0, atSpace) : cut}…`, summary: [...text].slice(0, 4000).join('') };
}

/** "calendar.history" → "history": the file an entry comes from, as a tag. */
function tagFor(file: string): string | undefined {
  const name = file.split(/[\\/]/).pop() ?? '';
  const tag = slugify(name.replace(/^calendar\./, ''), 60);
  return tag === '' ? undefined : tag;
}

/**
 * BSD calendar entries as dataset events. Dates are Gregorian unless `calendar` says otherwise or
 * the entry itself is marked Old Style ("O.S.", "Old Style", "(Julian)"). Ids are stable (see
 * importedEventId); the kind comes from the words (born, died); the file's name becomes a tag.
 */
export function eventsFromBsd(entries: readonly BsdEntry[], state: ScanState, calendar: 'gregorian' | 'julian'): { candidates: ImportCandidate[]; skipped: ImportSkip[] } {
  const candidates: ImportCandidate[] = [];
  const skipped: ImportSkip[] = [];
  for (const entry of entries) {
    const entryCalendar = markedOldStyle(entry.text) ? 'julian' : calendar;
    const dated = dateEntry(entry, state, entryCalendar);
    const origin = { file: entry.file, line: entry.line };
    if ('skip' in dated) {
      skipped.push({ ...origin, reason: dated.skip, text: `${entry.date}\t${entry.text}` });
      continue;
    }
    const date = formatIsoDate(dated);
    const { title, summary } = titleAndSummary(dated.title);
    const kind = kindFromText(entry.text);
    const tag = tagFor(entry.file);
    candidates.push({
      origin,
      event: {
        id: importedEventId(date, dated.title),
        date,
        ...(entryCalendar === 'julian' ? { calendar: 'julian' } : {}),
        title,
        ...(summary !== undefined ? { summary } : {}),
        ...(kind ? { kind } : {}),
        ...(tag ? { tags: [tag] } : {}),
      },
    });
  }
  return { candidates, skipped };
}
