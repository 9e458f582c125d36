import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type OptionShape, optionShape } from '../../src/cli/option-spec.js';
import { QUERY_OPTIONS } from '../../src/cli/query-options.js';

/** optionShape as first written, with regular expressions: the oracle (undefined where it threw). */
function reference(flags: string): OptionShape | undefined {
  const match = /^(?:-([A-Za-z]), )?--([a-z][a-z-]*)(?: (<[^>]+>|\[[^\]]+\]))?$/.exec(flags);
  if (!match) return undefined;
  const [, short, long = '', argument] = match;
  const negate = long.startsWith('no-');
  const attribute = (negate ? long.slice(3) : long).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  return {
    ...(short === undefined ? {} : { short: `-${short}` }),
    long: `--${long}`,
    attribute,
    negate,
    argument: argument === undefined ? 'none' : argument.startsWith('<') ? 'required' : 'optional',
  };
}

const attempt = (flags: string) => {
  try {
    return optionShape(flags);
  } catch {
    return undefined;
  }
};

// Flags built from the parts commander's notation is made of, put together right and wrong.
const piece = fc.constantFrom('-', '--', '-d', '-D', ', ', ' ', 'no-', 'old', '-style', 'a', 'Z', '1', '<', '>', '[', ']', 'N[,N...]', 'é', '<x>', '[when]', '--');
const flags = fc.oneof(
  fc.array(piece, { maxLength: 8 }).map((p) => p.join('')),
  fc.tuple(fc.option(fc.constantFrom('-d, ', '-Q, ', '-1, ', '-d,')), fc.stringMatching(/^[a-z-]{0,12}$/), fc.option(fc.constantFrom(' <x>', ' [y]', ' <a>b>', ' <>', '  <x>', ' x'))).map(
    ([s, l, a]) => `${s ?? ''}--${l}${a ?? ''}`,
  ),
  fc.string({ maxLength: 24 }),
);

describe('optionShape', () => {
  it('reads any flags as the regular expressions did, and refuses the same ones', () => {
    fc.assert(
      fc.property(flags, (text) => {
        expect(attempt(text)).toEqual(reference(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads every option of the query', () => {
    for (const spec of QUERY_OPTIONS) expect(optionShape(spec.flags), spec.flags).toEqual(reference(spec.flags));
    expect(optionShape('--old-style-anniversary <rule>').attribute).toBe('oldStyleAnniversary');
    expect(optionShape('--no-color')).toEqual({ long: '--no-color', attribute: 'color', negate: true, argument: 'none' });
  });
});
