// Writes schema/events.schema.json from the schema the validator compiles.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { datasetSchema } from '../src/core/dataset-schema.js';
import { PACKAGE_ROOT } from '../src/io/package-files.js';

writeFileSync(join(PACKAGE_ROOT, 'schema', 'events.schema.json'), `${JSON.stringify(datasetSchema, null, 2)}\n`);
