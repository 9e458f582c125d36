/**
 * Escaping for HTML and XML (Atom). Dataset text is untrusted: after `cleanInline` has removed
 * control characters, the five markup characters become entities, and characters XML 1.0 does not
 * allow at all (the noncharacters U+FFFE/U+FFFF, unpaired surrogates) are replaced, so that no
 * text can end an element, open a tag, close a CDATA section (`]]>`) or make a parser reject the file.
 */
// eslint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text safe in element content and in double-quoted attributes (the only kind written), in HTML and XML alike. */
export function escapeMarkup(text: string): string {
  return text.replace(NOT_XML_CHAR, '\ufffd').replace(/[&<>"]/g, (c) => ENTITIES[c] ?? c);
}

/**
 * A source URL fit for an `href`: only http(s) is linked (the dataset schema requires it, but a
 * renderer does not rely on that), anything else gives undefined so the title is shown unlinked.
 */
export function linkableUrl(url: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  return /^https?:\/\/[^\s\u0000-\u001f\u007f-\u009f]+$/i.test(url) ? url : undefined;
}
