import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ensureMessages, formatNumber, t } from '../../utils/i18n';

describe('i18n', () => {
  it('answers from the browser catalogue', () => {
    expect(t('popupSave')).toBe('Save reflection');
    expect(t('tagsRemove', 'ops')).toBe('Remove tag ops');
    expect(formatNumber(5000)).toBe('5,000');
  });

  it('falls back to the shipped catalogue when the browser hands the page no messages', async () => {
    fakeBrowser.i18n.getMessage = (() => '') as typeof fakeBrowser.i18n.getMessage;
    fakeBrowser.i18n.getUILanguage = () => 'de-DE';
    expect(t('popupSave')).toBe('popupSave');
    await ensureMessages();
    expect(t('popupSave')).toBe('Reflexion speichern');
    expect(t('tagsRemove', 'ops')).toBe('Schlagwort ops entfernen');
  });
});
