import type { Mailbox } from './context.js';

/** `Name <local@domain>` or `local@domain`; undefined when the text is not one mailbox or holds a control character. */
export function parseMailbox(text: string): Mailbox | undefined {
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(text)) return undefined;
  const address = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/;
  const trimmed = text.trim();
  if (address.test(trimmed)) return { address: trimmed };
  const named = /^(.*?)\s*<([^<>]+)>$/.exec(trimmed);
  if (!named || !address.test(named[2] ?? '')) return undefined;
  const name = (named[1] ?? '').trim().replace(/^"(.*)"$/, '$1');
  return name === '' ? { address: named[2] ?? '' } : { name, address: named[2] ?? '' };
}
