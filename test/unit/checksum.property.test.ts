import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checksum, createChecksum } from '../../src/core/checksum.js';

describe('checksum', () => {
  it('depends on the bytes only, not on where they sit in memory', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.integer({ min: 0, max: 7 }), fc.integer({ min: 1, max: 9 }), (bytes, shift, stride) => {
        const backing = new Uint8Array(bytes.length + shift);
        backing.set(bytes, shift);
        const unaligned = backing.subarray(shift);
        expect(checksum(unaligned, stride)).toBe(checksum(Uint8Array.from(bytes), stride));
      }),
    );
  });

  it('changes when any byte changes, or the length does', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 300 }), fc.nat(), fc.integer({ min: 1, max: 255 }), (bytes, at, delta) => {
        const changed = Uint8Array.from(bytes);
        const i = at % bytes.length;
        changed[i] = ((changed[i] ?? 0) + delta) % 256;
        expect(checksum(changed)).not.toBe(checksum(bytes));
        expect(checksum(bytes.subarray(0, bytes.length - 1))).not.toBe(checksum(bytes));
      }),
    );
  });

  it('is the same summed piece by piece, however the bytes are cut', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.array(fc.nat(), { maxLength: 8 }), fc.integer({ min: 0, max: 7 }), (bytes, cuts, shift) => {
        const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        const sum = createChecksum();
        let from = 0;
        for (const to of [...at, bytes.length]) {
          // Each piece at an unaligned place in memory too.
          const backing = Buffer.alloc(to - from + shift);
          backing.set(bytes.subarray(from, to), shift);
          sum.update(backing.subarray(shift));
          from = to;
        }
        expect(sum.digest()).toBe(checksum(bytes));
      }),
    );
  });

  it('names the length in base 36 before the sum', () => {
    expect(checksum(new Uint8Array(1000))).toMatch(/^rs-[0-9a-f]{8}$/);
  });
});
