/**
 * Moments on the machine's own wall clock, for tests whose expected text is a local date:
 * `localTime(2026, 11, 25, 12)` is noon on 25 November wherever the suite runs, so the
 * expected day never depends on the zone (CI also runs the suite in Pacific/Chatham).
 * The product's own rule for it is `instantOf` (utils/core/wall-clock.ts).
 */
import { instantOf } from '../../utils/core/wall-clock';

/** The instant of a local date and time (month 1–12) in the machine's zone. */
export function localTime(year: number, month: number, day: number, hour = 12, minute = 0): number {
  return instantOf({ year, month, day }, hour * 60 + minute);
}
