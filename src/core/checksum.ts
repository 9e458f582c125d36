/**
 * A fast checksum (FNV-1a, 32 bits) with the length, to notice a damaged or truncated bucket.
 * It guards against accidents, not attackers: the cache directory is the user's own.
 */
export function checksum(data: Uint8Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < data.length; i++) {
    h ^= data[i] ?? 0;
    h = Math.imul(h, 0x01000193);
  }
  return `${data.length.toString(36)}-${(h >>> 0).toString(16).padStart(8, '0')}`;
}
