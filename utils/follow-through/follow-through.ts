/**
 * The dashboard's follow-through figures and forms: the applied-lesson rate per month, the
 * digest's date ranges, the follow-up days typed in settings, and the open "tell them" items.
 * Pure: time and time zone are parameters.
 */
import {
  dayParts,
  isoToDay,
  localDay,
  startOfLocalDay,
  type TimeZone,
  weekOfDay,
  weekStartDay,
} from '../core/calendar';
import { DAY_MS } from '../core/time-units';
import type { Reflection } from '../reflections/reflection';
import { type AppliedRate, appliedRate } from './follow-up';

/** The local day number of the first of a month (month 1–12; overflow rolls into years). */
function firstOfMonth(year: number, month: number): number {
  return Date.UTC(year, month - 1, 1) / DAY_MS;
}

export interface MonthRate extends AppliedRate {
  /** `YYYY-MM` of the local month. */
  month: string;
}

/** The applied-lesson rate of each of the last `months` local months, oldest first. */
export function appliedRateByMonth(
  reflections: readonly Reflection[],
  now: number,
  zone: TimeZone,
  months = 6,
): MonthRate[] {
  const { year, month } = dayParts(localDay(now, zone));
  const result: MonthRate[] = [];
  for (let back = months - 1; back >= 0; back--) {
    const startDay = firstOfMonth(year, month - back);
    const endDay = firstOfMonth(year, month - back + 1);
    const { year: y, month: m } = dayParts(startDay);
    result.push({
      month: `${y}-${String(m).padStart(2, '0')}`,
      ...appliedRate(reflections, startOfLocalDay(startDay, zone), startOfLocalDay(endDay, zone)),
    });
  }
  return result;
}

export type DigestPreset = 'last-week' | 'last-month';

/** The last complete calendar week (Monday to Sunday) or month, as a [from, to) range. */
export function presetRange(
  preset: DigestPreset,
  now: number,
  zone: TimeZone,
): { from: number; to: number } {
  const today = localDay(now, zone);
  if (preset === 'last-week') {
    const thisMonday = weekStartDay(weekOfDay(today));
    return {
      from: startOfLocalDay(thisMonday - 7, zone),
      to: startOfLocalDay(thisMonday, zone),
    };
  }
  const { year, month } = dayParts(today);
  return {
    from: startOfLocalDay(firstOfMonth(year, month - 1), zone),
    to: startOfLocalDay(firstOfMonth(year, month), zone),
  };
}

export type RangeError = 'missing' | 'invalid' | 'reversed';

/**
 * A custom range from two `YYYY-MM-DD` inputs, both days included: from the start of the
 * first day to the start of the day after the last.
 */
export function customRange(
  fromIso: string,
  toIso: string,
  zone: TimeZone,
): { from: number; to: number } | { error: RangeError } {
  if (!fromIso || !toIso) return { error: 'missing' };
  const from = isoToDay(fromIso);
  const to = isoToDay(toIso);
  if (from === null || to === null) return { error: 'invalid' };
  if (to < from) return { error: 'reversed' };
  return { from: startOfLocalDay(from, zone), to: startOfLocalDay(to + 1, zone) };
}

export type DaysError = 'empty' | 'not-a-number' | 'out-of-range' | 'too-many';

/**
 * The follow-up days as typed ("1, 7, 30"): whole numbers from 1 to 365, at most five;
 * returned sorted without repeats, or the reason they cannot be used.
 */
export function parseFollowUpDays(text: string): { days: number[] } | { error: DaysError } {
  const parts = text
    .split(/[\s,;]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return { error: 'empty' };
  if (parts.some((p) => !/^\d+$/.test(p))) return { error: 'not-a-number' };
  const days = [...new Set(parts.map(Number))].sort((a, b) => a - b);
  if (days.some((d) => d < 1 || d > 365)) return { error: 'out-of-range' };
  if (days.length > 5) return { error: 'too-many' };
  return { days };
}

/** The retry interval as typed: a whole number of days from 1 to 90, or null. */
export function parseRetryDays(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const days = Number(trimmed);
  return days >= 1 && days <= 90 ? days : null;
}

/** Reflections where someone was affected and has not been told yet, oldest first. */
export function openTellThem(reflections: readonly Reflection[]): Reflection[] {
  return reflections
    .filter((r) => r.deletedAt === null && r.share !== null && r.share.affected.trim() !== '')
    .filter((r) => !r.share?.told)
    .sort((a, b) => a.createdAt - b.createdAt);
}
