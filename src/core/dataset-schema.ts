import { PARTIAL_DATE_PATTERN } from './partial-date.js';

/**
 * The one schema of a dataset file. The validator compiles it; `schema/events.schema.json`
 * is written from it (`npm run schema`) and a test keeps the two identical.
 */
export const SCHEMA_ID = 'https://github.com/centenary/centenary/raw/main/schema/events.schema.json';

export const ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._:-]*$';
export const COUNTRY_PATTERN = '^[A-Z]{2}$';
export const KIND_PATTERN = '^[a-z][a-z-]*$';
export const URL_PATTERN = '^https?://[^\\s]+$';
export const DUAL_YEAR_PATTERN = '^[0-9]{1,4}/[0-9]{1,4}$';

const partialDate = {
  type: 'string',
  pattern: PARTIAL_DATE_PATTERN,
  description: 'YYYY-MM-DD, or YYYY-MM / YYYY when only that much is known.',
} as const;

const text = (description: string, maxLength: number) =>
  ({ type: 'string', minLength: 1, maxLength, description }) as const;

export const datasetSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: SCHEMA_ID,
  title: 'centenary dataset',
  description: 'Historical events for centenary: what happened N years ago today.',
  type: 'object',
  required: ['events'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string', description: 'Where editors find this schema.' },
    events: { type: 'array', items: { $ref: '#/definitions/event' } },
  },
  definitions: {
    event: {
      type: 'object',
      required: ['id', 'date', 'title'],
      additionalProperties: false,
      properties: {
        id: { type: 'string', pattern: ID_PATTERN, maxLength: 200, description: 'Unique and stable.' },
        date: partialDate,
        end: { ...partialDate, description: 'Inclusive last day, in the same calendar as date.' },
        calendar: {
          enum: ['gregorian', 'julian', 'local'],
          description:
            'The calendar of date and end as the source gives them: julian for Old Style; local for the calendar in force in country on that day (from its reform date). Default gregorian.',
        },
        dualYear: {
          type: 'string',
          pattern: DUAL_YEAR_PATTERN,
          description: 'An English dual-dated year as the source writes it (11 February 1731/32: "1731/32"); date holds the historical year, 1732-02-11.',
        },
        title: text('A short headline.', 300),
        summary: text('One to three sentences.', 4000),
        place: text('Where it happened.', 300),
        country: { type: 'string', pattern: COUNTRY_PATTERN, description: 'ISO 3166-1 alpha-2 code.' },
        kind: { type: 'string', pattern: KIND_PATTERN, description: 'event (default), birth, death, …' },
        tags: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 60 }, uniqueItems: true },
        sources: {
          type: 'array',
          items: {
            type: 'object',
            required: ['title', 'url'],
            additionalProperties: false,
            properties: {
              title: text('Title of the source.', 500),
              url: { type: 'string', pattern: URL_PATTERN, maxLength: 2000 },
            },
          },
        },
        note: text('Where sources disagree, and which one was followed.', 4000),
      },
    },
  },
} as const;

/** Plain-language descriptions of what a field must hold, for error messages. */
export const EXPECTED: Readonly<Record<string, string>> = {
  id: 'letters, digits and . _ : - (starting with a letter or digit)',
  date: 'a date written YYYY-MM-DD, YYYY-MM or YYYY',
  end: 'a date written YYYY-MM-DD, YYYY-MM or YYYY',
  calendar: '"gregorian", "julian" or "local"',
  dualYear: 'a dual-dated year written like "1731/32"',
  country: 'an ISO 3166-1 alpha-2 code such as "GB" or "RU"',
  kind: 'a lowercase word such as "event", "birth" or "death"',
  url: 'an http:// or https:// address',
};
