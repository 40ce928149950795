/**
 * Fixed lengths of time in milliseconds. Its own tiny file so every module (the popup's start
 * included) can share one constant without pulling in calendar arithmetic. A day here is 24
 * hours of elapsed time; local days, which DST makes 23 or 25 hours, are core/calendar.ts's.
 */

/** One hour of elapsed time. */
export const HOUR_MS = 3_600_000;

/** One day of elapsed time (24 hours, not a local calendar day). */
export const DAY_MS = 24 * HOUR_MS;
