/**
 * Local calendar arithmetic without `Date`'s hidden time zone: a time zone is a function
 * from an instant to its UTC offset, so pure code (insights, filters, look-back) can be
 * tested with any zone, daylight-saving jumps included.
 */

import { DAY_MS } from './time-units';

/** Minutes east of UTC at an instant (UTC+2 → 120). */
export type TimeZone = (epochMs: number) => number;

/** The browser's own zone, daylight saving included. */
export const localZone: TimeZone = (epochMs) => -new Date(epochMs).getTimezoneOffset();

/** A zone with a fixed offset, for tests and for UTC. */
export function fixedZone(minutesEast: number): TimeZone {
  return () => minutesEast;
}

/** The instant a local day (days since 1970-01-01) begins in `zone`. */
export function startOfLocalDay(day: number, zone: TimeZone): number {
  const guess = day * DAY_MS;
  // The offset at the guess can differ from the one at the true instant across a DST jump:
  // correct once with the offset found there.
  const first = guess - zone(guess) * 60_000;
  return guess - zone(first) * 60_000;
}

/** Days since 1970-01-01 of the local date at `epochMs`. */
export function localDay(epochMs: number, zone: TimeZone): number {
  return Math.floor((epochMs + zone(epochMs) * 60_000) / DAY_MS);
}

/** The Monday-first week of a day number (1970-01-01 was a Thursday, so shift by 3). */
export function weekOfDay(day: number): number {
  return Math.floor((day + 3) / 7);
}

/** The first day (a Monday) of a week number. */
export function weekStartDay(week: number): number {
  return week * 7 - 3;
}

/** The local date of a day number as `YYYY-MM-DD`. */
export function dayToIso(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** A `YYYY-MM-DD` string as a day number, or null when it is not a real date. */
export function isoToDay(iso: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const ms = Date.UTC(y, m - 1, d);
  // Date.UTC rolls 2026-02-31 over into March: a date that changed was not real.
  return dayToIso(ms / DAY_MS) === iso ? ms / DAY_MS : null;
}

/** Year, month (1–12) and day of month of a day number. */
export function dayParts(day: number): { year: number; month: number; date: number } {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, date: d.getUTCDate() };
}
