/**
 * Nudge settings: which triggers are on, how each is delivered, and the limits that keep
 * nudges kind (quiet hours, a daily cap, back-off). Pure: defaults and a repairing parser.
 * The popup reads settings too, so the worded validators live apart in nudge-validation.ts.
 */
import { bool, clampInt, oneOf, ownRecord } from '../core/parse';

export type Delivery = 'badge' | 'notification';
export type ScheduleMode = 'times' | 'interval' | 'random';

/** "HH:MM", 24-hour. */
export type ClockTime = string;

export const DEFAULT_NUDGE_SETTINGS = {
  schedule: {
    enabled: true,
    mode: 'times' as ScheduleMode,
    /** Set times of day ("times" mode). */
    times: ['17:30'] as ClockTime[],
    /** 0 = Sunday … 6 = Saturday; applies to every mode. */
    weekdays: [1, 2, 3, 4, 5] as number[],
    /** "interval" mode: every N hours inside working hours. */
    everyHours: 2,
    workStart: '09:00' as ClockTime,
    workEnd: '17:00' as ClockTime,
    /** "random" mode: once a day at a moment inside this window. */
    windowStart: '14:00' as ClockTime,
    windowEnd: '17:00' as ClockTime,
    delivery: 'badge' as Delivery,
  },
  idle: { enabled: false, minutes: 30, delivery: 'badge' as Delivery },
  startup: { enabled: false, delivery: 'notification' as Delivery },
  site: { enabled: false, patterns: [] as string[], delivery: 'notification' as Delivery },
  failure: { navigation: false, downloads: false, delivery: 'badge' as Delivery },
  contextMenu: { enabled: true },
  quietHours: { enabled: true, start: '22:00' as ClockTime, end: '07:00' as ClockTime },
  /** At most this many nudges a day, all triggers together (the context menu is not a nudge). */
  dailyCap: 3,
  /** Back-off starts after this many ignored nudges in a row. */
  backoffAfter: 3,
};

export type NudgeSettings = typeof DEFAULT_NUDGE_SETTINGS;
/** The triggers a user switches on and off in the settings. */
export type NudgeTriggerKey = 'schedule' | 'idle' | 'startup' | 'site' | 'navigation' | 'downloads';

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** Minutes since midnight for "HH:MM", or null when it is not a real time of day. */
export function parseClockTime(text: string): number | null {
  const match = TIME.exec(text.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** "9:05" → "09:05". Assumes a valid time. */
export function canonicalTime(text: string): ClockTime {
  const minutes = parseClockTime(text) ?? 0;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** What is wrong with a site pattern, as a code (the settings page words it), or null. */
export type SitePatternFault = 'empty' | 'space' | 'long' | 'scheme' | 'host';

/** Check a site pattern without words, so the popup's bundle carries no messages. */
export function sitePatternFault(pattern: string): SitePatternFault | null {
  const text = pattern.trim();
  if (text === '') return 'empty';
  if (/\s/.test(text)) return 'space';
  if (text.length > 200) return 'long';
  const withoutScheme = text.replace(/^https?:\/\//i, '');
  // "localhost:8080" is a port, "file:" or "chrome:" a scheme we cannot match.
  if (/^[a-z][a-z0-9+.-]*:(?!\d)/i.test(withoutScheme)) return 'scheme';
  const host = withoutScheme.split('/')[0] ?? '';
  const label = '[a-z0-9*]([a-z0-9*-]*[a-z0-9*])?';
  return new RegExp(`^(\\*\\.)?${label}(\\.${label})*(:\\d+)?$`, 'i').test(host) ? null : 'host';
}

function delivery(value: unknown, fallback: Delivery): Delivery {
  return oneOf(value, ['badge', 'notification'], fallback);
}

function time(value: unknown, fallback: ClockTime): ClockTime {
  return typeof value === 'string' && parseClockTime(value) !== null
    ? canonicalTime(value)
    : fallback;
}

/** Nudge settings from anything: defaults filled, bad values repaired. */
export function parseNudgeSettings(raw: unknown): NudgeSettings {
  const input = ownRecord(raw);
  const d = DEFAULT_NUDGE_SETTINGS;
  const schedule = ownRecord(input.schedule);
  const idle = ownRecord(input.idle);
  const startup = ownRecord(input.startup);
  const site = ownRecord(input.site);
  const failure = ownRecord(input.failure);
  const contextMenu = ownRecord(input.contextMenu);
  const quiet = ownRecord(input.quietHours);

  const times = Array.isArray(schedule.times)
    ? [
        ...new Set(
          schedule.times
            .filter((t): t is string => typeof t === 'string' && parseClockTime(t) !== null)
            .map(canonicalTime),
        ),
      ]
        .sort()
        .slice(0, 12)
    : [];
  const weekdays = Array.isArray(schedule.weekdays)
    ? [
        ...new Set(
          schedule.weekdays.filter(
            (w): w is number => typeof w === 'number' && Number.isInteger(w) && w >= 0 && w <= 6,
          ),
        ),
      ].sort()
    : [];
  const patterns = Array.isArray(site.patterns)
    ? site.patterns
        .filter((p): p is string => typeof p === 'string' && sitePatternFault(p) === null)
        .map((p) => p.trim())
        .slice(0, 50)
    : [];

  return {
    schedule: {
      enabled: bool(schedule.enabled, d.schedule.enabled),
      mode: oneOf(schedule.mode, ['times', 'interval', 'random'], d.schedule.mode),
      // An empty list could never fire: the defaults are a kinder repair than silence.
      times: times.length > 0 ? times : d.schedule.times,
      weekdays: weekdays.length > 0 ? weekdays : d.schedule.weekdays,
      everyHours: clampInt(schedule.everyHours, 1, 12, d.schedule.everyHours),
      workStart: time(schedule.workStart, d.schedule.workStart),
      workEnd: time(schedule.workEnd, d.schedule.workEnd),
      windowStart: time(schedule.windowStart, d.schedule.windowStart),
      windowEnd: time(schedule.windowEnd, d.schedule.windowEnd),
      delivery: delivery(schedule.delivery, d.schedule.delivery),
    },
    idle: {
      enabled: bool(idle.enabled, d.idle.enabled),
      minutes: clampInt(idle.minutes, 5, 480, d.idle.minutes),
      delivery: delivery(idle.delivery, d.idle.delivery),
    },
    startup: {
      enabled: bool(startup.enabled, d.startup.enabled),
      delivery: delivery(startup.delivery, d.startup.delivery),
    },
    site: {
      enabled: bool(site.enabled, d.site.enabled),
      patterns,
      delivery: delivery(site.delivery, d.site.delivery),
    },
    failure: {
      navigation: bool(failure.navigation, d.failure.navigation),
      downloads: bool(failure.downloads, d.failure.downloads),
      delivery: delivery(failure.delivery, d.failure.delivery),
    },
    contextMenu: { enabled: bool(contextMenu.enabled, d.contextMenu.enabled) },
    quietHours: {
      enabled: bool(quiet.enabled, d.quietHours.enabled),
      start: time(quiet.start, d.quietHours.start),
      end: time(quiet.end, d.quietHours.end),
    },
    dailyCap: clampInt(input.dailyCap, 1, 24, d.dailyCap),
    backoffAfter: clampInt(input.backoffAfter, 1, 20, d.backoffAfter),
  };
}
