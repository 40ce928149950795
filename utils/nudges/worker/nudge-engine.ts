/**
 * The background's nudge engine, as a composition root: each job lives in its own file
 * (nudge-transaction.ts the queue, schedule-handlers.ts, notification-handlers.ts,
 * trigger-handlers.ts, context-menus.ts, reminder-handlers.ts), and this file says which jobs
 * answer a browser event that several of them share. Each wake-up reads settings and state
 * from storage, asks the pure scheduler what to do, does it, writes the state back and lets
 * the worker sleep: nothing that matters is held in memory between events.
 */

import { ensureSeed } from '../nudge-state-store';
import { syncContextMenus } from './context-menus';
import { handleNotificationClick } from './notification-handlers';
import {
  checkReminders,
  ensureDueCheck,
  handleDueAlarm,
  handleReminderClick,
} from './reminder-handlers';
import { handleAlarm, handleStartup, restoreSchedule } from './schedule-handlers';

/** Installed or updated: seed, plan the schedule, build the menus and start the reminder check. */
export function onInstalled(reason: string): Promise<unknown> {
  return Promise.all([
    // The seed first, so the first plan already rings at this install's own random moment.
    ensureSeed()
      .catch(() => 0)
      .then(() => restoreSchedule(reason === 'install' ? 'install' : 'update')),
    syncContextMenus(),
    ensureDueCheck().then(() => checkReminders()),
  ]);
}

/**
 * Browser start-up. The start-up lesson goes first; a due reminder then keeps the cooldown
 * after it. A lesson that fails to show must not keep the hourly check from starting (alarms
 * may not survive a restart), so the reminders wait for it to settle, not to succeed.
 */
export function onStartup(): Promise<unknown> {
  // A failed seed must not cost the start-up lesson: the schedule then uses seed 0.
  const lesson = ensureSeed()
    .catch(() => 0)
    .then(() => handleStartup());
  const reminders = lesson
    .catch(() => null)
    .then(() => ensureDueCheck())
    .then(() => checkReminders());
  return Promise.all([lesson, reminders, syncContextMenus()]);
}

/** An alarm rang: each handler ignores alarms that are not its own. */
export function onAlarm(name: string): Promise<unknown> {
  return Promise.all([handleAlarm(name), handleDueAlarm(name)]);
}

/** A notification was clicked: nudges and reminders have their own id prefixes. */
export function onNotificationClicked(id: string): Promise<unknown> {
  return Promise.all([handleNotificationClick(id), handleReminderClick(id)]);
}

/** Settings changed: a new schedule and new menus at once. */
export function onSettingsChanged(): void {
  void restoreSchedule('settings');
  void syncContextMenus();
}
