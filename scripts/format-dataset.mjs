// Rewrites dataset files in the canonical layout (sorted, one event per line). Needs `npm run build`.
// Usage: node scripts/format-dataset.mjs [FILE...]   (default: events.json)
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { serializeDataset, sortEvents } from '../dist/core/dataset-text.js';

for (const file of process.argv.length > 2 ? process.argv.slice(2) : ['events.json']) {
  const data = JSON.parse(readFileSync(file, 'utf8'));
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, serializeDataset(sortEvents(data.events), data.$schema));
  renameSync(tmp, file);
}
