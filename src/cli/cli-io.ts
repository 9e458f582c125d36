/** The world as the CLI sees it; tests pass fakes, the launcher passes the process. */
export interface OutputStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/** An output that writes with `write` and keeps `stream`'s terminal facts (whether a terminal, and its width). */
export function redirected(stream: OutputStream, write: (text: string) => unknown): OutputStream {
  return {
    write,
    ...(stream.isTTY === undefined ? {} : { isTTY: stream.isTTY }),
    ...(stream.columns === undefined ? {} : { columns: stream.columns }),
  };
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
