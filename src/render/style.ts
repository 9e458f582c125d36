/** Terminal styling, injected by the CLI: renderers stay pure and never import chalk. */
export interface Style {
  readonly heading: (text: string) => string;
  readonly title: (text: string) => string;
  readonly meta: (text: string) => string;
  readonly mark: (text: string) => string;
}

const identity = (text: string) => text;

export const plainStyle: Style = { heading: identity, title: identity, meta: identity, mark: identity };
