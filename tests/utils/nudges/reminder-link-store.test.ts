// @vitest-environment happy-dom
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { nudgeAnsweredAt } from '../../../utils/nudges/nudge-answer-store';
import { popupOpened } from '../../../utils/nudges/reminder-link-store';
import { BADGE_REMINDER_KEY } from '../../../utils/nudges/worker/reminder-delivery';
import { installFakeExtras } from '../../helpers/fake-extras';

const ID = '11111111-0000-4000-8000-000000000001';

beforeEach(() => {
  installFakeExtras();
});

afterEach(() => {
  document.body.replaceChildren();
});

describe('popupOpened: a reminder that went to the badge', () => {
  it('clears the badge and shows nothing more when no reminder waits', async () => {
    await fakeBrowser.action.setBadgeText({ text: '2' });
    await popupOpened(document.body);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(screen.queryByRole('link')).toBeNull();
  });

  it.each([
    [
      'follow-up',
      'A follow-up is waiting: did you apply it?',
      `options.html#/follow-through?focus=${ID}`,
    ],
    ['backup', 'Time for a backup: export your reflections.', 'options.html#/data'],
  ])('%s: a link that opens the review page there, once', async (kind, name, path) => {
    await fakeBrowser.storage.local.set({ [BADGE_REMINDER_KEY]: { kind, reflectionId: ID } });
    await popupOpened(document.body);
    const link = screen.getByRole('link', { name });
    const url = `chrome-extension://${fakeBrowser.runtime.id}/${path}`;
    expect(link.getAttribute('href')).toBe(url);

    fireEvent.click(link);
    await waitFor(async () =>
      expect((await fakeBrowser.tabs.query({})).map((tab) => tab.url)).toContain(url),
    );
    expect(await fakeBrowser.storage.local.get(BADGE_REMINDER_KEY)).toEqual({});
    // Followed, the reminder counts as answered: the background resets back-off.
    expect(await nudgeAnsweredAt()).toBeGreaterThan(0);
  });

  it('ignores a stored value of the wrong shape', async () => {
    await fakeBrowser.storage.local.set({ [BADGE_REMINDER_KEY]: { kind: '<img>' } });
    await popupOpened(document.body);
    expect(screen.queryByRole('link')).toBeNull();
  });
});
