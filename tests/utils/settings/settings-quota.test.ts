import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, type Settings } from '../../../utils/settings/settings';
import { describeSettingsFailure } from '../../../utils/settings/settings-failure';
import {
  bytesOverQuota,
  QUOTA_BYTES_PER_ITEM,
  SettingsTooLongError,
  syncItemBytes,
} from '../../../utils/settings/settings-quota';
import { getSettings, setSettings } from '../../../utils/settings/settings-store';
import { useLanguage } from '../../i18n-fake';

/** `count` valid site patterns of exactly `length` characters each. */
const patterns = (count: number, length: number) =>
  Array.from({ length: count }, (_, i) => {
    const host = `site${i}.example.com/`;
    return host + 'a'.repeat(length - host.length);
  });

const withSites = (sites: string[]): Settings => ({
  ...DEFAULT_SETTINGS,
  nudges: {
    ...DEFAULT_SETTINGS.nudges,
    site: { ...DEFAULT_SETTINGS.nudges.site, patterns: sites },
  },
});

describe('storage.sync per-item quota', () => {
  it.each([
    ['settings', {}, 8 + 2],
    ['k', 'abc', 1 + 5],
    ['k', 'ä', 1 + 4], // two UTF-8 bytes, not one character
    ['k', '😀', 1 + 6], // four bytes, not two UTF-16 units
    ['ü', 1, 2 + 1], // the key counts in bytes too
    ['k', 'a"b', 1 + 6], // JSON's escaping counts
    ['k', null, 1 + 4],
  ])('%s = %j costs %i bytes', (key, value, bytes) => {
    expect(syncItemBytes(key, value)).toBe(bytes);
  });

  it.each([
    [QUOTA_BYTES_PER_ITEM - 10, 0],
    [QUOTA_BYTES_PER_ITEM - 8 - 2, 0], // exactly the quota: allowed
    [QUOTA_BYTES_PER_ITEM - 8 - 1, 1],
    [QUOTA_BYTES_PER_ITEM, 10],
  ])('a string of %i characters under "settings" is %i bytes over', (length, over) => {
    expect(bytesOverQuota('settings', 'x'.repeat(length))).toBe(over);
  });

  it('the defaults fit; 50 sites of 200 characters (allowed one by one) do not', () => {
    expect(bytesOverQuota('settings', DEFAULT_SETTINGS)).toBe(0);
    const over = bytesOverQuota('settings', withSites(patterns(50, 200)));
    expect(over).toBeGreaterThan(1000);
    expect(over).toBeLessThan(50 * 203);
  });

  it('setSettings refuses settings that would not fit and writes nothing', async () => {
    const error = await setSettings(withSites(patterns(50, 200))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SettingsTooLongError);
    expect((error as SettingsTooLongError).over).toBe(
      bytesOverQuota('settings', withSites(patterns(50, 200))),
    );
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    expect((await getSettings()).nudges.site.patterns).toEqual([]);

    await setSettings(withSites(patterns(30, 200)));
    expect((await getSettings()).nudges.site.patterns).toHaveLength(30);
  });
});

describe('why settings were not saved, in words', () => {
  it.each([
    [
      'en',
      new SettingsTooLongError(1),
      'These settings are too long to keep — shorten the list of sites by about 1 character. What you typed is still here.',
    ],
    [
      'en',
      new SettingsTooLongError(1200),
      'These settings are too long to keep — shorten the list of sites by about 1,200 characters. What you typed is still here.',
    ],
    [
      'de',
      new SettingsTooLongError(1200),
      'Diese Einstellungen sind zu lang zum Speichern – kürze die Liste der Websites um etwa 1.200 Zeichen. Was du eingegeben hast, ist noch da.',
    ],
    // What Chrome rejects with; both wordings are seen from Chrome versions in use.
    [
      'en',
      new Error('Resource::kQuotaBytesPerItem quota exceeded'),
      'These settings are too long to keep — shorten the list of sites a little. What you typed is still here.',
    ],
    [
      'en',
      new Error('QUOTA_BYTES_PER_ITEM quota exceeded'),
      'These settings are too long to keep — shorten the list of sites a little. What you typed is still here.',
    ],
    [
      'en',
      new Error('Resource::kMaxWriteOperationsPerMinute quota exceeded'),
      'Settings changed very often just now, and your browser asks for a pause. Wait a minute, then change it again — what you typed is still here.',
    ],
    [
      'en',
      new Error('MAX_WRITE_OPERATIONS_PER_HOUR quota exceeded'),
      'Settings changed very often just now, and your browser asks for a pause. Wait a minute, then change it again — what you typed is still here.',
    ],
    [
      'en',
      new Error('IO error: .../Sync Extension Settings/ (No space left on device)'),
      'The settings could not be saved just now (your browser said: “IO error: .../Sync Extension Settings/ (No space left on device)”). What you typed is still here — try again.',
    ],
    [
      'en',
      new Error(''),
      'The settings could not be saved just now. Your entries are still here — try again.',
    ],
  ])('%s: %s', (language, error, words) => {
    useLanguage(language);
    expect(describeSettingsFailure(error)).toBe(words);
  });
});
