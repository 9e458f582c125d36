// Writes a seeded synthetic dataset, for trying centenary at scale.
// Usage: node dist/scripts/generate-dataset.js FILE COUNT [SEED]
import { writeDataset } from './dataset-generator.js';

const [file, count, seed] = process.argv.slice(2);
if (!file || !count || !/^\d+$/.test(count)) {
  process.stderr.write('usage: node dist/scripts/generate-dataset.js FILE COUNT [SEED]\n');
  process.exit(2);
}
await writeDataset(file, { count: Number(count), seed: Number(seed ?? 1) });
