import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, type ShapeProblem, findShapeProblems } from '../../src/core/json-shape.js';

/** The scan as first written (a Set of keys per object, the key cut from a copy): the oracle. */
function reference(text: string): ShapeProblem[] {
  type Frame = { readonly object: true; readonly keys: Set<string>; key: string | undefined } | { readonly object: false; index: number };
  const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
  const problems: ShapeProblem[] = [];
  const stack: Frame[] = [];
  const pathOf = (): (string | number)[] => stack.map((f) => (f.object ? (f.key ?? '') : f.index));
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      let end = i + 1;
      for (;;) {
        const q = text.indexOf('"', end);
        if (q < 0) {
          end = n;
          break;
        }
        let slashes = 0;
        for (let k = q - 1; k > i && text.charCodeAt(k) === 0x5c; k--) slashes++;
        if (slashes % 2 === 0) {
          end = q;
          break;
        }
        end = q + 1;
      }
      const top = stack[stack.length - 1];
      if (top?.object) {
        let j = end + 1;
        while (j < n && isSpace(text.charCodeAt(j))) j++;
        if (text.charCodeAt(j) === 0x3a) {
          const raw = text.slice(i, end + 1);
          let key = raw.slice(1, -1);
          if (key.includes('\\')) {
            try {
              key = JSON.parse(raw) as string;
            } catch {
              // the raw text serves as the key
            }
          }
          if (top.keys.has(key)) problems.push({ offset: i, path: pathOf().slice(0, -1).concat(key), kind: 'duplicate-key', key });
          else top.keys.add(key);
          top.key = key;
        }
      }
      i = end;
    } else if (c === 0x7b || c === 0x5b) {
      if (stack.length >= MAX_DEPTH) return [{ offset: i, path: [], kind: 'too-deep' }];
      stack.push(c === 0x7b ? { object: true, keys: new Set(), key: undefined } : { object: false, index: 0 });
    } else if (c === 0x7d || c === 0x5d) {
      stack.pop();
    } else if (c === 0x2c) {
      const top = stack[stack.length - 1];
      if (top && !top.object) top.index++;
    }
  }
  return problems;
}

/** JSON-like texts with keys repeated, in small and large objects, escaped keys, deep nesting and damage. */
const keyName = fc.constantFrom('a', 'b', 'id', 'title', 'a\\"b', 'x\\u0041', 'é', '');
const objectText = (keys: string[], values: string[]) => `{${keys.map((k, i) => `"${k}" : ${values[i % values.length] ?? '1'}`).join(',')}}`;
const texts = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.tuple(fc.array(keyName, { maxLength: 40 }), fc.array(fc.constantFrom('1', '"s"', '[1,{"a":1,"a":2}]', '{"b":{"b":1},"b":2}'), { minLength: 1, maxLength: 4 })).map(([k, v]) => objectText(k, v)),
  fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 39 })).map(([count, again]) => objectText([...Array.from({ length: count }, (_, i) => `k${i}`), `k${again}`], ['0'])),
  fc.integer({ min: MAX_DEPTH - 2, max: MAX_DEPTH + 2 }).map((d) => `${'[{"a":'.repeat(d >> 1)}1${'}]'.repeat(d >> 1)}`),
  fc.tuple(fc.jsonValue().map((v) => JSON.stringify(v)), fc.nat(), fc.constantFrom('"', '{', '}', '[', ']', ',', ':', '\\')).map(([t, at, c]) => t.slice(0, at % (t.length + 1)) + c + t.slice(at % (t.length + 1))),
);

describe('findShapeProblems', () => {
  it('finds what the first version found, for any text', () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(findShapeProblems(text)).toEqual(reference(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds a key given twice in an object of many keys', () => {
    const many = objectText([...Array.from({ length: 200 }, (_, i) => `k${i}`), 'k7'], ['0']);
    expect(findShapeProblems(many)).toMatchObject([{ kind: 'duplicate-key', key: 'k7' }]);
  });
});
