/**
 * The backup reminder, pure: how often to nudge toward an export and whether one is due.
 * The setting lives in `sync:settings` (one key); the last export time is per device, because
 * the reflections themselves are.
 */
import { oneOf } from '../core/parse';
import { DAY_MS } from '../core/time-units';

export const BACKUP_EVERY = ['off', 'weekly', 'monthly'] as const;
/** How often the user wants a backup reminder. */
export type BackupEvery = (typeof BACKUP_EVERY)[number];

export const DEFAULT_BACKUP_EVERY: BackupEvery = 'off';

const PERIOD_MS: Readonly<Record<Exclude<BackupEvery, 'off'>, number>> = {
  weekly: 7 * DAY_MS,
  monthly: 30 * DAY_MS,
};

/** How long one reminder period lasts: a reminder is sent at most once in it. */
export function backupPeriodMs(every: Exclude<BackupEvery, 'off'>): number {
  return PERIOD_MS[every];
}

/** A valid reminder frequency from anything (stored, imported, hand-edited). */
export function parseBackupEvery(raw: unknown): BackupEvery {
  return oneOf(raw, BACKUP_EVERY, DEFAULT_BACKUP_EVERY);
}

/**
 * Whether a backup reminder is due at `now`: never when off; at once when there are
 * reflections and none was ever exported; else when the period has passed since the last one.
 */
export function backupDue(
  lastExportAt: number | null,
  every: BackupEvery,
  now: number,
  hasReflections = true,
): boolean {
  if (every === 'off' || !hasReflections) return false;
  if (lastExportAt === null) return true;
  return now - lastExportAt >= PERIOD_MS[every];
}
