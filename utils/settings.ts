/**
 * User settings: their shape, defaults and a pure `parseSettings` that fills defaults and
 * repairs bad values (a hand-edited or imported value never breaks a page). Writing and
 * watching go through the versioned item in settings-store.ts.
 */
import { DEFAULT_BACKUP_EVERY, parseBackupEvery } from './backup';
import {
  DEFAULT_CAPTURE_SETTINGS,
  parseCaptureSettings,
  readStoredSettings,
} from './capture-settings';
import { DEFAULT_FOLLOW_UP_SETTINGS, parseFollowUpSettings } from './follow-up-plan';
import { DEFAULT_NUDGE_SETTINGS, parseNudgeSettings } from './nudge-settings';
import { ownRecord } from './parse';

export const DEFAULT_SETTINGS = {
  ...DEFAULT_CAPTURE_SETTINGS,
  backupEvery: DEFAULT_BACKUP_EVERY,
  followUps: DEFAULT_FOLLOW_UP_SETTINGS,
  nudges: DEFAULT_NUDGE_SETTINGS,
};

export type Settings = typeof DEFAULT_SETTINGS;

/** Settings from anything (stored, imported, hand-edited): defaults filled, bad values repaired. */
export function parseSettings(raw: unknown): Settings {
  const input = ownRecord(raw);
  return {
    ...parseCaptureSettings(input),
    backupEvery: parseBackupEvery(input.backupEvery),
    followUps: parseFollowUpSettings(input.followUps),
    nudges: parseNudgeSettings(input.nudges),
  };
}

/** The current settings, always valid. */
export async function getSettings(): Promise<Settings> {
  return parseSettings(await readStoredSettings());
}
