/** Real parsers for the document formats, as the tests read the output back. */
import { type DefaultTreeAdapterMap, parse, parseFragment } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
export type Element = DefaultTreeAdapterMap['element'];

function children(node: Node): Node[] {
  return 'childNodes' in node ? (node.childNodes as Node[]) : [];
}

/** Every element under `root` (document order) that `test` accepts. */
export function findAll(root: Node, test: (el: Element) => boolean): Element[] {
  const out: Element[] = [];
  const walk = (node: Node) => {
    if ('tagName' in node && test(node)) out.push(node);
    for (const child of children(node)) walk(child);
    if ('content' in node && node.content) walk(node.content as Node);
  };
  walk(root);
  return out;
}

export const byTag = (tag: string) => (el: Element) => el.tagName === tag;
export const byClass = (name: string) => (el: Element) => (attr(el, 'class') ?? '').split(/\s+/).includes(name);

export function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

export function text(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return children(node).map(text).join('');
}

export function parseHtml(html: string) {
  return parse(html);
}

export function parseHtmlFragment(html: string) {
  return parseFragment(html);
}
