// Seeded synthetic datasets for the benchmark and the index tests: realistic shapes (uneven
// days, long and non-ASCII texts, Old Style events, multi-day ranges, dates known only to the
// month or year), written in the canonical one-event-per-line layout.
import { createWriteStream } from 'node:fs';
import { daysInMonth } from '../src/core/calendar.js';

/** mulberry32: a small, fast, seeded PRNG, so every run generates the same file. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'treaty', 'revolution', 'premiere', 'expedition', 'strike', 'election', 'earthquake', 'congress', 'flight', 'discovery',
  'Санкт-Петербург', 'révolution', 'Zürich', 'İstanbul', 'São Paulo', 'Kraków', 'Łódź', 'Αθήνα', '北京', 'Reykjavík',
  'assembly', 'army', 'river', 'harbour', 'railway', 'cathedral', 'orchestra', 'stadium', 'parliament', 'laboratory',
];
// Countries whose calendar agrees with the event's, so the data is clean (no reform warnings):
// Gregorian since 1582 (or never Julian), every country after 1923, Russia for Old Style dates.
const GREGORIAN_SINCE_1582 = ['FR', 'IT', 'ES', 'PL', 'PT', 'BR', 'MX', 'IN', 'EG'];
const ANY_AFTER_1923 = [...GREGORIAN_SINCE_1582, 'GB', 'US', 'DE', 'RU', 'GR', 'TR', 'JP', 'CN', 'SE', 'AU'];
const KINDS = ['event', 'event', 'event', 'event', 'birth', 'death'];

export interface GeneratorOptions {
  readonly count: number;
  readonly seed: number;
  readonly firstYear?: number;
  readonly lastYear?: number;
}

function sentence(rand: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(rand() * WORDS.length)] ?? 'event');
  const text = out.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** The events, one JSON object each, in no particular order. */
export function* generateEvents(options: GeneratorOptions): Generator<Record<string, unknown>> {
  const rand = prng(options.seed);
  const first = options.firstYear ?? 1700;
  const span = (options.lastYear ?? 2000) - first + 1;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  for (let i = 0; i < options.count; i++) {
    const calendar = rand() < 0.1 ? 'julian' : 'gregorian';
    const year = first + Math.floor(rand() * span);
    // Uneven days: a third of events crowd onto a few "big" days of the year.
    const month = rand() < 0.33 ? pick([1, 5, 7, 11]) : 1 + Math.floor(rand() * 12);
    const last = daysInMonth(calendar, year, month);
    const day = rand() < 0.33 ? Math.min(last, pick([1, 7, 14, 28, 29])) : 1 + Math.floor(rand() * last);
    const pad = (n: number) => String(n).padStart(2, '0');
    const precision = rand();
    const date = precision < 0.02 ? `${year}` : precision < 0.05 ? `${year}-${pad(month)}` : `${year}-${pad(month)}-${pad(day)}`;
    const event: Record<string, unknown> = { id: `gen-${options.seed}-${i}`, date };
    if (precision >= 0.05 && rand() < 0.05) {
      const endDay = Math.min(last, day + 1 + Math.floor(rand() * 5));
      if (endDay > day) event['end'] = `${year}-${pad(month)}-${pad(endDay)}`;
    }
    if (calendar === 'julian') event['calendar'] = 'julian';
    event['title'] = sentence(rand, 3 + Math.floor(rand() * 6));
    event['summary'] = sentence(rand, 10 + Math.floor(rand() * (rand() < 0.1 ? 120 : 30)));
    event['place'] = pick(WORDS);
    const country = calendar === 'julian' ? (year < 1917 ? 'RU' : undefined) : pick(year >= 1924 ? ANY_AFTER_1923 : GREGORIAN_SINCE_1582);
    if (country) event['country'] = country;
    event['kind'] = pick(KINDS);
    event['tags'] = [pick(['politics', 'war', 'science', 'culture', 'sport', 'disaster'])];
    event['sources'] = [{ title: 'Synthetic source', url: `https://example.org/source/${i}` }];
    yield event;
  }
}

/** Writes a dataset file in the canonical layout, streaming, so a million events need little memory. */
export async function writeDataset(file: string, options: GeneratorOptions): Promise<void> {
  const out = createWriteStream(file);
  const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write('{\n  "events": [\n');
  let first = true;
  for (const event of generateEvents(options)) {
    await write(`${first ? '' : ',\n'}    ${JSON.stringify(event)}`);
    first = false;
  }
  await write('\n  ]\n}\n');
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}
