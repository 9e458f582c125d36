// Writes schema/events.schema.json from the schema the validator compiles. Needs `npm run build`.
import { writeFileSync } from 'node:fs';
import { datasetSchema } from '../dist/core/dataset-schema.js';

writeFileSync(new URL('../schema/events.schema.json', import.meta.url), `${JSON.stringify(datasetSchema, null, 2)}\n`);
