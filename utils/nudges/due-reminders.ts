/**
 * Reminders that come through the nudge machinery without a schedule of their own: a due
 * follow-up ("Did you apply it?") and a due backup. Pure: given what is due now and what was
 * already sent (kept in the nudge state), say what to send. Each due check is sent once — the
 * latest one due of each commitment, so a newly due check nudges again even when the one
 * before it was ignored; the backup reminder once per period. Time is a parameter.
 */
import { type BackupEvery, backupDue, backupPeriodMs } from '../data/backup';
import { followUpDueAt } from '../follow-through/follow-up';
import type { Reflection } from '../reflections/reflection';

/** A due follow-up as a reminder needs it: whose, which check, and the commitment. */
export interface DueFollowUp {
  id: string;
  dueAt: number;
  nextTime: string;
}

/** What was already sent, as stored in the nudge state. */
export interface RemindersSent {
  /** Keyed by `followUpKey`: when that check's reminder was sent. */
  followUps: Record<string, number>;
  /** When the last backup reminder was sent. */
  backupAt: number | null;
}

/** Nothing sent yet: a fresh install, or state written before reminders existed. */
export const NO_REMINDERS_SENT: RemindersSent = { followUps: {}, backupAt: null };

/**
 * One key per check, not per reflection: a later planned check (day 7 after day 1, or the one
 * "not yet" plans) is reminded of again when it comes due, whether or not the one before was
 * answered.
 */
export function followUpKey(item: Pick<DueFollowUp, 'id' | 'dueAt'>): string {
  return `${item.id}@${item.dueAt}`;
}

/**
 * The due follow-ups of `reflections` (already filtered to due ones) as reminders need them:
 * each with the latest check due at `now`, the one the Follow-through card answers.
 */
export function asDueFollowUps(reflections: readonly Reflection[], now: number): DueFollowUp[] {
  return reflections.map((r) => ({
    id: r.id,
    dueAt: followUpDueAt(r, now) ?? r.createdAt,
    nextTime: r.answers.nextTime?.trim() ?? '',
  }));
}

/** The backup facts a reminder depends on. */
export interface BackupFacts {
  every: BackupEvery;
  lastExportAt: number | null;
  hasReflections: boolean;
}

/** What to send now: follow-ups not yet reminded of (most overdue first) and the backup. */
export interface DueReminders {
  followUps: DueFollowUp[];
  backup: boolean;
}

/**
 * What is due and not yet sent at `now`. `due` is every follow-up due now (most overdue
 * first); none are sent when follow-ups are switched off. The backup reminder is due as
 * `backupDue` says, and at most once per period (an export in between starts a new one).
 */
export function dueReminders(
  due: readonly DueFollowUp[],
  followUpsOn: boolean,
  backup: BackupFacts,
  sent: RemindersSent,
  now: number,
): DueReminders {
  const followUps = followUpsOn
    ? due.filter((item) => !Object.hasOwn(sent.followUps, followUpKey(item)))
    : [];
  const backupNow =
    backup.every !== 'off' &&
    backupDue(backup.lastExportAt, backup.every, now, backup.hasReflections) &&
    (sent.backupAt === null || now - sent.backupAt >= backupPeriodMs(backup.every));
  return { followUps, backup: backupNow };
}

/**
 * The record after a check: follow-ups that are no longer due (answered, deleted) are
 * forgotten, so the record never outgrows the due list; `sentNow` are added at `now`.
 */
export function rememberFollowUps(
  sent: RemindersSent,
  due: readonly DueFollowUp[],
  sentNow: readonly DueFollowUp[],
  now: number,
): RemindersSent {
  const followUps: Record<string, number> = {};
  for (const item of due) {
    const key = followUpKey(item);
    const at = sent.followUps[key];
    if (at !== undefined) followUps[key] = at;
  }
  for (const item of sentNow) followUps[followUpKey(item)] = now;
  return { ...sent, followUps };
}
