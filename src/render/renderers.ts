import type { QueryResult } from '../core/query.js';
import type { RenderContext } from './context.js';
import { renderAtom } from './atom.js';
import { renderEmail } from './email.js';
import { renderHtml } from './html.js';
import { renderIcs } from './ics.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderText } from './text.js';

export type Renderer = (result: QueryResult, ctx: RenderContext) => string;

/** One table of output formats: the CLI's `--format` choices are its keys. */
export const renderers = {
  text: renderText,
  json: renderJson,
  markdown: renderMarkdown,
  html: renderHtml,
  atom: renderAtom,
  ics: renderIcs,
  email: renderEmail,
} satisfies Record<string, Renderer>;

export type Format = keyof typeof renderers;

export const FORMATS = Object.keys(renderers) as Format[];
