/**
 * The nudge scheduler: pure functions of (settings, stored state, now, time zone). They decide
 * when the next scheduled nudge rings, whether any nudge may be shown right now (quiet hours,
 * snooze, pause, the daily cap, back-off) and how the state moves on when one is shown.
 * No browser APIs and no clock of its own, so every rule is tested with tables.
 * About 300 lines: the rules read best side by side, since each one limits the others.
 */

import { DAY_MS, HOUR_MS } from '../core/time-units';
import {
  addDays,
  dayKey,
  instantOf,
  minuteOfDay,
  startOfTomorrow,
  wallTime,
  weekdayOf,
} from '../core/wall-clock';
import type { Trigger } from '../reflections/reflection';
import type { NudgeSettings } from './nudge-settings';
import { parseClockTime } from './nudge-settings';
import type { AttentionChoice, NudgeState } from './nudge-state';

/** Back-off never stretches the gap past a week: a quiet user still hears from us weekly. */
export const BACKOFF_CEILING_MS = 7 * DAY_MS;
/** Event nudges (idle, site, failure) keep at least this far apart before back-off. */
export const EVENT_COOLDOWN_MS = 30 * 60_000;
/** How far ahead the scheduler looks for a slot before it says "none". */
const HORIZON_DAYS = 60;

/** Why a nudge is not shown now. */
export type Blocked = 'paused' | 'snoozed' | 'quiet' | 'cap' | 'cooldown' | 'off';

/** The next scheduled nudge: when it rings and why. */
export interface NextNudge {
  at: number;
  /** `missed`: the alarm's time passed while the browser was closed or asleep (fires once). */
  reason: 'slot' | 'snooze' | 'missed';
}

/** The minutes of the day a schedule would ring on one of its days, ascending. */
export function slotMinutes(
  schedule: NudgeSettings['schedule'],
  date: { year: number; month: number; day: number },
  seed: number,
): number[] {
  if (schedule.mode === 'times') {
    return schedule.times
      .map(parseClockTime)
      .filter((m): m is number => m !== null)
      .sort((a, b) => a - b);
  }
  if (schedule.mode === 'interval') {
    const start = parseClockTime(schedule.workStart) ?? 540;
    const end = parseClockTime(schedule.workEnd) ?? 1020;
    const out: number[] = [];
    for (let m = start; m <= end; m += schedule.everyHours * 60) out.push(m);
    return out;
  }
  const start = parseClockTime(schedule.windowStart) ?? 840;
  const end = parseClockTime(schedule.windowEnd) ?? 1020;
  const span = Math.max(1, end - start);
  return [start + (hash(`${date.year}-${date.month}-${date.day}:${seed}`) % span)];
}

/** A small stable string hash (FNV-1a): the "random" moment is the same on every wake-up. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Scheduled instants after `from`, ascending, for up to `days` days. */
export function* scheduleSlots(
  schedule: NudgeSettings['schedule'],
  from: number,
  seed: number,
  zone?: string,
  days = HORIZON_DAYS,
): Generator<number> {
  const start = wallTime(from, zone);
  for (let i = 0; i <= days; i++) {
    const date = addDays(start, i);
    if (!schedule.weekdays.includes(weekdayOf(date))) continue;
    for (const minute of slotMinutes(schedule, date, seed)) {
      const at = instantOf(date, minute, zone);
      if (at > from) yield at;
    }
  }
}

/** Whether an instant falls inside quiet hours (which may cross midnight). */
export function inQuietHours(
  quiet: NudgeSettings['quietHours'],
  at: number,
  zone?: string,
): boolean {
  if (!quiet.enabled) return false;
  const start = parseClockTime(quiet.start) ?? 0;
  const end = parseClockTime(quiet.end) ?? 0;
  if (start === end) return false;
  const m = minuteOfDay(at, zone);
  return start < end ? m >= start && m < end : m >= start || m < end;
}

/** How much back-off stretches the gaps: 1 until `backoffAfter` ignored nudges, then doubling. */
export function backoffFactor(settings: NudgeSettings, state: NudgeState): number {
  const over = state.ignoredInARow - settings.backoffAfter;
  return over < 0 ? 1 : 2 ** Math.min(over + 1, 20);
}

/** The typical gap between scheduled nudges (averaged over a week), the unit back-off stretches. */
export function scheduleGap(schedule: NudgeSettings['schedule']): number {
  const days = Math.max(1, schedule.weekdays.length);
  if (schedule.mode === 'interval') return schedule.everyHours * HOUR_MS;
  const perDay = schedule.mode === 'times' ? Math.max(1, schedule.times.length) : 1;
  return (7 * DAY_MS) / (days * perDay);
}

/** Why nothing may be shown at `at` (pause, snooze, quiet hours, the daily cap), or null. */
export function blockedAt(
  settings: NudgeSettings,
  state: NudgeState,
  at: number,
  zone?: string,
): Blocked | null {
  if (state.pause && (state.pause.until === null || at < state.pause.until)) return 'paused';
  if (state.snooze && at < state.snooze.until) return 'snoozed';
  if (inQuietHours(settings.quietHours, at, zone)) return 'quiet';
  if (state.today.day === dayKey(at, zone) && state.today.count >= settings.dailyCap) return 'cap';
  return null;
}

/**
 * When the next scheduled nudge rings, or null when none will (schedule off, paused until
 * turned back on). Slots inside quiet hours, a snooze, a pause or a day at its cap are
 * dropped, never queued; back-off skips slots until the stretched gap has passed.
 */
export function nextNudge(
  settings: NudgeSettings,
  state: NudgeState,
  now: number,
  zone?: string,
): NextNudge | null {
  const schedule = settings.schedule;
  if (state.pause && state.pause.until === null) return null;
  if (schedule.enabled && state.scheduledAt !== null && state.scheduledAt <= now) {
    // The alarm's time went by unseen (browser closed, machine asleep): ring once, now.
    return { at: now, reason: 'missed' };
  }
  const snooze =
    state.snooze?.remind && state.snooze.until > now
      ? { at: state.snooze.until, reason: 'snooze' as const }
      : null;
  if (!schedule.enabled || schedule.weekdays.length === 0) return snooze;

  const factor = backoffFactor(settings, state);
  const earliest =
    factor > 1 && state.lastScheduleFiredAt !== null
      ? state.lastScheduleFiredAt +
        Math.min((factor - 0.5) * scheduleGap(schedule), BACKOFF_CEILING_MS)
      : Number.NEGATIVE_INFINITY;
  for (const at of scheduleSlots(schedule, now, state.seed, zone)) {
    if (snooze && at >= snooze.at) return snooze;
    if (at < earliest) continue;
    if (blockedAt(settings, state, at, zone) === null) return { at, reason: 'slot' };
  }
  return snooze;
}

/**
 * Whether a nudge from `trigger` may be shown now. Scheduled nudges were placed by
 * `nextNudge`; event nudges (idle, site, failure, start-up) also keep a cooldown that
 * back-off stretches, so a busy afternoon of closed tabs is one nudge, not ten.
 */
export function mayNudge(
  settings: NudgeSettings,
  state: NudgeState,
  trigger: Trigger,
  now: number,
  zone?: string,
): Blocked | null {
  const blocked = blockedAt(settings, state, now, zone);
  if (blocked) return blocked;
  if (trigger === 'schedule') return null;
  if (trigger === 'startup') return state.startupDay === dayKey(now, zone) ? 'cooldown' : null;
  const gap = Math.min(EVENT_COOLDOWN_MS * backoffFactor(settings, state), BACKOFF_CEILING_MS);
  return state.lastFiredAt !== null && now - state.lastFiredAt < gap ? 'cooldown' : null;
}

/** The state after a nudge from `trigger` was shown at `now`. */
export function recordNudge(
  state: NudgeState,
  trigger: Trigger,
  now: number,
  zone?: string,
): NudgeState {
  const day = dayKey(now, zone);
  return {
    ...state,
    lastFiredAt: now,
    lastScheduleFiredAt: trigger === 'schedule' ? now : state.lastScheduleFiredAt,
    ignoredInARow: state.ignoredInARow + 1,
    today: { day, count: state.today.day === day ? state.today.count + 1 : 1 },
    wordingIndex: state.wordingIndex + 1,
    snooze: state.snooze && state.snooze.until > now ? state.snooze : null,
    startupDay: trigger === 'startup' ? day : state.startupDay,
  };
}

/** The state once the popup reported a saved reflection at `answeredAt`: back-off starts over. */
export function absorbAnswer(state: NudgeState, answeredAt: number): NudgeState {
  if (answeredAt <= state.answerSeenAt) return state;
  return { ...state, answerSeenAt: answeredAt, ignoredInARow: 0 };
}

/** The state after the user chose to snooze, pause or resume at `now`. */
export function applyAttention(
  state: NudgeState,
  choice: AttentionChoice,
  now: number,
  zone?: string,
): NudgeState {
  switch (choice) {
    case 'snooze-hour':
      return { ...state, snooze: { until: now + HOUR_MS, remind: true } };
    case 'snooze-tomorrow':
      return { ...state, snooze: { until: startOfTomorrow(now, zone), remind: false } };
    case 'pause-day':
      return { ...state, pause: { until: now + DAY_MS } };
    case 'pause-forever':
      return { ...state, pause: { until: null } };
    case 'resume':
      return { ...state, pause: null, snooze: null };
  }
}

/** How far off an instant is, in calendar terms: what the words for it depend on. */
export type NudgeDay = 'today' | 'tomorrow' | 'this-week' | 'later';

/**
 * Whether `at` falls today, tomorrow, within the coming week or later, on the wall clock of
 * `zone`. The words ("today 17:30", "heute 17:30") come from nudge-time.ts: this stays pure.
 */
export function nudgeDay(at: number, now: number, zone?: string): NudgeDay {
  const when = wallTime(at, zone);
  const today = wallTime(now, zone);
  const sameDay = (a: typeof when, b: { year: number; month: number; day: number }) =>
    a.year === b.year && a.month === b.month && a.day === b.day;
  if (sameDay(when, today)) return 'today';
  if (sameDay(when, addDays(today, 1))) return 'tomorrow';
  return at - now < 6 * DAY_MS ? 'this-week' : 'later';
}

/** What a ringing schedule alarm does: show a nudge or not, the new state, the next ring. */
export interface AlarmOutcome {
  show: boolean;
  /** Why nothing was shown (null when `show`, or when the alarm was not due: a stale ring). */
  blocked: Blocked | null;
  reason: NextNudge['reason'] | null;
  state: NudgeState;
  next: NextNudge | null;
}

/**
 * Handle the schedule alarm ringing at `now`: a due nudge is shown unless something blocks
 * it (then it is dropped, not queued), and the next ring is planned from `now`, so nudges
 * missed while the browser was closed collapse into this one.
 */
export function onScheduleAlarm(
  settings: NudgeSettings,
  state: NudgeState,
  now: number,
  zone?: string,
): AlarmOutcome {
  const due = state.scheduledAt !== null && state.scheduledAt <= now;
  const reason: NextNudge['reason'] | null = !due
    ? null
    : state.snooze?.remind && state.snooze.until <= now
      ? 'snooze'
      : now - (state.scheduledAt ?? now) > 60_000
        ? 'missed'
        : 'slot';
  const blocked = due ? mayNudge(settings, state, 'schedule', now, zone) : null;
  const show = due && blocked === null && (settings.schedule.enabled || reason === 'snooze');
  let next = show ? recordNudge(state, 'schedule', now, zone) : state;
  // A ring that was shown, blocked or early is done with: plan from now on.
  next = {
    ...next,
    scheduledAt: null,
    snooze: next.snooze && next.snooze.until > now ? next.snooze : null,
  };
  const planned = nextNudge(settings, next, now, zone);
  return {
    show,
    blocked: due && !show ? (blocked ?? 'off') : null,
    reason,
    state: { ...next, scheduledAt: planned?.at ?? null },
    next: planned,
  };
}

/**
 * The state with the next ring planned afresh (after a settings change or on install): a
 * stale `scheduledAt` is forgotten, so changing a setting never fires a "missed" nudge.
 */
export function replan(
  settings: NudgeSettings,
  state: NudgeState,
  now: number,
  zone?: string,
): NudgeState {
  const planned = nextNudge(settings, { ...state, scheduledAt: null }, now, zone);
  return { ...state, scheduledAt: planned?.at ?? null };
}
