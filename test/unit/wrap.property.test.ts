import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wrapText } from '../../src/render/wrap.js';

/** The wrap as first written, counting every line again by spreading it: the oracle. */
function reference(text: string, width: number, indent = ''): string[] {
  const room = Math.max(10, width - indent.length);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ').filter((w) => w !== '')) {
    let rest = word;
    while ([...rest].length > room) {
      if (line !== '') {
        lines.push(line);
        line = '';
      }
      const chars = [...rest];
      lines.push(chars.slice(0, room).join(''));
      rest = chars.slice(room).join('');
    }
    if (line === '') line = rest;
    else if ([...line].length + 1 + [...rest].length <= room) line += ` ${rest}`;
    else {
      lines.push(line);
      line = rest;
    }
  }
  if (line !== '') lines.push(line);
  return lines.map((l) => indent + l);
}

const words = fc.array(fc.oneof(fc.string({ maxLength: 14 }), fc.string({ unit: 'grapheme', maxLength: 30 }), fc.constantFrom('', ' ', '😀😀😀', 'x'.repeat(95), 'Санкт-Петербург')), { maxLength: 40 });

describe('wrapText', () => {
  it('wraps as the first version did, for any words, width and indent', () => {
    fc.assert(
      fc.property(words, fc.integer({ min: 0, max: 120 }), fc.constantFrom('', '  ', '    '), (parts, width, indent) => {
        const text = parts.join(' ');
        expect(wrapText(text, width, indent)).toEqual(reference(text, width, indent));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps every line within the width, counting code points', () => {
    const lines = wrapText('😀'.repeat(30) + ' a b c ' + 'é'.repeat(50), 22, '  ');
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(22);
    expect(lines.length).toBeGreaterThan(3);
  });
});
