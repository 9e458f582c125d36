import { fstatSync, writeSync } from 'node:fs';
import type { OutputStream } from '../cli/cli-io.js';

/**
 * Standard output and standard error for the launcher.
 *
 * Off a terminal — a pipe, a file, cron — text goes to the file descriptor with writeSync.
 * Why not process.stdout: on a pipe, creating it loads Node's whole stream and socket stack,
 * measured at 4–5 ms, a sixth of a daily query, to write a few lines once. On a terminal (or
 * anything else that is a character device, such as /dev/null) the process's own stream is used:
 * it knows its width, and a spinner needs a real stream to move the cursor.
 *
 * A pipe opened non-blocking by whoever started us can refuse a write (EAGAIN); from then on the
 * stream takes over, which waits for the reader, and keeps the order. A reader that has gone
 * (EPIPE) ends the run quietly through `closed`, as `head` expects.
 */
export interface StandardOutputDeps {
  readonly fd: 1 | 2;
  /** The process's own stream, created only when needed (process.stdout or process.stderr). */
  readonly stream: () => NodeJS.WriteStream;
  /** Called when the reader has gone. */
  readonly closed: () => void;
  readonly write?: (fd: number, data: Uint8Array, offset: number) => number;
  readonly isCharacterDevice?: (fd: number) => boolean;
}

function isCharacterDevice(fd: number): boolean {
  try {
    return fstatSync(fd).isCharacterDevice();
  } catch {
    return true; // Unknown: let Node's stream decide.
  }
}

const errorCode = (error: unknown) => (error as { code?: unknown } | null)?.code;

export function standardOutput(deps: StandardOutputDeps): OutputStream {
  let stream: NodeJS.WriteStream | undefined;
  const takeStream = () => {
    if (!stream) {
      stream = deps.stream();
      stream.on('error', (error) => {
        if (errorCode(error) !== 'EPIPE') throw error;
        deps.closed();
      });
    }
    return stream;
  };
  // A terminal gets the stream itself: a spinner (ora) moves the cursor through its methods.
  if ((deps.isCharacterDevice ?? isCharacterDevice)(deps.fd)) return takeStream();
  const write = deps.write ?? ((fd, data, offset) => writeSync(fd, data, offset));
  return {
    isTTY: false,
    write(text: string): boolean {
      if (stream) return stream.write(text);
      const data = Buffer.from(text, 'utf8');
      let offset = 0;
      while (offset < data.length) {
        try {
          offset += write(deps.fd, data, offset);
        } catch (error) {
          const code = errorCode(error);
          if (code === 'EAGAIN') return takeStream().write(data.subarray(offset));
          if (code === 'EPIPE') {
            deps.closed();
            return false;
          }
          throw error;
        }
      }
      return true;
    },
  };
}
