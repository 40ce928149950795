/**
 * The lock's own preferences: when it locks by itself, and whether notifications may quote
 * what the person wrote. Kept per device beside the keyring (not in synced settings): a lock
 * is a property of this browser profile. Pure: defaults and parsing.
 */
import { isRecord } from '../core/parse';

/** Minutes without using the journal before it locks by itself; 0 = only when the browser closes. */
export const AUTO_LOCK_CHOICES = [5, 15, 30, 60, 240, 0] as const;
export type AutoLockMinutes = (typeof AUTO_LOCK_CHOICES)[number];

export interface LockPrefs {
  autoLockMinutes: AutoLockMinutes;
  /** Notifications show a neutral line instead of a lesson or a commitment. */
  hideWordsInNotifications: boolean;
}

/** What a newly switched-on lock uses. */
export const DEFAULT_LOCK_PREFS: LockPrefs = {
  autoLockMinutes: 15,
  hideWordsInNotifications: true,
};

/** Stored preferences, with defaults for anything missing or out of range. */
export function parseLockPrefs(raw: unknown): LockPrefs {
  const r = isRecord(raw) ? raw : {};
  const minutes = (AUTO_LOCK_CHOICES as readonly unknown[]).includes(r.autoLockMinutes)
    ? (r.autoLockMinutes as AutoLockMinutes)
    : DEFAULT_LOCK_PREFS.autoLockMinutes;
  return {
    autoLockMinutes: minutes,
    hideWordsInNotifications:
      typeof r.hideWordsInNotifications === 'boolean'
        ? r.hideWordsInNotifications
        : DEFAULT_LOCK_PREFS.hideWordsInNotifications,
  };
}

/** When an unlocked journal last used at `lastActiveAt` locks by itself; null = not by time. */
export function autoLockAt(prefs: LockPrefs, lastActiveAt: number): number | null {
  return prefs.autoLockMinutes === 0 ? null : lastActiveAt + prefs.autoLockMinutes * 60_000;
}
