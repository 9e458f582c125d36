import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Token, tokenize } from '../../src/render/date-text.js';
import { LOCALES } from '../../src/render/locales.js';

/** The tokenizer as first written, with one regular expression: the oracle. */
function reference(pattern: string): Token[] {
  const tokens: Token[] = [];
  const re = /'((?:[^']|'')*)'|do|([A-Za-z])\2*|[^'A-Za-z]+/g;
  for (const m of pattern.matchAll(re)) {
    if (m[1] !== undefined) tokens.push({ kind: 'literal', text: m[1] === '' ? "'" : m[1].replace(/''/g, "'") });
    else if (/^[A-Za-z]/.test(m[0])) tokens.push({ kind: 'field', text: m[0] });
    else tokens.push({ kind: 'literal', text: m[0] });
  }
  return tokens;
}

// Patterns of the characters that matter (quotes, `do`, runs of letters) and some that do not.
const piece = fc.constantFrom("'", "''", 'd', 'o', 'do', 'EEEE', 'MMMM', 'y', 'Y', 'MM', ' ', ', ', '.', 'г', 'de', 'ч', '1');
const patterns = fc.oneof(fc.array(piece, { maxLength: 16 }).map((p) => p.join('')), fc.string({ maxLength: 20 }));

describe('tokenize (date patterns)', () => {
  it('splits any pattern as the regular expression did, unclosed quotes and all', () => {
    fc.assert(
      fc.property(patterns, (pattern) => {
        expect(tokenize(pattern)).toEqual(reference(pattern));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads the long and full dates of every locale shipped', async () => {
    for (const [name, entry] of Object.entries(LOCALES)) {
      const locale = await entry.load();
      for (const width of ['full', 'long'] as const) {
        const pattern = locale.formatLong?.date({ width }) ?? '';
        expect(tokenize(pattern), `${name} ${width}: ${pattern}`).toEqual(reference(pattern));
        expect(tokenize(pattern).some((t) => t.kind === 'field' && /^[yY]+$/.test(t.text)), `${name} ${width}`).toBe(true);
      }
    }
  });
});
