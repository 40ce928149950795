/**
 * Why settings were not saved, in plain words for the settings pages. Apart from
 * settings-quota.ts so the background worker, which writes settings too, carries none of it.
 */
import { formatNumber, plural, t } from '../i18n/i18n';
import { SettingsTooLongError } from './settings-quota';

/**
 * Why settings were not saved: too long (by how much), written too often
 * (the sync area's per-minute and per-hour limits), or the browser's own reason.
 */
export function describeSettingsFailure(error: unknown): string {
  if (error instanceof SettingsTooLongError)
    return t(
      plural(error.over, 'settingsTooLongOne', 'settingsTooLongOther'),
      formatNumber(error.over),
    );
  const reason = error instanceof Error ? error.message : String(error);
  // The browsers name the quota they hit: "Resource::kQuotaBytesPerItem quota exceeded" (Chrome
  // now), "QUOTA_BYTES_PER_ITEM quota exceeded" (Chrome before, and Firefox's wording).
  if (/max_?(write_?operations|sustained)/i.test(reason)) return t('settingsTooOften');
  if (/quota_?bytes/i.test(reason)) return t('settingsTooLongUnmeasured');
  return reason.trim() ? t('settingsSaveFailedBecause', reason) : t('settingsSaveFailed');
}
