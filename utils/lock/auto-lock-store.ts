/**
 * Locking by itself: after the chosen time without use, when the screen locks, and when the
 * browser closes (that one is `storage.session` itself). The background keeps one alarm at
 * the moment the session would expire and checks again when it rings, since every use of a
 * page pushes the moment back; pages check the same rule when they come back into view, so a
 * late alarm never leaves a journal open.
 */
import { browser } from 'wxt/browser';
import { autoLockAt } from './lock-prefs';
import { readSession } from './lock-read-store';
import { lockNow, readLockPrefs } from './lock-store';

export const AUTO_LOCK_ALARM = 'fail-well:auto-lock';

/** Lock if the session has gone unused past its time; returns whether it locked. */
export async function lockIfIdle(now: number): Promise<boolean> {
  const session = await readSession();
  if (!session) return false;
  const at = autoLockAt(await readLockPrefs(), session.lastActiveAt);
  if (at === null || now < at) return false;
  await lockNow();
  return true;
}

/** Keep the alarm at the session's auto-lock time (none while locked or when only on close). */
export async function syncAutoLock(now: number): Promise<void> {
  if (await lockIfIdle(now)) return;
  const session = await readSession();
  const at = session && autoLockAt(await readLockPrefs(), session.lastActiveAt);
  if (at) await browser.alarms.create(AUTO_LOCK_ALARM, { when: Math.max(at, now + 1000) });
  else await browser.alarms.clear(AUTO_LOCK_ALARM);
}

/** The alarm rang (or some other): lock when due, else wait for the new time. */
export async function handleAutoLockAlarm(name: string, now: number): Promise<void> {
  if (name === AUTO_LOCK_ALARM) await syncAutoLock(now);
}

/** The computer's screen locked: a journal left open locks with it. */
export async function handleScreenLocked(state: string): Promise<void> {
  if (state === 'locked' && (await readSession())) await lockNow();
}
