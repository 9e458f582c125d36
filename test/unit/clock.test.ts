import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALWAYS_UTC, isKnownTimeZone, todayIn } from '../../src/io/clock.js';

/** The day at `ms` in `zone`, as ICU (Intl) has it. */
function intlDay(zone: string, ms: number) {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, calendar: 'gregory', numberingSystem: 'latn', year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(ms);
  const field = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { calendar: 'gregorian', year: field('year'), month: field('month'), day: field('day') };
}

// From 1900 to 2200: the clock of any machine that runs a query.
const instants = fc.integer({ min: -2_208_988_800_000, max: 7_258_118_400_000 });

describe('todayIn', () => {
  it('in a zone that is always UTC, works the day out from the clock as ICU would', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALWAYS_UTC), instants, (zone, ms) => {
        expect(todayIn(zone, ms)).toEqual(intlDay(zone, ms));
      }),
      { numRuns: 500 },
    );
  });

  it('the zones taken as UTC are UTC to ICU, summer and winter, and known', () => {
    for (const zone of ALWAYS_UTC) {
      expect(isKnownTimeZone(zone), zone).toBe(true);
      for (const ms of [Date.UTC(1926, 0, 15, 23, 59, 59, 999), Date.UTC(2026, 6, 1, 0, 0, 0, 0), Date.UTC(2026, 6, 1, 23, 30)]) {
        expect(todayIn(zone, ms), zone).toEqual(intlDay('UTC', ms));
      }
    }
    expect(todayIn('UTC', Date.UTC(2026, 10, 26, 23, 59, 59, 999))).toEqual({ calendar: 'gregorian', year: 2026, month: 11, day: 26 });
    expect(todayIn('UTC', Date.UTC(2026, 10, 27))).toEqual({ calendar: 'gregorian', year: 2026, month: 11, day: 27 });
  });

  it('any other zone is asked of ICU', () => {
    fc.assert(
      fc.property(fc.constantFrom('Europe/Moscow', 'America/New_York', 'Pacific/Kiritimati', 'Asia/Kathmandu'), instants, (zone, ms) => {
        expect(todayIn(zone, ms)).toEqual(intlDay(zone, ms));
      }),
      { numRuns: 200 },
    );
  });
});
