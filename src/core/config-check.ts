import { Ajv, type ErrorObject } from 'ajv';
import { configSchema } from './config-schema.js';

/** A compiled check of a config file against its schema, with ajv's error list. */
export type ConfigCheck = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/**
 * Compiles the config schema with ajv. The bundled CLI replaces this module with the same schema
 * compiled ahead of time (scripts/build.mjs), as it does the dataset schema: a query run with a
 * config file then pays nothing for it, and can be answered without the whole program.
 */
export function compileConfigCheck(): ConfigCheck {
  return new Ajv({ allErrors: true }).compile(configSchema) as ConfigCheck;
}
