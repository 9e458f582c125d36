import { foldText } from './fold-text.js';

/** "Armistice of Compiègne" → "armistice-of-compiegne", at most `max` characters, cut at a hyphen. */
export function slugify(text: string, max = 60): string {
  const slug = foldText(text)
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const at = cut.lastIndexOf('-');
  return (at > max / 2 ? cut.slice(0, at) : slug.slice(0, max)).replace(/-+$/, '');
}

/** FNV-1a, 32 bits, as 8 hex digits: short, fast, and the same on every machine and run. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** An id in the dataset's style: "1917-10-24-october-revolution" (a hash stands in for a title with no Latin letters). */
export function readableEventId(date: string, title: string): string {
  const slug = slugify(title);
  return `${date}-${slug === '' ? shortHash(title) : slug}`;
}

/**
 * The id of an imported event: a function of what the source says (its date and text), so
 * importing the same file again finds the same ids and adds nothing. The hash tells apart two
 * entries whose titles start alike.
 */
export function importedEventId(date: string, title: string): string {
  const slug = slugify(title, 40);
  return `${date}-${slug === '' ? '' : `${slug}-`}${shortHash(`${date}\u0000${foldText(title).trim()}`)}`;
}
