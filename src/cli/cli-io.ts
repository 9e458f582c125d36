/** The world as the CLI sees it; tests pass fakes, the launcher passes the process. */
export interface OutputStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/** Standard input: read only by commands that ask questions on a terminal (`add`). */
export interface InputStream extends NodeJS.ReadableStream {
  readonly isTTY?: boolean;
}

export interface CliIO {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Milliseconds since the epoch; the only clock the program reads. */
  readonly now: () => number;
  readonly stdin?: InputStream;
}
