import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  mergeSettings,
  parseSettings,
  type Settings,
} from '../../../utils/settings/settings';
import {
  getSettings,
  saveSettingsChange,
  setSettings,
  settingsItem,
  updateSettings,
  watchSettings,
} from '../../../utils/settings/settings-store';

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

describe('settings changed by two writers', () => {
  const D = DEFAULT_SETTINGS;
  const withSite = (s: Settings, site: Partial<Settings['nudges']['site']>): Settings => ({
    ...s,
    nudges: { ...s.nudges, site: { ...s.nudges.site, ...site } },
  });

  it.each<[string, Settings, Settings, Settings, Settings]>([
    [
      'the page changed one field, the background another: both kept',
      withSite(D, { enabled: true }),
      { ...withSite(D, { enabled: true }), backupEvery: 'monthly' },
      withSite(D, { enabled: false }),
      { ...withSite(D, { enabled: false }), backupEvery: 'monthly' },
    ],
    [
      'a list is one field: the page’s new list wins whole',
      withSite(D, { patterns: ['a.example'] }),
      withSite(D, { patterns: ['b.example'] }),
      withSite(D, { patterns: ['a.example', 'c.example'] }),
      withSite(D, { patterns: ['b.example'] }),
    ],
    [
      'a list the page did not touch keeps what was stored meanwhile',
      withSite(D, { patterns: ['a.example'] }),
      { ...withSite(D, { patterns: ['a.example'] }), backupEvery: 'off' },
      withSite(D, { patterns: ['a.example', 'c.example'] }),
      { ...withSite(D, { patterns: ['a.example', 'c.example'] }), backupEvery: 'off' },
    ],
    [
      'nothing changed: what is stored stays',
      D,
      D,
      { ...D, backupEvery: 'monthly' },
      { ...D, backupEvery: 'monthly' },
    ],
  ])('%s', (_, base, mine, theirs, expected) => {
    expect(mergeSettings(base, mine, theirs)).toEqual(expected);
  });

  it('a page saving from an old copy keeps what the background changed since', async () => {
    await setSettings(withSite(D, { enabled: true }));
    const base = await getSettings(); // the page reads, then the person edits for a while…
    // …meanwhile the background switches the site nudge off (its permission was taken away).
    await updateSettings((s) => withSite(s, { enabled: false }));
    await saveSettingsChange(base, { ...base, backupEvery: 'monthly' });
    const stored = await getSettings();
    expect(stored.backupEvery).toBe('monthly');
    expect(stored.nudges.site.enabled).toBe(false);
  });

  it('changes asked for at once are applied one after another, none lost', async () => {
    await Promise.all([
      updateSettings((s) => ({ ...s, backupEvery: 'monthly' })),
      updateSettings((s) => withSite(s, { patterns: ['ci.example'] })),
    ]);
    const stored = await getSettings();
    expect(stored.backupEvery).toBe('monthly');
    expect(stored.nudges.site.patterns).toEqual(['ci.example']);
  });
});
