/**
 * Insights from saved reflections, computed in one pass (feed it from a cursor or an array):
 * reflections per week, weeks with at least one reflection, sting over time, top tags and
 * the share by trigger. Weeks start on Monday in the given time zone; `now` is a parameter.
 * A "nothing to reflect on today" check-in makes its week count as active too.
 */
import {
  dayToIso,
  isoToDay,
  localDay,
  type TimeZone,
  weekOfDay,
  weekStartDay,
} from '../core/calendar';
import type { Reflection, Trigger } from '../reflections/reflection';

export interface WeekInsight {
  /** Monday of the week, `YYYY-MM-DD`. */
  start: string;
  count: number;
  /** Average sting of the week's reflections that have one; null when none do. */
  sting: number | null;
  /** A calm-day check-in happened this week. */
  checkedIn: boolean;
}

export interface Insights {
  /** Reflections counted (soft-deleted ones are left out). */
  total: number;
  /** The last `weeks` weeks, oldest first, the current week last. */
  weeks: WeekInsight[];
  /** How many of those weeks have at least one reflection or check-in. */
  activeWeeks: number;
  /**
   * Weeks in a row with at least one reflection or check-in, up to this week. A week still under way
   * and empty does not break it: the run counts from last week then.
   */
  weekRun: number;
  /** Weeks with at least one reflection or check-in, ever. */
  activeWeeksEver: number;
  topTags: { tag: string; count: number }[];
  triggers: { trigger: Trigger; count: number; share: number }[];
}

/** An accumulator: `add` every reflection, then read `result()`. */
export function createInsights(now: number, zone: TimeZone, weeks = 12, tags = 8) {
  const thisWeek = weekOfDay(localDay(now, zone));
  const firstWeek = thisWeek - weeks + 1;
  const counts = new Array<number>(weeks).fill(0);
  const stingSums = new Array<number>(weeks).fill(0);
  const stingCounts = new Array<number>(weeks).fill(0);
  const checked = new Array<boolean>(weeks).fill(false);
  const everWeeks = new Set<number>();
  const tagCounts = new Map<string, number>();
  const triggerCounts = new Map<Trigger, number>();
  let total = 0;

  return {
    /** Count one reflection. */
    add(r: Reflection): void {
      if (r.deletedAt !== null) return;
      total++;
      const week = weekOfDay(localDay(r.createdAt, zone));
      everWeeks.add(week);
      const slot = week - firstWeek;
      if (slot >= 0 && slot < weeks) {
        counts[slot] = (counts[slot] as number) + 1;
        if (r.sting !== null) {
          stingSums[slot] = (stingSums[slot] as number) + r.sting;
          stingCounts[slot] = (stingCounts[slot] as number) + 1;
        }
      }
      for (const tag of r.tags) tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
      triggerCounts.set(r.trigger, (triggerCounts.get(r.trigger) ?? 0) + 1);
    },
    /** Count a check-in day (`YYYY-MM-DD`, already a local date); bad strings are ignored. */
    addCheckin(iso: string): void {
      const day = isoToDay(iso);
      if (day === null) return;
      const week = weekOfDay(day);
      everWeeks.add(week);
      const slot = week - firstWeek;
      if (slot >= 0 && slot < weeks) checked[slot] = true;
    },
    /** The insights of everything added so far. */
    result(): Insights {
      let weekRun = 0;
      let week = everWeeks.has(thisWeek) ? thisWeek : thisWeek - 1;
      while (everWeeks.has(week)) {
        weekRun++;
        week--;
      }
      const byCount = <K extends string>(a: [K, number], b: [K, number]) =>
        b[1] - a[1] || a[0].localeCompare(b[0]);
      return {
        total,
        weeks: counts.map((count, slot) => ({
          start: dayToIso(weekStartDay(firstWeek + slot)),
          count,
          sting:
            stingCounts[slot] === 0
              ? null
              : Math.round(((stingSums[slot] as number) / (stingCounts[slot] as number)) * 10) / 10,
          checkedIn: checked[slot] as boolean,
        })),
        activeWeeks: counts.filter((count, slot) => count > 0 || checked[slot]).length,
        weekRun,
        activeWeeksEver: everWeeks.size,
        topTags: [...tagCounts]
          .sort(byCount)
          .slice(0, tags)
          .map(([tag, count]) => ({ tag, count })),
        triggers: [...triggerCounts].sort(byCount).map(([trigger, count]) => ({
          trigger,
          count,
          share: total === 0 ? 0 : count / total,
        })),
      };
    },
  };
}

/** Insights of a list of reflections and check-in days (a convenience over the accumulator). */
export function computeInsights(
  reflections: Iterable<Reflection>,
  now: number,
  zone: TimeZone,
  checkins: readonly string[] = [],
): Insights {
  const acc = createInsights(now, zone);
  for (const r of reflections) acc.add(r);
  for (const day of checkins) acc.addCheckin(day);
  return acc.result();
}
