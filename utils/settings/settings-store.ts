/**
 * The versioned settings item (`@wxt-dev/storage`): writes, watches and future migrations.
 * `getSettings` is a plain read of the same key (settings-read-store.ts), no library involved.
 */

import { storage } from '@wxt-dev/storage';
import { withLock } from '../core/cross-context-lock-browser';
import { SETTINGS_AREA, SETTINGS_KEY } from './capture-settings';
import { DEFAULT_SETTINGS, mergeSettings, parseSettings, type Settings } from './settings';
import { bytesOverQuota, SettingsTooLongError } from './settings-quota';
import { readStoredSettings } from './settings-read-store';

export const settingsItem = storage.defineItem<Settings>(`${SETTINGS_AREA}:${SETTINGS_KEY}`, {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/**
 * Write valid settings, or reject with a `SettingsTooLongError` (writing nothing) when they
 * would pass `storage.sync`'s per-item quota, or with the browser's own refusal (see
 * `describeSettingsFailure`). Callers hold the settings lock.
 */
async function write(next: Settings): Promise<Settings> {
  const value = parseSettings(next);
  const over = bytesOverQuota(SETTINGS_KEY, value);
  if (over > 0) throw new SettingsTooLongError(over);
  await settingsItem.setValue(value);
  return value;
}

/** Save settings whole (an import), under the cross-context lock; rejects as `write` does. */
export function setSettings(next: Settings): Promise<void> {
  return withLock('fail-well:settings', async () => {
    await write(next);
  });
}

/**
 * Change settings as one step in every context (pages and the background write them):
 * `change` gets the stored settings under the cross-context lock and returns the new ones.
 */
export function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  return withLock('fail-well:settings', async () => write(change(await getSettings())));
}

/**
 * Save what a page changed since it read `base`: merged field by field into the stored
 * settings under the lock, so a change made meanwhile elsewhere is kept.
 */
export function saveSettingsChange(base: Settings, mine: Settings): Promise<Settings> {
  return updateSettings((current) => mergeSettings(base, mine, current));
}

/** The current settings, always valid (a plain read: no storage library needed for it). */
export async function getSettings(): Promise<Settings> {
  return parseSettings(await readStoredSettings());
}

/** Call `listener` with valid settings whenever they change (here or in another page). */
export function watchSettings(listener: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => listener(parseSettings(value)));
}
