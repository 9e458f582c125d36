import { InvalidArgumentError } from './invalid-argument.js';
import { type CountryReform, REFORMS, findByNcalCode, findReform } from '../core/reform.js';

/** `--country`: a code in the reform table; ncal's own codes (LI for Lithuania) are pointed to ours. */
export function parseCountryArgument(value: string): CountryReform {
  const reform = findReform(value.trim());
  if (reform) return reform;
  const ncal = findByNcalCode(value.trim());
  const hint = ncal ? ` ncal's ${value.toUpperCase()} is ${ncal.name}: use ${ncal.code}.` : '';
  throw new InvalidArgumentError(`"${value}" is not a country in the reform table.${hint} Known: ${REFORMS.map((r) => r.code).join(' ')}.`);
}
