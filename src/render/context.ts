import type { DateWords } from './date-text.js';
import type { Style } from './style.js';

/** Everything a renderer may know beyond the result; the CLI builds it, tests fake it. */
export interface RenderContext {
  readonly style: Style;
  /** Columns to wrap text to; fixed when stdout is not a terminal so output never depends on it. */
  readonly width: number;
  /** Show the Old Style equivalent of every date, not only of dates recorded in Old Style. */
  readonly oldStyle: boolean;
  /**
   * `--old-style` without `=always`: show the Old Style equivalent only where it means something
   * (events recorded in Julian, or in a country still on the Julian calendar then). `oldStyle` wins.
   */
  readonly oldStyleAuto?: boolean;
  readonly words: DateWords;
  /** The reference day is the real today (not a `--date`), so "today" and "tomorrow" are true. */
  readonly referenceIsToday: boolean;
  readonly timeZone: string;
}
