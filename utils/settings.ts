/**
 * User settings: their shape, defaults and a pure `parseSettings` that fills defaults and
 * repairs bad values (a hand-edited or imported value never breaks a page). Writing and
 * watching go through the versioned item in settings-store.ts.
 */
import { browser } from 'wxt/browser';
import { DEFAULT_BACKUP_EVERY, parseBackupEvery } from './backup';
import { DEFAULT_FOLLOW_UP_SETTINGS, parseFollowUpSettings } from './follow-up-plan';
import { DEFAULT_NUDGE_SETTINGS, parseNudgeSettings } from './nudge-settings';
import { bool, oneOf, ownRecord } from './parse';
import { isTemplateId, type TemplateId } from './templates';

export type Theme = 'system' | 'light' | 'dark';

export const DEFAULT_SETTINGS = {
  /** The template the popup opens with. */
  defaultTemplate: 'quick' as TemplateId,
  /** Tick "attach this page" by default in the popup. */
  attachPageByDefault: false,
  theme: 'system' as Theme,
  /** Gentle hints when an answer uses self-blame language. */
  selfBlameHints: true,
  followUps: DEFAULT_FOLLOW_UP_SETTINGS,
  backupEvery: DEFAULT_BACKUP_EVERY,
  nudges: DEFAULT_NUDGE_SETTINGS,
};

export type Settings = typeof DEFAULT_SETTINGS;

/** Settings from anything (stored, imported, hand-edited): defaults filled, bad values repaired. */
export function parseSettings(raw: unknown): Settings {
  // Own properties only: a value whose prototype carries settings must not sneak them in.
  const input = ownRecord(raw);
  const d = DEFAULT_SETTINGS;
  return {
    defaultTemplate: isTemplateId(input.defaultTemplate)
      ? input.defaultTemplate
      : d.defaultTemplate,
    attachPageByDefault: bool(input.attachPageByDefault, d.attachPageByDefault),
    theme: oneOf(input.theme, ['system', 'light', 'dark'], d.theme),
    selfBlameHints: bool(input.selfBlameHints, d.selfBlameHints),
    followUps: parseFollowUpSettings(input.followUps),
    backupEvery: parseBackupEvery(input.backupEvery),
    nudges: parseNudgeSettings(input.nudges),
  };
}

/** Where settings live: `sync`, so they follow the user between browsers; reflections never do. */
export const SETTINGS_AREA = 'sync';
export const SETTINGS_KEY = 'settings';

/**
 * The current settings, always valid. A plain `storage.sync` read of the same key the
 * versioned item (settings-store.ts) writes: the popup needs settings before its first paint
 * and cannot afford the storage library in its 15 KB budget.
 */
export async function getSettings(): Promise<Settings> {
  const stored = await browser.storage[SETTINGS_AREA].get(SETTINGS_KEY);
  return parseSettings(stored[SETTINGS_KEY]);
}
