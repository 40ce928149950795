/**
 * User settings: their shape, defaults and a pure `parseSettings` that fills defaults and
 * repairs bad values (a hand-edited or imported value never breaks a page), and the merge of
 * two writers' changes. Pure: reading is in settings-read-store.ts, writing and watching go
 * through the versioned item in settings-store.ts.
 */

import { ownRecord } from '../core/parse';
import { DEFAULT_BACKUP_EVERY, parseBackupEvery } from '../data/backup';
import {
  DEFAULT_FOLLOW_UP_SETTINGS,
  parseFollowUpSettings,
} from '../follow-through/follow-up-plan';
import { DEFAULT_NUDGE_SETTINGS, parseNudgeSettings } from '../nudges/nudge-settings';
import { DEFAULT_CAPTURE_SETTINGS, parseCaptureSettings } from './capture-settings';

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

type Plain = Record<string, unknown>;
const isPlain = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A three-way merge of settings, field by field: what a page changed from the `base` it read
 * (`mine`) wins, every other field keeps its stored value (`theirs`) — so a page that was open
 * while the background switched an opt-in off does not switch it back by saving another field.
 * Lists (times, site patterns) are single fields: a list is taken whole.
 */
export function mergeSettings(base: Settings, mine: Settings, theirs: Settings): Settings {
  return mergeFields(base, mine, theirs) as Settings;
}

function mergeFields(base: unknown, mine: unknown, theirs: unknown): unknown {
  if (!isPlain(base) || !isPlain(mine) || !isPlain(theirs)) {
    return JSON.stringify(mine) === JSON.stringify(base) ? theirs : mine;
  }
  const out: Plain = { ...theirs };
  for (const key of Object.keys(mine)) out[key] = mergeFields(base[key], mine[key], theirs[key]);
  return out;
}
