import { createHash } from 'node:crypto';

/** RFC 9562 name-based UUIDs are keyed by a namespace; this one is centenary's own (a v4 UUID drawn once). */
const NAMESPACE = '6f3c2a9e-4b1d-4e8a-9c57-2d8e1f0b7a64';

/**
 * A version-5 UUID (SHA-1, RFC 9562 §5.5) from a name: the same name always gives the same id,
 * so an edition keeps its Atom id and a message its Message-ID however often it is rendered.
 */
export function uuidFromName(name: string): string {
  const hash = createHash('sha1').update(Buffer.from(NAMESPACE.replace(/-/g, ''), 'hex')).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
