import type { CliIO } from './cli-io.js';

/** A progress line on stderr; does nothing at all off a terminal (pipes, cron, CI). */
export interface Progress {
  update(text: string): void;
  stop(): void;
}

const silent: Progress = { update: () => undefined, stop: () => undefined };

/**
 * Starts an ora spinner on stderr when stderr is a terminal. ora is loaded with a dynamic
 * import(), so queries and every run off a terminal never load it.
 */
export async function startProgress(io: CliIO, text: string): Promise<Progress> {
  // A terminal that reports no width (a pseudo-terminal never sized, as script(1) makes) is no
  // place for a spinner: ora divides by the width, and cleared lines without end.
  if (io.stderr.isTTY !== true || !io.stderr.columns || io.env['CI'] !== undefined) return silent;
  const { default: ora } = await import('ora');
  const spinner = ora({ text, stream: io.stderr as NodeJS.WritableStream, discardStdin: false }).start();
  return {
    update: (t) => {
      spinner.text = t;
    },
    stop: () => {
      spinner.stop();
    },
  };
}
