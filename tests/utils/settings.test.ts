import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, getSettings, parseSettings } from '../../utils/settings';
import { setSettings, settingsItem, watchSettings } from '../../utils/settings-store';

describe('parseSettings', () => {
  it.each([
    ['nothing stored', undefined],
    ['null', null],
    ['an array', []],
    ['a string', 'settings'],
  ])('gives the defaults for %s', (_, raw) => {
    expect(parseSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });

  it.each([
    [{ defaultTemplate: 'gibbs' }, { defaultTemplate: 'gibbs' }],
    [{ defaultTemplate: 'nope' }, { defaultTemplate: 'quick' }],
    [{ theme: 'dark' }, { theme: 'dark' }],
    [{ theme: 'purple' }, { theme: 'system' }],
    [{ attachPageByDefault: 'yes' }, { attachPageByDefault: false }],
    [{ attachPageByDefault: true }, { attachPageByDefault: true }],
  ])('repairs %j', (raw, expected) => {
    expect(parseSettings(raw)).toEqual({ ...DEFAULT_SETTINGS, ...expected });
  });

  it('drops unknown keys', () => {
    expect(parseSettings({ extra: 1, __proto__: { theme: 'dark' } })).toEqual(DEFAULT_SETTINGS);
  });
});

describe('settings storage', () => {
  it('reads defaults, then what was saved, repairing bad stored values', async () => {
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
    await setSettings({ ...DEFAULT_SETTINGS, theme: 'dark' });
    expect(await getSettings()).toMatchObject({ theme: 'dark' });
    await settingsItem.setValue({ theme: 'neon' } as never);
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('tells watchers the new, repaired settings', async () => {
    const seen: string[] = [];
    const off = watchSettings((settings) => seen.push(settings.theme));
    await setSettings({ ...DEFAULT_SETTINGS, theme: 'light' });
    await settingsItem.setValue({ theme: 'neon' } as never);
    off();
    expect(seen).toEqual(['light', 'system']);
  });
});
