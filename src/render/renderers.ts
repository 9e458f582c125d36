import type { QueryResult } from '../core/query.js';
import type { RenderContext } from './context.js';
import { renderText } from './text.js';

export type Renderer = (result: QueryResult, ctx: RenderContext) => string;

/**
 * One table of output formats: the CLI's `--format` choices are its keys. Each entry loads its
 * renderer when it is first asked for, so a run loads only the format it prints (a cron job
 * writing text never loads the HTML, XML or MIME code).
 */
export const renderers = {
  // The default, and what cron runs print: part of the start-up code rather than a chunk of its own.
  text: async () => renderText,
  json: async () => (await import('./json.js')).renderJson,
  markdown: async () => (await import('./markdown.js')).renderMarkdown,
  html: async () => (await import('./html.js')).renderHtml,
  atom: async () => (await import('./atom.js')).renderAtom,
  ics: async () => (await import('./ics.js')).renderIcs,
  email: async () => (await import('./email.js')).renderEmail,
} satisfies Record<string, () => Promise<Renderer>>;

export type Format = keyof typeof renderers;

export const FORMATS = Object.keys(renderers) as Format[];

export function loadRenderer(format: Format): Promise<Renderer> {
  return renderers[format]();
}
