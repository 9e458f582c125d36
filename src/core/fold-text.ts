/** Letters that Unicode does not decompose into a base letter and a mark, spelt as people type them. */
const UNDECOMPOSED: Readonly<Record<string, string>> = { ł: 'l', đ: 'd', ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', ı: 'i', þ: 'th', ð: 'd' };
const UNDECOMPOSED_LETTER = new RegExp(`[${Object.keys(UNDECOMPOSED).join('')}]`, 'g');

/**
 * Text as searches compare it: lower-cased, decomposed (NFKD) so that accents become separate
 * marks, the marks dropped. "Compiègne" and "COMPIEGNE" fold to "compiegne", "Łódź" to "lodz".
 */
export function foldText(text: string): string {
  // Plain ASCII has no marks to drop: lower-casing is all (and most titles are ASCII).
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  const decomposed = text.toLowerCase().normalize('NFKD');
  const unmarked = /[\ud800-\udfff]/.test(decomposed) ? decomposed.replace(/\p{M}/gu, '') : dropBmpMarks(decomposed);
  return unmarked.replace(UNDECOMPOSED_LETTER, (c) => UNDECOMPOSED[c] ?? c);
}

/**
 * Which characters of the Basic Multilingual Plane are marks (\p{M}), one byte each: worked out
 * once, from the same Unicode property the pattern uses, the first time text outside ASCII is
 * folded (a few milliseconds). A memo of a constant, so no state anyone can observe. Checking
 * a table is about twice as fast as the pattern, which matters when `validate` folds the title
 * of each of a million events.
 */
let bmpMarks: Uint8Array | undefined;

function marksTable(): Uint8Array {
  if (bmpMarks) return bmpMarks;
  const table = new Uint8Array(0x10000);
  const units: number[] = [];
  for (let c = 0; c < 0x10000; c++) units.push(c >= 0xd800 && c <= 0xdfff ? 0x20 : c);
  let all = '';
  for (let from = 0; from < units.length; from += 0x1000) all += String.fromCharCode(...units.slice(from, from + 0x1000));
  for (const mark of all.matchAll(/\p{M}/gu)) table[mark.index] = 1;
  bmpMarks = table;
  return table;
}

/** `text` without its marks, for text with no surrogate pair (every mark is then one unit). */
function dropBmpMarks(text: string): string {
  const marks = marksTable();
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x300 && marks[c] === 1) {
      out += text.slice(from, i);
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}

/** The words of a search, folded; punctuation separates words. */
export function foldedWords(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}
