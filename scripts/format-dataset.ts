// Rewrites dataset files in the canonical layout (sorted, one event per line).
// Usage: npm run format-data [-- FILE...]   (default: the bundled events.json)
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { type RawEvent, serializeDataset, sortEvents } from '../src/core/dataset-text.js';
import { BUNDLED_DATASET } from '../src/io/package-files.js';

const files = process.argv.length > 2 ? process.argv.slice(2) : [BUNDLED_DATASET];
for (const file of files) {
  const data = JSON.parse(readFileSync(file, 'utf8')) as { $schema?: string; events: RawEvent[] };
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, serializeDataset(sortEvents(data.events), data.$schema));
  renameSync(tmp, file);
}
