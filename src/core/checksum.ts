/**
 * A fast checksum (FNV-1a, 32 bits, over 32-bit words) with the length, to notice a damaged or
 * truncated file in the cache. It guards against accidents, not attackers: the cache directory
 * is the user's own.
 *
 * Words rather than bytes: a query checksums what it reads before V8 has optimised anything, and
 * an interpreted loop costs per turn; four bytes a turn made the daily query's check four times
 * cheaper. With `stride` above 1 only every stride-th word is summed (the length still counts
 * every byte): for the V8 code cache, which V8 checks further itself, read on every query.
 */
export function checksum(data: Uint8Array, stride = 1): string {
  const words = data.length >>> 2;
  // A buffer of its own (a file read whole) is aligned; a slice of a pooled one may not be.
  const aligned = data.byteOffset % 4 === 0 ? data : new Uint8Array(data); // a copy (Buffer's slice is a view)
  const view = new Uint32Array(aligned.buffer, aligned.byteOffset, words);
  let h = 0x811c9dc5;
  for (let i = 0; i < words; i += stride) h = Math.imul(h ^ (view[i] ?? 0), 0x01000193);
  for (let i = words * 4; i < data.length; i++) h = Math.imul(h ^ (data[i] ?? 0), 0x01000193);
  return `${data.length.toString(36)}-${(h >>> 0).toString(16).padStart(8, '0')}`;
}

/**
 * FNV-1a (32 bits) over a string's UTF-16 code units: the checksum of one line of an index
 * bucket, computed from the text on both sides (when the index is built, and when the line is
 * read back and decoded), so a damaged byte shows as a different text and a different sum.
 */
export function textChecksum(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** checksum(data) of bytes that come in pieces: `update` with each piece in order, then `digest`. */
export function createChecksum(): { update(bytes: Uint8Array): void; digest(): string } {
  let h = 0x811c9dc5;
  let length = 0;
  // Up to three bytes of a word split between two pieces, read as a word like the rest.
  const carry = new Uint8Array(4);
  const carryWord = new Uint32Array(carry.buffer);
  let carried = 0;
  return {
    update(bytes) {
      length += bytes.length;
      let i = 0;
      if (carried > 0) {
        while (carried < 4 && i < bytes.length) carry[carried++] = bytes[i++] ?? 0;
        if (carried < 4) return;
        h = Math.imul(h ^ (carryWord[0] ?? 0), 0x01000193);
        carried = 0;
      }
      const words = (bytes.length - i) >>> 2;
      const start = bytes.byteOffset + i;
      // A copy where the piece is not aligned (a Buffer's slice would be a view).
      const aligned = start % 4 === 0 ? bytes : new Uint8Array(bytes.subarray(i));
      const view = new Uint32Array(aligned.buffer, aligned === bytes ? start : aligned.byteOffset, words);
      for (let w = 0; w < words; w++) h = Math.imul(h ^ (view[w] ?? 0), 0x01000193);
      for (i += words * 4; i < bytes.length; i++) carry[carried++] = bytes[i] ?? 0;
    },
    digest() {
      let d = h;
      for (let k = 0; k < carried; k++) d = Math.imul(d ^ (carry[k] ?? 0), 0x01000193);
      return `${length.toString(36)}-${(d >>> 0).toString(16).padStart(8, '0')}`;
    },
  };
}
