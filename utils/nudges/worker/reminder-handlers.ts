/**
 * Reminders of due follow-ups and a due backup: the hourly check that sends at most one, and
 * what a click on a reminder does. Separate because reminders read the database and answer
 * to their own alarm and notification ids, not to the schedule's.
 */

import { browser } from 'wxt/browser';
import { backupDue } from '../../data/backup';
import { getLastExportAt } from '../../data/storage-status-store';
import { reflectionsWithDueFollowUp } from '../../follow-through/follow-up-store';
import { countReflections } from '../../reflections/db-store';
import { getSettings } from '../../settings/settings-store';
import { asDueFollowUps, dueReminders, rememberFollowUps } from '../due-reminders';
import type { NudgeState } from '../nudge-state';
import { backupWording, followUpWording } from '../reminder-wording';
import { type Blocked, mayNudge, recordNudge, replan } from '../schedule';
import { deliveryFor, raiseBadge } from './nudge-delivery';
import { transact } from './nudge-transaction';
import {
  BADGE_REMINDER_KEY,
  openReviewPage,
  REMINDER_PREFIX,
  reminderId,
  reminderPath,
  showReminder,
} from './reminder-delivery';

/** The periodic look for due follow-ups and a due backup. */
export const DUE_CHECK_ALARM = 'fail-well-due-check';
/** Hourly: a follow-up comes due on a date, not a minute, and each check opens the database. */
export const DUE_CHECK_MINUTES = 60;

/** Start the periodic reminder check unless it runs already (re-creating restarts its period). */
export async function ensureDueCheck(): Promise<void> {
  if (await browser.alarms.get(DUE_CHECK_ALARM)) return;
  await browser.alarms.create(DUE_CHECK_ALARM, {
    delayInMinutes: DUE_CHECK_MINUTES,
    periodInMinutes: DUE_CHECK_MINUTES,
  });
}

/** What a reminder check did: the reminder it sent, or why a due one was held back. */
export interface ReminderOutcome {
  sent: 'follow-up' | 'backup' | null;
  blocked: Blocked | null;
}

/** The reminder check's alarm rang. */
export function handleDueAlarm(name: string, now = Date.now()): Promise<ReminderOutcome | null> {
  if (name !== DUE_CHECK_ALARM) return Promise.resolve(null);
  return checkReminders(now);
}

/**
 * Look for due follow-ups and a due backup and send one reminder, follow-ups first, unless
 * quiet hours, snooze, pause, the daily cap or back-off say no (then the next check tries
 * again: it is still due, and nothing piles up). Each follow-up check is reminded of once,
 * the backup once per period, as the nudge state records. Delivered the way the user gets
 * scheduled nudges: a notification, or a badge the popup explains with a link.
 */
export async function checkReminders(now = Date.now()): Promise<ReminderOutcome> {
  // The database is read before joining the queue: other handlers need not wait on it.
  let facts: { due: ReturnType<typeof asDueFollowUps>; lastExportAt: number | null; count: number };
  try {
    const [due, lastExportAt, count] = await Promise.all([
      reflectionsWithDueFollowUp(now).then((rs) => asDueFollowUps(rs, now)),
      getLastExportAt(),
      countReflections(),
    ]);
    facts = { due, lastExportAt, count };
  } catch {
    // No database (e.g. Firefox never remembering history): nothing to remind of, nothing lost.
    return { sent: null, blocked: 'off' };
  }
  return transact<ReminderOutcome>(now, async ({ settings, state }) => {
    const all = await getSettings();
    const { due, lastExportAt, count } = facts;
    const backup = { every: all.backupEvery, lastExportAt, hasReflections: count > 0 };
    const plan = dueReminders(due, all.followUps.enabled, backup, state.reminders, now);
    let next: NudgeState = {
      ...state,
      reminders: rememberFollowUps(state.reminders, due, [], now),
    };
    await clearStaleBadgeReminder(
      all.followUps.enabled && due.length > 0,
      backupDue(lastExportAt, all.backupEvery, now, count > 0),
    );
    const kind = plan.followUps.length > 0 ? 'follow-up' : plan.backup ? 'backup' : null;
    const blocked = kind ? mayNudge(settings, state, 'follow-up', now) : null;
    if (kind === null || blocked) return { state: next, result: { sent: null, blocked } };
    const wording =
      kind === 'follow-up' ? followUpWording(plan.followUps) : backupWording(lastExportAt, now);
    const reflectionId = kind === 'follow-up' ? (plan.followUps[0]?.id ?? null) : null;
    if (deliveryFor(settings, 'follow-up') === 'badge') {
      await raiseBadge();
      await browser.storage.local.set({ [BADGE_REMINDER_KEY]: { kind, reflectionId } });
    } else {
      const id = await showReminder(kind, wording);
      next = {
        ...next,
        openReminders: { ...next.openReminders, [id]: { kind, reflectionId, createdAt: now } },
      };
    }
    next = {
      ...recordNudge(next, 'follow-up', now),
      reminders:
        kind === 'follow-up'
          ? rememberFollowUps(next.reminders, due, plan.followUps, now)
          : { ...next.reminders, backupAt: now },
    };
    // The cap and back-off moved on: the schedule may ring later now.
    return { state: replan(settings, next, now), result: { sent: kind, blocked: null } };
  });
}

/** Forget a badge reminder whose reason is gone (answered, exported), so the popup stops showing it. */
async function clearStaleBadgeReminder(followUpDue: boolean, backupDue: boolean): Promise<void> {
  const stored = (await browser.storage.local.get(BADGE_REMINDER_KEY))[BADGE_REMINDER_KEY] as
    | { kind?: unknown }
    | undefined;
  if (!stored) return;
  const stillDue = stored.kind === 'follow-up' ? followUpDue : backupDue;
  if (!stillDue) await browser.storage.local.remove(BADGE_REMINDER_KEY);
}

/**
 * A reminder notification was clicked: open the review page where it can be acted on. The
 * click is the answer to a reminder (there is nothing to save in the popup), so back-off
 * starts over as after a saved reflection: a reminder acted on was not ignored.
 */
export function handleReminderClick(id: string, now = Date.now()): Promise<boolean> {
  if (!id.startsWith(REMINDER_PREFIX)) return Promise.resolve(false);
  return transact(now, async ({ settings, state }) => {
    const open = state.openReminders[id];
    const { [id]: _done, ...rest } = state.openReminders;
    await browser.notifications.clear(id);
    // An entry lost with old state: the id still says which kind it was.
    const kind = open?.kind ?? (id === reminderId('backup') ? 'backup' : 'follow-up');
    await openReviewPage(reminderPath(kind, open?.reflectionId ?? null));
    const next = replan(settings, { ...state, openReminders: rest, ignoredInARow: 0 }, now);
    return { state: next, result: true };
  });
}
