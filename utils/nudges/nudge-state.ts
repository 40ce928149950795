/**
 * What the background remembers between wake-ups: the service worker keeps nothing in memory,
 * so the schedule, snooze, pause, back-off counters and the context of each open
 * notification live here, in `local:` storage (this device only), read through a repairing
 * parser. Pure: the shape, its parser and the seed rule; the storage item and its read-modify-write
 * helpers are utils/nudges/nudge-state-store.ts.
 */
import { parseContext } from '../capture/draft';
import { clampInt, isRecord, ownRecord } from '../core/parse';
import { isTrigger, type ReflectionContext, type Trigger } from '../reflections/reflection';
import { NO_REMINDERS_SENT, type RemindersSent } from './due-reminders';

/** The context a notification carries until the user clicks it (or it is closed). */
export interface OpenNotification {
  trigger: Trigger;
  context: ReflectionContext | null;
  createdAt: number;
}

/** What an open reminder notification opens when clicked. */
export interface OpenReminder {
  kind: 'follow-up' | 'backup';
  /** The follow-up quoted in the notification, to focus its card. */
  reflectionId: string | null;
  createdAt: number;
}

export interface NudgeState {
  /** When the schedule alarm is set to ring; a past value found on wake-up is a missed nudge. */
  scheduledAt: number | null;
  /** The last nudge of any trigger. */
  lastFiredAt: number | null;
  /** The last scheduled nudge: back-off stretches the gap after it. */
  lastScheduleFiredAt: number | null;
  /** Nudges shown since the user last saved a reflection. */
  ignoredInARow: number;
  /** The popup's "answered" time already counted (see nudge-answer.ts). */
  answerSeenAt: number;
  /** Nudges shown on one local day, for the daily cap. */
  today: { day: string; count: number };
  /** Moves on with every nudge, so the wording rotates. */
  wordingIndex: number;
  /**
   * `remind`: a one-hour snooze brings the nudge back (with the trigger and context it had);
   * "until tomorrow" does not.
   */
  snooze: {
    until: number;
    remind: boolean;
    trigger?: Trigger;
    context?: ReflectionContext | null;
  } | null;
  /** `until: null` pauses until the user turns nudges back on. */
  pause: { until: number | null } | null;
  /** Start of the current idle spell, saved because the worker sleeps through it. */
  idleSince: number | null;
  /** Local day of the last start-up lesson: one a day at most. */
  startupDay: string | null;
  /**
   * Varies the "random moment" per install without randomness in the scheduler; 0 = not set
   * yet (`ensureSeed` sets it once). Here, not in settings, so a settings save or an import
   * never carries one install's seed to another or back to 0.
   */
  seed: number;
  /** Keyed by notification id. */
  notifications: Record<string, OpenNotification>;
  /** Follow-up and backup reminders already sent: each is sent once (see due-reminders.ts). */
  reminders: RemindersSent;
  /** Open reminder notifications, keyed by notification id. */
  openReminders: Record<string, OpenReminder>;
}

export const EMPTY_NUDGE_STATE: NudgeState = {
  scheduledAt: null,
  lastFiredAt: null,
  lastScheduleFiredAt: null,
  ignoredInARow: 0,
  answerSeenAt: 0,
  today: { day: '', count: 0 },
  wordingIndex: 0,
  snooze: null,
  pause: null,
  idleSince: null,
  startupDay: null,
  seed: 0,
  notifications: {},
  reminders: NO_REMINDERS_SENT,
  openReminders: {},
};

function time(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Stored nudge state made safe to use. */
export function parseNudgeState(raw: unknown): NudgeState {
  const input = ownRecord(raw);
  const today = ownRecord(input.today);
  const snooze = ownRecord(input.snooze);
  const pause = ownRecord(input.pause);
  const notifications: Record<string, OpenNotification> = {};
  for (const [id, value] of Object.entries(ownRecord(input.notifications))) {
    const entry = ownRecord(value);
    if (id === '__proto__' || !isTrigger(entry.trigger)) continue;
    notifications[id] = {
      trigger: entry.trigger,
      context: parseContext(entry.context),
      createdAt: time(entry.createdAt) ?? 0,
    };
  }
  const snoozeUntil = time(snooze.until);
  const reminders = ownRecord(input.reminders);
  return {
    scheduledAt: time(input.scheduledAt),
    lastFiredAt: time(input.lastFiredAt),
    lastScheduleFiredAt: time(input.lastScheduleFiredAt),
    ignoredInARow: clampInt(input.ignoredInARow, 0, 1000, 0),
    answerSeenAt: time(input.answerSeenAt) ?? 0,
    today: {
      day: typeof today.day === 'string' ? today.day : '',
      count: clampInt(today.count, 0, 1000, 0),
    },
    wordingIndex: clampInt(input.wordingIndex, 0, 1_000_000, 0),
    snooze:
      snoozeUntil === null
        ? null
        : {
            until: snoozeUntil,
            remind: snooze.remind === true,
            ...(isTrigger(snooze.trigger) ? { trigger: snooze.trigger } : {}),
            ...(snooze.context !== undefined ? { context: parseContext(snooze.context) } : {}),
          },
    pause: isRecord(input.pause) ? { until: time(pause.until) } : null,
    idleSince: time(input.idleSince),
    startupDay: typeof input.startupDay === 'string' ? input.startupDay : null,
    seed: clampInt(input.seed, 0, 2 ** 31, 0),
    notifications,
    reminders: {
      followUps: sentTimes(reminders.followUps),
      backupAt: time(reminders.backupAt),
    },
    openReminders: parseOpenReminders(input.openReminders),
  };
}

/** `{ key: time }` entries, the rest dropped (state written before reminders existed has none). */
function sentTimes(raw: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(ownRecord(raw))) {
    const at = time(value);
    if (at !== null && key !== '__proto__') out[key] = at;
  }
  return out;
}

function parseOpenReminders(raw: unknown): Record<string, OpenReminder> {
  const out: Record<string, OpenReminder> = {};
  for (const [id, value] of Object.entries(ownRecord(raw))) {
    const entry = ownRecord(value);
    if (id === '__proto__' || (entry.kind !== 'follow-up' && entry.kind !== 'backup')) continue;
    out[id] = {
      kind: entry.kind,
      reflectionId: typeof entry.reflectionId === 'string' ? entry.reflectionId : null,
      createdAt: time(entry.createdAt) ?? 0,
    };
  }
  return out;
}

/** A new install's seed: random, in 1 … 2³¹ − 1 (0 means "not set yet"). */
export function newSeed(): number {
  const [n = 0] = crypto.getRandomValues(new Uint32Array(1));
  return (n % (2 ** 31 - 1)) + 1;
}

/** `state` with its seed: the one it has, or `fresh` when none was set yet. */
export function withSeed(state: NudgeState, fresh: number): NudgeState {
  return state.seed !== 0 ? state : { ...state, seed: fresh };
}

/** Snooze or pause as the user asked, from the settings page or a notification button. */
export const ATTENTION_CHOICES = [
  'snooze-hour',
  'snooze-tomorrow',
  'pause-day',
  'pause-forever',
  'resume',
] as const;
export type AttentionChoice = (typeof ATTENTION_CHOICES)[number];

/** The pages a nudge state remembers (open notifications, a snooze that comes back). */
export interface NudgeContexts {
  notifications: Record<string, ReflectionContext>;
  snooze: ReflectionContext | null;
}

/**
 * The state without the pages it remembers, and those pages apart: with the lock on they are
 * kept in memory-only session storage instead of on disk (nudge-state-store.ts).
 */
export function splitContexts(state: NudgeState): { state: NudgeState; contexts: NudgeContexts } {
  const contexts: NudgeContexts = { notifications: {}, snooze: state.snooze?.context ?? null };
  const notifications: Record<string, OpenNotification> = {};
  for (const [id, open] of Object.entries(state.notifications)) {
    if (open.context) contexts.notifications[id] = open.context;
    notifications[id] = { ...open, context: null };
  }
  const snooze = state.snooze?.context ? { ...state.snooze, context: null } : state.snooze;
  return { state: { ...state, notifications, snooze }, contexts };
}

/** The state with the pages kept apart put back (those of notifications still open). */
export function joinContexts(state: NudgeState, raw: unknown): NudgeState {
  const stored = ownRecord(raw);
  const pages = ownRecord(stored.notifications);
  const notifications: Record<string, OpenNotification> = {};
  for (const [id, open] of Object.entries(state.notifications)) {
    notifications[id] = { ...open, context: open.context ?? parseContext(pages[id]) };
  }
  const snoozed = parseContext(stored.snooze);
  const snooze =
    state.snooze && !state.snooze.context && snoozed
      ? { ...state.snooze, context: snoozed }
      : state.snooze;
  return { ...state, notifications, snooze };
}
