/**
 * Local wall-clock time in any IANA time zone (undefined = the system's), through Intl: the
 * scheduler thinks in "17:30 on a Monday", and DST or a zone change must not move that.
 * Pure: every function takes the instant and the zone as parameters.
 */

/** A local calendar date and time of day. `weekday` is 0 (Sunday) to 6 (Saturday). */
export interface WallTime {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(zone: string | undefined): Intl.DateTimeFormat {
  const key = zone ?? '';
  let format = formats.get(key);
  if (!format) {
    // Built once per zone: constructing Intl formats is the slow part.
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formats.set(key, format);
  }
  return format;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function parts(epochMs: number, zone: string | undefined): WallTime & { second: number } {
  const out: Record<string, string> = {};
  for (const part of formatFor(zone).formatToParts(epochMs)) out[part.type] = part.value;
  return {
    year: Number(out.year),
    month: Number(out.month),
    day: Number(out.day),
    hour: Number(out.hour),
    minute: Number(out.minute),
    second: Number(out.second),
    weekday: WEEKDAYS.indexOf(out.weekday ?? ''),
  };
}

/** The wall-clock time at an instant. */
export function wallTime(epochMs: number, zone?: string): WallTime {
  const { second: _second, ...rest } = parts(epochMs, zone);
  return rest;
}

/** Offset of the zone from UTC at an instant, in ms (positive east of Greenwich). */
function offsetAt(epochMs: number, zone: string | undefined): number {
  const p = parts(epochMs, zone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/**
 * The instant a wall clock in `zone` shows this date and time. A time skipped by a DST jump
 * (02:30 on a spring-forward night) maps to the instant just after the jump (03:30); a time
 * that happens twice (a fall-back night) maps to one of its two instants, never to neither.
 */
export function instantOf(
  date: { year: number; month: number; day: number },
  minuteOfDay: number,
  zone?: string,
): number {
  const naive = Date.UTC(date.year, date.month - 1, date.day, 0, minuteOfDay);
  // Two passes settle on the right offset on either side of a transition.
  const first = naive - offsetAt(naive, zone);
  const second = naive - offsetAt(first, zone);
  if (second === first) return first;
  const third = naive - offsetAt(second, zone);
  // In a gap, neither candidate shows the asked time: take the later (after the jump).
  return Math.max(second, third);
}

/** The calendar date `days` after the given one (calendar arithmetic, no zone involved). */
export function addDays(
  date: { year: number; month: number; day: number },
  days: number,
): { year: number; month: number; day: number } {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Weekday (0 = Sunday) of a calendar date. */
export function weekdayOf(date: { year: number; month: number; day: number }): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/** "2026-11-29": a local day as a key (for the daily cap). */
export function dayKey(epochMs: number, zone?: string): string {
  const p = wallTime(epochMs, zone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** Minutes since local midnight at an instant. */
export function minuteOfDay(epochMs: number, zone?: string): number {
  const p = wallTime(epochMs, zone);
  return p.hour * 60 + p.minute;
}

/** The instant of the next local midnight after `epochMs` (start of tomorrow). */
export function startOfTomorrow(epochMs: number, zone?: string): number {
  return instantOf(addDays(wallTime(epochMs, zone), 1), 0, zone);
}
