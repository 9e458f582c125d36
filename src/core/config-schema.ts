import { MAX_YEAR } from './calendar.js';

/** What a config file may hold (config.ts says what each setting means and checks the rest). */
export const configSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    files: { type: 'array', items: { type: 'string', minLength: 1 } },
    years: { anyOf: [{ type: 'integer', minimum: 1, maximum: MAX_YEAR - 1 }, { type: 'array', minItems: 1, items: { type: 'integer', minimum: 1, maximum: MAX_YEAR - 1 } }] },
    timeZone: { type: 'string', minLength: 1 },
    locale: { type: 'string', minLength: 1 },
    format: { type: 'string', minLength: 1 },
    oldStyle: { type: 'boolean' },
  },
} as const;
