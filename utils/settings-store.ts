/**
 * The versioned settings item (`@wxt-dev/storage`): writes, watches and future migrations.
 * Pages that only read use `getSettings` from settings.ts (same key, no library).
 */
import { storage } from '@wxt-dev/storage';
import { SETTINGS_AREA, SETTINGS_KEY } from './capture-settings';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from './settings';
import { bytesOverQuota, SettingsTooLongError } from './settings-quota';

export const settingsItem = storage.defineItem<Settings>(`${SETTINGS_AREA}:${SETTINGS_KEY}`, {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/**
 * Save settings (repaired first, so storage only ever holds valid values). Rejects with a
 * `SettingsTooLongError`, writing nothing, when they would pass `storage.sync`'s per-item quota,
 * and with the browser's error when it refuses (see `describeSettingsFailure`).
 */
export async function setSettings(next: Settings): Promise<void> {
  const value = parseSettings(next);
  const over = bytesOverQuota(SETTINGS_KEY, value);
  if (over > 0) throw new SettingsTooLongError(over);
  await settingsItem.setValue(value);
}

/** Call `listener` with valid settings whenever they change (here or in another page). */
export function watchSettings(listener: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => listener(parseSettings(value)));
}
