import type { JsonPath } from './dataset-issue.js';

/**
 * What JSON.parse accepts but a dataset must not have. A dataset is five levels deep at most
 * (document, events, event, sources, source); a hostile file nested a hundred thousand levels
 * deep parses fine but overflows the stack of every recursive reader after it (the schema
 * check, the issue locator). A key given twice in one object is legal JSON, but the parser
 * silently keeps the last value, which may not be the one the author sees in an editor.
 * One iterative pass over the text, no recursion; it also works on text that does not parse.
 */
export const MAX_DEPTH = 64;

export interface ShapeProblem {
  readonly offset: number;
  readonly path: JsonPath;
  readonly kind: 'too-deep' | 'duplicate-key';
  readonly key?: string;
}

/** An object's keys so far: a short list, turned into a set past SMALL_OBJECT keys (a hostile file can hold thousands). */
type Frame = { readonly object: true; keys: string[] | Set<string>; key: string | undefined } | { readonly object: false; index: number };

const SMALL_OBJECT = 16;

/** Adds `key` to the frame's keys; false when it was there already. */
function addKey(frame: { keys: string[] | Set<string> }, key: string): boolean {
  const keys = frame.keys;
  if (keys instanceof Set) {
    if (keys.has(key)) return false;
    keys.add(key);
    return true;
  }
  if (keys.includes(key)) return false;
  keys.push(key);
  if (keys.length > SMALL_OBJECT) frame.keys = new Set(keys);
  return true;
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/**
 * The first nesting deeper than MAX_DEPTH (then nothing else, as nothing after it can be read
 * safely), else every duplicated key, in text order. Offsets are UTF-16 positions in `text`.
 */
export function findShapeProblems(text: string): ShapeProblem[] {
  const problems: ShapeProblem[] = [];
  const stack: Frame[] = [];
  const pathOf = (): (string | number)[] => stack.map((f) => (f.object ? (f.key ?? '') : f.index));
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // A string: find its closing quote (one not escaped by an odd run of backslashes).
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
          let key = text.slice(i + 1, end);
          if (key.includes('\\')) {
            try {
              key = JSON.parse(text.slice(i, end + 1)) as string;
            } catch {
              // not valid JSON anyway; the raw text serves as the key
            }
          }
          if (!addKey(top, key)) problems.push({ offset: i, path: pathOf().slice(0, -1).concat(key), kind: 'duplicate-key', key });
          top.key = key;
        }
      }
      i = end;
    } else if (c === 0x7b || c === 0x5b) {
      if (stack.length >= MAX_DEPTH) return [{ offset: i, path: [], kind: 'too-deep' }];
      stack.push(c === 0x7b ? { object: true, keys: [], key: undefined } : { object: false, index: 0 });
    } else if (c === 0x7d || c === 0x5d) {
      stack.pop();
    } else if (c === 0x2c) {
      const top = stack[stack.length - 1];
      if (top && !top.object) top.index++;
    }
  }
  return problems;
}
