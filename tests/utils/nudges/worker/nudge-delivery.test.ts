/**
 * What Chrome has and Firefox lacks, each with its fallback, through the fake browser:
 * notification buttons (Firefox shows basic notifications only), `action.openPopup` (missing,
 * or refusing without a user gesture) and `runtime.getContexts` (missing on Firefox).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  notificationButtons,
  openPrompt,
  showNotification,
} from '../../../../utils/nudges/worker/nudge-delivery';
import { type FakeExtras, installFakeExtras } from '../../../helpers/fake-extras';

let extras: FakeExtras;
// biome-ignore lint/suspicious/noExplicitAny: removing and replacing APIs the fake's types declare as always there.
const fb = fakeBrowser as any;

beforeEach(() => {
  extras = installFakeExtras();
});

afterEach(() => {
  vi.unstubAllEnvs();
});

async function shown(): Promise<Array<{ title: string; buttons?: Array<{ title: string }> }>> {
  return Object.values(await fb.notifications.getAllCreateOptions());
}

describe('notification buttons', () => {
  it('Chrome: "Reflect now" and "Snooze 1 hour" on the notification', async () => {
    // Vitest leaves WXT's build flags unset: falsy, like Chrome's `false`. (Stubbing it with
    // `false` would not do: vitest stores stubbed env values as strings, and "false" is truthy.)
    expect(import.meta.env.FIREFOX).toBeFalsy();
    expect(notificationButtons()).toEqual([{ title: 'Reflect now' }, { title: 'Snooze 1 hour' }]);
    await showNotification({ title: 'Fail Well', message: 'A minute for a lesson?' }, 1);
    expect((await shown()).map((n) => n.buttons)).toEqual([
      [{ title: 'Reflect now' }, { title: 'Snooze 1 hour' }],
    ]);
  });

  it('Firefox: a basic notification with no `buttons` key at all (Firefox rejects it)', async () => {
    // What `wxt build -b firefox` defines; vitest reads import.meta.env at run time.
    vi.stubEnv('FIREFOX', 'true');
    expect(notificationButtons()).toEqual([]);
    await showNotification({ title: 'Fail Well', message: 'A minute for a lesson?' }, 1);
    const [notification] = await shown();
    expect(notification?.title).toBe('Fail Well');
    expect(notification && 'buttons' in notification).toBe(false);
  });
});

describe('opening the prompt', () => {
  const window = 'chrome-extension://test-extension-id/popup.html';

  it('uses the toolbar popup when the browser opens it and lists it among its contexts', async () => {
    extras.popupAllowed.value = true;
    expect(await openPrompt()).toBe('popup');
    expect(extras.opened).toEqual(['popup']);
  });

  it('opens a small window when openPopup rejects (no focused window, no user gesture)', async () => {
    extras.popupAllowed.value = false;
    expect(await openPrompt()).toBe('window');
    expect(extras.opened).toEqual([window]);
  });

  it('opens a small window when the browser has no openPopup at all', async () => {
    fb.action.openPopup = undefined;
    expect(await openPrompt()).toBe('window');
    expect(extras.opened).toEqual([window]);
  });

  it('opens a small window when openPopup resolves but no popup context appears (Chrome)', async () => {
    fb.action.openPopup = async () => undefined; // resolved, showed nothing
    expect(await openPrompt()).toBe('window');
    expect(extras.opened).toEqual([window]);
  });

  it('trusts a resolved openPopup where runtime.getContexts is missing (Firefox)', async () => {
    extras.popupAllowed.value = true;
    fb.runtime.getContexts = undefined;
    expect(await openPrompt()).toBe('popup');
    expect(extras.opened).toEqual(['popup']);
  });

  it('opens a small window when getContexts itself fails', async () => {
    extras.popupAllowed.value = true;
    fb.runtime.getContexts = async () => {
      throw new Error('Unsupported context type');
    };
    expect(await openPrompt()).toBe('window');
    expect(extras.opened).toEqual(['popup', window]);
  });
});
