import type { QueryResult } from '../core/query.js';
import type { RenderContext } from './context.js';
import { renderJson } from './json.js';
import { renderText } from './text.js';

export type Renderer = (result: QueryResult, ctx: RenderContext) => string;

/** One table of output formats: the CLI's `--format` choices are its keys. */
export const renderers = {
  text: renderText,
  json: renderJson,
} satisfies Record<string, Renderer>;

export type Format = keyof typeof renderers;

export const FORMATS = Object.keys(renderers) as Format[];
