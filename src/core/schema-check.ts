import { Ajv, type ErrorObject } from 'ajv';
import { datasetSchema } from './dataset-schema.js';

/** A compiled check of a whole document against the dataset schema, with ajv's error list. */
export type SchemaCheck = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/**
 * Compiles the schema with ajv. The bundled CLI replaces this module with the same schema
 * compiled ahead of time by ajv's standalone code generator (scripts/build.mjs), so that no
 * query pays for compiling it.
 */
export function compileSchemaCheck(): SchemaCheck {
  const ajv = new Ajv({ allErrors: true, strict: true });
  return ajv.compile(datasetSchema) as SchemaCheck;
}
