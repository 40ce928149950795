/**
 * The year at a glance, pure: the last 53 Monday-first weeks up to this one as a grid of local
 * days, each with how many reflections were written, how much the day stung and how many
 * commitments fall due on it. Time and zone are parameters.
 */
import { dayToIso, localDay, type TimeZone, weekOfDay, weekStartDay } from '../core/calendar';
import type { Reflection } from '../reflections/reflection';

/** Weeks shown: this one and the 52 before it, so a whole year always fits. */
export const CALENDAR_WEEKS = 53;

export interface CalendarDay {
  /** Days since 1970-01-01 (local). */
  day: number;
  iso: string;
  count: number;
  /**
   * The highest sting rated that day (null: none rated). Highest rather than the mean: one
   * hard moment is what makes a day hard, and the mean of 5 and 1 would hide it.
   */
  sting: number | null;
  /** Commitments not yet looked back on whose check falls on this day. */
  due: number;
  /** After today: drawn to close the week, nothing to open. */
  future: boolean;
}

/** Weeks (oldest first) of seven days, Monday first. */
export function yearCalendar(
  reflections: readonly Reflection[],
  now: number,
  zone: TimeZone,
): CalendarDay[][] {
  const today = localDay(now, zone);
  const first = weekStartDay(weekOfDay(today) - CALENDAR_WEEKS + 1);
  const days: CalendarDay[] = Array.from({ length: CALENDAR_WEEKS * 7 }, (_, i) => ({
    day: first + i,
    iso: dayToIso(first + i),
    count: 0,
    sting: null,
    due: 0,
    future: first + i > today,
  }));
  const at = (epochMs: number) => days[localDay(epochMs, zone) - first];
  for (const r of reflections) {
    if (r.deletedAt !== null) continue;
    const cell = at(r.createdAt);
    if (cell) {
      cell.count += 1;
      if (r.sting !== null) cell.sting = Math.max(cell.sting ?? 0, r.sting);
    }
    for (const check of r.followUps) {
      const dueCell = check.answeredAt === null ? at(check.dueAt) : undefined;
      if (dueCell) dueCell.due += 1;
    }
  }
  return Array.from({ length: CALENDAR_WEEKS }, (_, w) => days.slice(w * 7, w * 7 + 7));
}

/**
 * Where an arrow key moves the focus in the grid (weeks are columns, weekdays rows): up and
 * down by a day, left and right by a week, Home/End to the first day and today. Stays within
 * the first day and `today`; null for any other key.
 */
export function moveFocus(day: number, key: string, first: number, today: number): number | null {
  const step: Record<string, number> = { ArrowUp: -1, ArrowDown: 1, ArrowLeft: -7, ArrowRight: 7 };
  if (key === 'Home') return first;
  if (key === 'End') return today;
  const by = step[key];
  if (by === undefined) return null;
  return Math.min(today, Math.max(first, day + by));
}
