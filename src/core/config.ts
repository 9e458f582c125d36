import { MAX_YEAR } from './calendar.js';
import { compileConfigCheck } from './config-check.js';
import { type DataIssue, describeValue } from './dataset-issue.js';

export { configSchema } from './config-schema.js';

/** The settings a config file may hold; each is the default of the option it names. */
export interface Config {
  /** Default dataset files (--file); the first is where add and import write. */
  readonly files?: readonly string[];
  readonly years?: readonly number[];
  readonly timeZone?: string;
  readonly locale?: string;
  readonly format?: string;
  readonly oldStyle?: boolean;
}


const EXPECTED_SETTING: Readonly<Record<string, string>> = {
  files: 'a list of dataset file paths',
  years: `a whole number of years from 1 to ${MAX_YEAR - 1}, or a list of them`,
  timeZone: 'an IANA time zone such as "Europe/London"',
  locale: 'a language such as "en" or "de"',
  format: 'an output format such as "text" or "json"',
  oldStyle: 'true or false',
};

/**
 * Checks a parsed config file. Time zones and formats are checked against what this program
 * knows, passed in so that this stays pure. Returns the config, or every problem (unlocated).
 */
export function validateConfig(
  parsed: unknown,
  known: { readonly isTimeZone: (zone: string) => boolean; readonly formats: readonly string[]; readonly locales: readonly string[] },
): { config?: Config; issues: DataIssue[] } {
  const check = compileConfigCheck();
  const issues: DataIssue[] = [];
  if (!check(parsed)) {
    const seen = new Set<string>();
    for (const error of check.errors ?? []) {
      if (error.keyword === 'additionalProperties') {
        const key = String(error.params['additionalProperty']);
        issues.push({ severity: 'error', path: [key], problem: `unknown setting "${key}"`, expected: `one of ${Object.keys(EXPECTED_SETTING).join(', ')}`, atKey: true });
        continue;
      }
      const key = error.instancePath.split('/')[1] ?? '';
      if (seen.has(key)) continue;
      seen.add(key);
      const value = (parsed as Record<string, unknown> | null)?.[key];
      issues.push(key === '' ? { severity: 'error', path: [], problem: 'wrong type', found: describeValue(parsed), expected: 'an object of settings' } : { severity: 'error', path: [key], problem: 'not a valid value', found: describeValue(value), expected: EXPECTED_SETTING[key] ?? 'a valid value' });
    }
    return { issues };
  }
  const raw = parsed as { files?: string[]; years?: number | number[]; timeZone?: string; locale?: string; format?: string; oldStyle?: boolean };
  if (raw.timeZone !== undefined && !known.isTimeZone(raw.timeZone)) {
    issues.push({ severity: 'error', path: ['timeZone'], problem: 'unknown time zone', found: describeValue(raw.timeZone), expected: EXPECTED_SETTING['timeZone'] ?? '' });
  }
  const locale = raw.locale !== undefined && known.locales.includes(raw.locale) ? raw.locale : undefined;
  if (raw.locale !== undefined && !locale) issues.push({ severity: 'error', path: ['locale'], problem: 'unknown locale', found: describeValue(raw.locale), expected: `one of ${known.locales.join(', ')}` });
  if (raw.format !== undefined && !known.formats.includes(raw.format)) {
    issues.push({ severity: 'error', path: ['format'], problem: 'unknown format', found: describeValue(raw.format), expected: `one of ${known.formats.join(', ')}` });
  }
  if (issues.length > 0) return { issues };
  const years = raw.years === undefined ? undefined : [...new Set(Array.isArray(raw.years) ? raw.years : [raw.years])].sort((a, b) => a - b);
  return {
    issues,
    config: {
      ...(raw.files ? { files: raw.files } : {}),
      ...(years ? { years } : {}),
      ...(raw.timeZone !== undefined ? { timeZone: raw.timeZone } : {}),
      ...(locale ? { locale } : {}),
      ...(raw.format !== undefined ? { format: raw.format } : {}),
      ...(raw.oldStyle !== undefined ? { oldStyle: raw.oldStyle } : {}),
    },
  };
}
