/**
 * Reading settings without the storage library: a plain `storage.sync` read of the key the
 * versioned item (settings-store.ts) writes. The popup needs its settings before its first
 * paint and can afford neither the library nor the full parser in its 15 KB budget.
 */
import { browser } from 'wxt/browser';
import { SETTINGS_AREA, SETTINGS_KEY } from './capture-settings';

/** The stored value as is (the popup parses only the capture settings out of it). */
export async function readStoredSettings(): Promise<unknown> {
  return (await browser.storage[SETTINGS_AREA].get(SETTINGS_KEY))[SETTINGS_KEY];
}
