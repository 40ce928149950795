/**
 * `FAIL_WELL_TEST_NOW="2026-12-31T23:30"` (a local wall-clock time in the machine's zone, `TZ`)
 * starts the suite's clock there: `Date.now()` and `new Date()` run on from that moment as
 * if the machine's clock had been set to it. `.ci/run` runs the unit suite again at awkward
 * moments (a month's first minutes, New Year's Eve, daylight-saving days) so a test that
 * only passes on quiet dates fails in CI instead of on the 1st of next month. Tests that pin
 * their own clock (`vi.setSystemTime`) are unaffected.
 */
const wanted = process.env.FAIL_WELL_TEST_NOW;

if (wanted) {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(wanted);
  if (!match)
    throw new Error(`FAIL_WELL_TEST_NOW must look like 2026-12-31T23:30, not "${wanted}"`);
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const RealDate = Date;
  const offset = new RealDate(y, mo - 1, d, h, mi).getTime() - RealDate.now();

  // A subclass keeps `instanceof Date`, `Date.parse`, `Date.UTC` and every method; only
  // "now" moves.
  class ShiftedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...(args as [number]));
    }
    static override now(): number {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = ShiftedDate as DateConstructor;
}
