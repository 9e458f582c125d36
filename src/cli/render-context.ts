import { UsageError } from '../core/errors.js';
import type { Mailbox, RenderContext } from '../render/context.js';
import { type LocaleName, loadDateWords } from '../render/locales.js';
import type { Format } from '../render/renderers.js';
import type { CliIO } from './cli-io.js';
import { colourLevel, makeStyle, outputWidth } from './terminal.js';

/** What every command that renders asks of its options. */
export interface RenderFlags {
  readonly format: Format;
  /** --old-style: true or 'always' for every date; 'auto' where Old Style means something. */
  readonly oldStyle: boolean | 'auto' | 'always';
  readonly color?: boolean;
  readonly locale: LocaleName;
  readonly to: readonly Mailbox[];
  readonly from?: Mailbox;
  readonly feedUrl?: string;
}

/** `--format email` writes a message for `sendmail -t`, which finds its recipients in To:. */
export function checkMailOptions(flags: RenderFlags): void {
  if (flags.format === 'email' && flags.to.length === 0) {
    throw new UsageError('--format email needs a recipient', 'add --to ADDRESS (and --from ADDRESS), as in: centenary digest --format email --to you@example.org | sendmail -t');
  }
}

/** The one place the clock is read for rendering: renderers get it as a value. */
export async function buildRenderContext(flags: RenderFlags, io: CliIO, timeZone: string, referenceIsToday: boolean): Promise<RenderContext> {
  return {
    style: await makeStyle(flags.format === 'text' ? colourLevel(flags.color, io) : 0),
    width: outputWidth(io.stdout),
    oldStyle: flags.oldStyle === true || flags.oldStyle === 'always',
    oldStyleAuto: flags.oldStyle === 'auto',
    words: await loadDateWords(flags.locale),
    localeName: flags.locale,
    referenceIsToday,
    timeZone,
    now: io.now(),
    mail: { to: flags.to, ...(flags.from ? { from: flags.from } : {}) },
    ...(flags.feedUrl ? { feedUrl: flags.feedUrl } : {}),
  };
}
