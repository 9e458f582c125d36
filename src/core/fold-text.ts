/** Letters that Unicode does not decompose into a base letter and a mark, spelt as people type them. */
const UNDECOMPOSED: Readonly<Record<string, string>> = { ł: 'l', đ: 'd', ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', ı: 'i', þ: 'th', ð: 'd' };

/**
 * Text as searches compare it: lower-cased, decomposed (NFKD) so that accents become separate
 * marks, the marks dropped. "Compiègne" and "COMPIEGNE" fold to "compiegne", "Łódź" to "lodz".
 */
export function foldText(text: string): string {
  // Plain ASCII has no marks to drop: lower-casing is all (and most titles are ASCII).
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[łđøæœßıþð]/g, (c) => UNDECOMPOSED[c] ?? c);
}

/** The words of a search, folded; punctuation separates words. */
export function foldedWords(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}
