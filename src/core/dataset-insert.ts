import { type Node, getNodeValue, parseTree } from 'jsonc-parser';
import { type RawEvent, orderFields, sortKey } from './dataset-text.js';

const compareKeys = (a: [number, string], b: [number, string]) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);

/**
 * Inserts events into a dataset's text and changes nothing else, so that a diff shows only the
 * new lines. If the existing events are in date order, each new event goes to its place in that
 * order; otherwise at the end. Each is written in the layout of the events already there: one
 * per line (the canonical layout) or indented over several lines. Returns undefined when the
 * text is not a dataset object with an "events" array.
 */
export function insertEvents(text: string, events: readonly RawEvent[]): string | undefined {
  const root = parseTree(text);
  const array = root?.type === 'object' ? root.children?.find((p) => p.children?.[0]?.value === 'events')?.children?.[1] : undefined;
  if (!array || array.type !== 'array') return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const children = array.children ?? [];
  const keys = children.map((c) => sortKey(getNodeValue(c) as RawEvent));
  const sorted = keys.every((k, i) => i === 0 || compareKeys(keys[i - 1] as [number, string], k) <= 0);
  const layout = detectLayout(text, array, children);

  const fresh = events.map((event) => ({ event, key: sortKey(event) }));
  if (sorted) fresh.sort((a, b) => compareKeys(a.key, b.key));
  const at = new Map<number, string[]>();
  for (const { event, key } of fresh) {
    // After any event with the same key, so equal dates keep the order they were added in.
    const index = sorted ? upperBound(keys, key) : children.length;
    at.set(index, [...(at.get(index) ?? []), layout.format(event, eol)]);
  }

  let out = text;
  const separator = `,${eol}${layout.indent}`;
  for (const index of [...at.keys()].sort((a, b) => b - a)) {
    const block = (at.get(index) ?? []).join(separator);
    if (children.length === 0) {
      const inner = `[${eol}${layout.indent}${block}${eol}${layout.closingIndent}]`;
      out = out.slice(0, array.offset) + inner + out.slice(array.offset + array.length);
    } else if (index < children.length) {
      const child = children[index] as Node;
      out = out.slice(0, child.offset) + block + separator + out.slice(child.offset);
    } else {
      const last = children[children.length - 1] as Node;
      const end = last.offset + last.length;
      out = out.slice(0, end) + separator + block + out.slice(end);
    }
  }
  return out;
}

function upperBound(keys: readonly [number, string][], key: [number, string]): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareKeys(keys[mid] as [number, string], key) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Layout {
  readonly indent: string;
  readonly closingIndent: string;
  format(event: RawEvent, eol: string): string;
}

const lineIndentAt = (text: string, offset: number) => {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start, offset))?.[0] ?? '';
};

function detectLayout(text: string, array: Node, children: readonly Node[]): Layout {
  const closingIndent = lineIndentAt(text, array.offset);
  const first = children[0];
  if (!first) {
    return { indent: `${closingIndent}  `, closingIndent, format: (e) => JSON.stringify(orderFields(e)) };
  }
  const indent = lineIndentAt(text, first.offset);
  const own = text.slice(first.offset, first.offset + first.length);
  if (!own.includes('\n')) return { indent, closingIndent, format: (e) => JSON.stringify(orderFields(e)) };
  // Several lines per event: the step between the event's indent and its fields' indent.
  const secondLine = own.split('\n')[1] ?? '';
  const fieldIndent = /^[ \t]*/.exec(secondLine)?.[0] ?? '';
  const step = fieldIndent.startsWith(indent) && fieldIndent.length > indent.length ? fieldIndent.slice(indent.length) : '  ';
  return {
    indent,
    closingIndent,
    format: (e, eol) => JSON.stringify(orderFields(e), null, step).split('\n').join(`${eol}${indent}`),
  };
}
