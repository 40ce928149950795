/**
 * The one-tap "nothing to reflect on today" check-in: a day that counts for the weekly
 * consistency figure without an entry. Stored as local calendar days ("2026-11-29").
 */
import { browser } from 'wxt/browser';

/** Where the days live in `storage.local`. */
export const CHECKINS_KEY = 'checkins';
/** Two years of days is more than any consistency figure looks back. */
const KEEP_DAYS = 730;

/** The local calendar day of an instant, as "YYYY-MM-DD" (in `timeZone`, default the browser's). */
export function dayKey(epochMs: number, timeZone?: string): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(epochMs);
}

/** Add a day to the list: unique, sorted, only the most recent `KEEP_DAYS`. */
export function addCheckin(days: readonly string[], day: string): string[] {
  return [...new Set([...days, day])].sort().slice(-KEEP_DAYS);
}

/** Every checked-in day, oldest first. */
export async function loadCheckins(): Promise<string[]> {
  const stored = (await browser.storage.local.get(CHECKINS_KEY))[CHECKINS_KEY];
  return Array.isArray(stored)
    ? stored.filter((d): d is string => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d))
    : [];
}

/** Record today as a calm day. */
export async function checkIn(now: number): Promise<void> {
  await browser.storage.local.set({
    [CHECKINS_KEY]: addCheckin(await loadCheckins(), dayKey(now)),
  });
}
