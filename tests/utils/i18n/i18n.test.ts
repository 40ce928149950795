import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { formatDateTime, formatList, formatPercent } from '../../../utils/i18n/format';
import { ensureMessages, formatNumber, plural, t, uiLanguage } from '../../../utils/i18n/i18n';
import { readCatalogue, useLanguage } from '../../i18n-fake';

// 29 November 2026, 17:30 UTC: late November in every zone.
const AT = Date.UTC(2026, 10, 29, 17, 30);

describe('i18n', () => {
  it('answers from the browser catalogue', () => {
    expect(t('popupSave')).toBe('Save reflection');
    expect(t('tagsRemove', 'ops')).toBe('Remove tag ops');
    expect(formatNumber(5000)).toBe('5,000');
  });

  it.each([
    // [catalogue the browser picked, the browser's own language, the UI language]
    ['en', 'en', 'en'],
    ['en', 'fr-FR', 'en'], // no French catalogue: English words, so English dates
    ['en', 'fr', 'en'],
    ['de', 'de', 'de'],
    ['en', 'en-GB', 'en'], // the catalogue's tag alone: the same on every page
    ['de', 'de-AT', 'de'],
  ])('the %s catalogue in a browser set to %s speaks %s', (catalogue, browser, expected) => {
    useLanguage(catalogue, browser);
    expect(uiLanguage()).toBe(expected);
  });

  it('a French browser gets English words and English numbers, dates and lists', () => {
    useLanguage('en', 'fr-FR');
    expect(t('popupSave')).toBe('Save reflection');
    expect(formatNumber(5000)).toBe('5,000');
    expect(formatPercent(0.42)).toBe('42%');
    expect(formatList(['a', 'b', 'c'])).toBe('a, b, and c');
    // Not "29 nov. 2026": the month is English like the words around it.
    expect(formatDateTime(AT)).toMatch(/Nov/);
    expect(formatDateTime(AT)).not.toMatch(/nov\./);
  });

  it('German words come with German numbers', () => {
    useLanguage('de', 'de-DE');
    expect(formatNumber(5000)).toBe('5.000');
    expect(formatList(['a', 'b', 'c'])).toBe('a, b und c');
  });

  it.each([
    ['en', 0, 'dataExportDoneOther'],
    ['en', 1, 'dataExportDoneOne'],
    ['en', 2, 'dataExportDoneOther'],
    ['en', 1.5, 'dataExportDoneOther'],
    ['de', 1, 'dataExportDoneOne'],
    ['de', 2, 'dataExportDoneOther'],
  ] as const)('in %s, %s picks %s', (language, count, key) => {
    useLanguage(language);
    expect(plural(count, 'dataExportDoneOne', 'dataExportDoneOther')).toBe(key);
  });

  it('each catalogue names its own language, as its folder does', () => {
    expect(readCatalogue('en').uiLocale?.message).toBe('en');
    expect(readCatalogue('de').uiLocale?.message).toBe('de');
  });

  it('every "…One" message has its "…Other"', () => {
    const keys = Object.keys(readCatalogue('en'));
    const lonely = keys.filter(
      (key) => key.endsWith('One') && !keys.includes(`${key.slice(0, -3)}Other`),
    );
    expect(lonely).toEqual([]);
  });

  // Last: the fallback catalogue it loads stays in place for the rest of the file.
  it('falls back to the shipped catalogue when the browser hands the page no messages', async () => {
    fakeBrowser.i18n.getMessage = (() => '') as typeof fakeBrowser.i18n.getMessage;
    fakeBrowser.i18n.getUILanguage = () => 'de-DE';
    expect(t('popupSave')).toBe('popupSave');
    await ensureMessages();
    expect(t('popupSave')).toBe('Reflexion speichern');
    expect(t('tagsRemove', 'ops')).toBe('Schlagwort ops entfernen');
    // The fallback catalogue names its language too.
    expect(uiLanguage()).toBe('de');
  });
});
