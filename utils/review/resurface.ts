/**
 * Looking back: the resurfacing queue (each lesson comes back less often every time it is
 * seen) and "on this day". Pure: `now` and the time zone are parameters.
 */
import { dayParts, localDay, type TimeZone } from '../core/calendar';
import { DAY_MS } from '../core/time-units';
import type { Reflection, ReviewState } from '../reflections/reflection';

/** Days until a lesson comes back after its n-th viewing: each gap about 2.5× the last. */
export const REVIEW_GAPS_DAYS = [7, 18, 45, 110, 270, 365] as const;

/** What the person said about a resurfaced lesson. */
export type ReviewAction = 'seen' | 'relevant' | 'retire';

/** The gap after the `count`-th viewing (1-based); the last gap repeats. */
export function reviewGapDays(count: number): number {
  const index = Math.min(Math.max(count, 1), REVIEW_GAPS_DAYS.length) - 1;
  return REVIEW_GAPS_DAYS[index] as number;
}

/**
 * The review state after an action. "Seen it" moves to the next, longer gap. "Still
 * relevant" also counts as a viewing but comes back in a third of that gap: sooner than
 * "seen it", still less often each time. "Retire" stops it coming back at all.
 */
export function reviewAfter(review: ReviewState, action: ReviewAction, now: number): ReviewState {
  if (action === 'retire') return { ...review, retired: true };
  const count = review.count + 1;
  const days = action === 'seen' ? reviewGapDays(count) : reviewGapDays(count) / 3;
  return { count, nextDueAt: now + Math.round(days * DAY_MS), retired: false };
}

/** Whether a reflection is due to resurface at `now`. */
export function isDue(r: Reflection, now: number): boolean {
  return (
    r.deletedAt === null && r.review !== null && !r.review.retired && r.review.nextDueAt <= now
  );
}

/** Due reflections in the order they resurface: longest overdue first, then the oldest. */
export function resurfaceQueue(reflections: Iterable<Reflection>, now: number): Reflection[] {
  const due: Reflection[] = [];
  for (const r of reflections) if (isDue(r, now)) due.push(r);
  return due.sort(
    (a, b) =>
      (a.review as ReviewState).nextDueAt - (b.review as ReviewState).nextDueAt ||
      a.createdAt - b.createdAt,
  );
}

/** The next lesson to resurface, or null when none is due. */
export function nextToResurface(reflections: Iterable<Reflection>, now: number): Reflection | null {
  let best: Reflection | null = null;
  for (const r of reflections) {
    if (!isDue(r, now)) continue;
    const due = (r.review as ReviewState).nextDueAt;
    const bestDue = best ? (best.review as ReviewState).nextDueAt : Number.POSITIVE_INFINITY;
    if (due < bestDue || (due === bestDue && best && r.createdAt < best.createdAt)) best = r;
  }
  return best;
}

/** A reflection from this calendar date in an earlier month or year. */
export interface OnThisDay {
  reflection: Reflection;
  /** How many calendar months back (12 = a year ago); the page puts it in words. */
  monthsAgo: number;
}

/**
 * Reflections written on today's day of the month in earlier months (and years): the most
 * recent one of each earlier month, newest first. On the 31st, short months have none.
 */
export function onThisDay(
  reflections: Iterable<Reflection>,
  now: number,
  zone: TimeZone,
  limit = 5,
): OnThisDay[] {
  const today = dayParts(localDay(now, zone));
  const byMonth = new Map<number, OnThisDay>();
  for (const r of reflections) {
    if (r.deletedAt !== null) continue;
    const then = dayParts(localDay(r.createdAt, zone));
    if (then.date !== today.date) continue;
    const months = (today.year - then.year) * 12 + (today.month - then.month);
    if (months <= 0) continue;
    const seen = byMonth.get(months);
    if (!seen || r.createdAt > seen.reflection.createdAt)
      byMonth.set(months, { reflection: r, monthsAgo: months });
  }
  return [...byMonth]
    .sort(([a], [b]) => a - b)
    .slice(0, limit)
    .map(([, entry]) => entry);
}
