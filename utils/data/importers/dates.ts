/**
 * Reading the dates other apps write: an exact instant (ISO with `Z` or an offset) is taken
 * as it is; a wall time ("2024-03-05 21:30", "05.03.2024", "9:30 pm") is the person's own
 * clock, read in the zone they picked (a parameter, like every time here).
 */
import { instantOf } from '../../core/wall-clock';

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** Whether a year, month and day name a real day (not 2024-02-30). */
function realDate(year: number, month: number, day: number): CalendarDate | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day
    ? { year, month, day }
    : null;
}

// 2024-03-05, 2024_03_05 (Logseq's journal files), 2024.03.05.
const YMD = /^(\d{4})[-_.](\d{1,2})[-_.](\d{1,2})/;
// 05.03.2024 (German).
const DMY = /^(\d{1,2})\.(\d{1,2})\.(\d{4})/;
// 21:30, 21:30:15, 9:30 pm, 9:30PM, 9 pm.
const TIME = /^(\d{1,2})(?::(\d{2}))?(?::(\d{2})(?:\.\d+)?)?\s*([ap]\.?m\.?)?$/i;
const EXACT = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/** The calendar date at the start of `text`, and what follows it; null when there is none. */
export function readDate(text: string): { date: CalendarDate; rest: string } | null {
  const trimmed = text.trim();
  const ymd = YMD.exec(trimmed);
  const dmy = ymd ? null : DMY.exec(trimmed);
  const match = ymd ?? dmy;
  if (!match) return null;
  const [a, b, c] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = ymd ? realDate(a, b, c) : realDate(c, b, a);
  return date ? { date, rest: trimmed.slice(match[0].length) } : null;
}

/** Minutes since midnight of a time of day ("21:30", "9:30 pm"); null when it is none. */
export function readTime(text: string): number | null {
  const match = TIME.exec(text.trim());
  if (!match) return null;
  let hour = Number(match[1]);
  const minute = Number(match[2] ?? 0);
  const meridiem = match[4]?.toLowerCase().replace(/\./g, '');
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return null;
  return hour * 60 + minute;
}

/** Zones already judged: building an Intl format per entry cost ~0.5 s for 10,000 entries. */
const knownZones = new Map<string, boolean>();

/** Whether `zone` is an IANA time zone this browser knows. */
export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || zone === '') return false;
  let known = knownZones.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      known = true;
    } catch {
      known = false;
    }
    knownZones.set(zone, known);
  }
  return known;
}

/**
 * The instant a date (and optional time) means: exact when it says its offset, otherwise a
 * wall time in `zone`; a bare date is noon there, so the day stays the same for a person
 * who later travels a few zones away. Null when it is no date.
 */
export function readInstant(text: string, zone: string, time?: string): number | null {
  const trimmed = text.trim();
  if (EXACT.test(trimmed) && /^\d{4}-\d{2}-\d{2}T/.test(trimmed)) {
    const at = Date.parse(trimmed);
    return Number.isFinite(at) ? at : null;
  }
  const read = readDate(trimmed);
  if (!read) return null;
  const rest = read.rest.replace(/^[T\s,]+/, '');
  const clock = time ?? rest;
  const minutes = clock.trim() === '' ? 12 * 60 : readTime(clock);
  if (minutes === null) return null;
  return instantOf(read.date, minutes, zone);
}
