import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import ucs2length from '../../src/core/ucs2length.js';

describe('ucs2length (string length as JSON Schema counts it)', () => {
  it('is the number of code points of any string, lone surrogates counted alone', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)) }), (text, surrogates) => {
        for (const s of [text, surrogates, text + surrogates]) expect(ucs2length(s)).toBe([...s].length);
      }),
      { numRuns: 2000 },
    );
    expect(ucs2length('Łódź 北京 😀')).toBe(9);
  });
});
