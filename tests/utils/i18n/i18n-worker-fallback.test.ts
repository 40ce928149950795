/**
 * The worker's side of `ensureMessages`: built for the background, an empty message bundle
 * falls back to the worker's own cut-down catalogue (tests/utils/i18n.test.ts covers pages).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ensureMessages, t } from '../../../utils/i18n/i18n';
import { nudgeWording } from '../../../utils/nudges/nudge-wording';
import { notificationButtons } from '../../../utils/nudges/worker/nudge-delivery';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the background with an empty message bundle', () => {
  it('speaks German from its own strings; page strings are not bundled', async () => {
    vi.stubEnv('ENTRYPOINT', 'background'); // what WXT defines when it builds the worker
    fakeBrowser.i18n.getMessage = (() => '') as typeof fakeBrowser.i18n.getMessage;
    fakeBrowser.i18n.getUILanguage = () => 'de-DE';
    await ensureMessages();
    expect(notificationButtons()).toEqual([
      { title: 'Jetzt reflektieren' },
      { title: '1 Stunde später' },
    ]);
    expect(nudgeWording('idle', 0).title).not.toBe('nudgeIdleTitle');
    expect(t('menuReflectPage')).not.toBe('menuReflectPage');
    // A page's string: not in the worker's catalogue, so its key shows (never seen there).
    expect(t('popupSave')).toBe('popupSave');
  });
});
