/**
 * The background's wiring, end to end through the fake browser: the real entrypoint registers
 * its listeners, events are fired as the browser would fire them, and the tests read what the
 * user would see (badge, notifications, the prompt's draft) and what is stored.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background';
import { emptyDraft } from '../../utils/capture/draft';
import { loadDraft, saveDraft } from '../../utils/capture/draft-store';
import { instantOf } from '../../utils/core/wall-clock';
import { lastExportItem } from '../../utils/data/storage-status-store';
import { storeFollowUpAnswer } from '../../utils/follow-through/follow-up-store';
import { markNudgeAnswered } from '../../utils/nudges/nudge-answer-store';
import { DEFAULT_NUDGE_SETTINGS, type NudgeSettings } from '../../utils/nudges/nudge-settings';
import { EMPTY_NUDGE_STATE } from '../../utils/nudges/nudge-state';
import { getNudgeState, nudgeStateItem } from '../../utils/nudges/nudge-state-store';
import {
  MENU_PAGE,
  MENU_PANEL,
  MENU_SELECTION,
  syncContextMenus,
} from '../../utils/nudges/worker/context-menus';
import { handleNotificationClosed } from '../../utils/nudges/worker/notification-handlers';
import { NUDGE_ALARM } from '../../utils/nudges/worker/nudge-transaction';
import { BADGE_REMINDER_KEY } from '../../utils/nudges/worker/reminder-delivery';
import { DUE_CHECK_ALARM, DUE_CHECK_MINUTES } from '../../utils/nudges/worker/reminder-handlers';
import { saveReflection } from '../../utils/reflections/db-store';
import { createReflection } from '../../utils/reflections/reflection';
import { DEFAULT_SETTINGS } from '../../utils/settings/settings';
import { settingsItem } from '../../utils/settings/settings-store';
import { type FakeExtras, fire, installFakeExtras } from '../helpers/fake-extras';

const MINUTE = 60_000;

/** A local wall-clock time (the machine's own zone, as the background uses it). */
function local(text: string): number {
  const [date = '', time = '00:00'] = text.split(' ');
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [h, m] = time.split(':').map(Number) as [number, number];
  return instantOf({ year, month, day }, h * 60 + m);
}

let extras: FakeExtras;

async function useNudges(patch: (n: NudgeSettings) => NudgeSettings = (n) => n): Promise<void> {
  await settingsItem.setValue({ ...DEFAULT_SETTINGS, nudges: patch(DEFAULT_NUDGE_SETTINGS) });
}

/** Start the worker (register listeners), as the browser does on every wake-up. */
function wake(): void {
  background.main();
}

async function badge(): Promise<string> {
  return fakeBrowser.action.getBadgeText({});
}

async function notifications(): Promise<
  Record<string, { title: string; message: string; buttons?: unknown[] }>
> {
  // biome-ignore lint/suspicious/noExplicitAny: the fake's own inspection helper.
  return (fakeBrowser.notifications as any).getAllCreateOptions();
}

async function ringAlarm(at: number): Promise<void> {
  vi.setSystemTime(at);
  await fakeBrowser.alarms.onAlarm.trigger({
    name: NUDGE_ALARM,
    scheduledTime: at,
    persistAcrossSessions: true,
  });
}

beforeEach(() => {
  extras = installFakeExtras();
  vi.useRealTimers();
});

describe('the seed for random moments', () => {
  /** A fresh install in "random moment" mode; returns its seed. */
  async function install(): Promise<number> {
    await useNudges((n) => ({ ...n, schedule: { ...n.schedule, mode: 'random' } }));
    vi.setSystemTime(local('2026-11-30 10:00')); // a Monday
    wake();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    return (await getNudgeState()).seed;
  }

  /** Another browser profile: nothing stored, the worker started afresh. */
  function anotherProfile(): void {
    fakeBrowser.reset();
    extras = installFakeExtras();
  }

  /** The next `newSeed()` draws `n`. */
  function nextRandom(n: number): void {
    vi.spyOn(crypto, 'getRandomValues').mockImplementationOnce(
      <T extends ArrayBufferView | null>(array: T): T => {
        (array as unknown as Uint32Array)[0] = n;
        return array;
      },
    );
  }

  it('two installs get different seeds', async () => {
    const first = await install();
    anotherProfile();
    const second = await install();
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(0);
    expect(second).not.toBe(first);
  });

  it('two installs ring at their own moments in the window', async () => {
    nextRandom(1);
    await install();
    const first = (await fakeBrowser.alarms.get(NUDGE_ALARM))?.scheduledTime;
    anotherProfile();
    nextRandom(2);
    await install();
    const second = (await fakeBrowser.alarms.get(NUDGE_ALARM))?.scheduledTime;
    expect(first).toBeGreaterThanOrEqual(local('2026-11-30 14:00'));
    expect(second).toBeGreaterThanOrEqual(local('2026-11-30 14:00'));
    expect(second).not.toBe(first);
  });

  it('a settings save, a restart and an update keep the seed', async () => {
    const seed = await install();
    await useNudges((n) => ({ ...n, schedule: { ...n.schedule, times: ['12:15'] } }));
    await vi.waitFor(async () =>
      expect((await fakeBrowser.alarms.get(NUDGE_ALARM))?.scheduledTime).toBe(
        local('2026-11-30 12:15'),
      ),
    );
    expect((await getNudgeState()).seed).toBe(seed);

    wake(); // the browser restarted: a new worker
    await fakeBrowser.runtime.onStartup.trigger();
    expect((await getNudgeState()).seed).toBe(seed);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.1.0' });
    expect((await getNudgeState()).seed).toBe(seed);
  });

  it('an install from before seeds existed gets one on update', async () => {
    await nudgeStateItem.setValue({ ...EMPTY_NUDGE_STATE, seed: 0 });
    wake();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.1.0' });
    expect((await getNudgeState()).seed).toBeGreaterThan(0);
  });
});

describe('schedule alarm → badge or notification', () => {
  it('plans the alarm on update and, when it rings, raises the badge and stages the prompt', async () => {
    await useNudges();
    vi.setSystemTime(local('2026-11-30 10:00')); // a Monday
    wake();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.1.0' });
    const alarm = await fakeBrowser.alarms.get(NUDGE_ALARM);
    expect(alarm?.scheduledTime).toBe(local('2026-11-30 17:30'));

    await ringAlarm(local('2026-11-30 17:30'));
    expect(await badge()).toBe('1');
    expect((await loadDraft())?.trigger).toBe('schedule');
    expect((await fakeBrowser.alarms.get(NUDGE_ALARM))?.scheduledTime).toBe(
      local('2026-12-01 17:30'),
    );

    await ringAlarm(local('2026-12-01 17:30'));
    expect(await badge()).toBe('2');
  });

  it('a badge leaves a reflection the user already started as theirs: trigger and answers kept', async () => {
    await useNudges();
    await saveDraft({ ...emptyDraft('quick', 1), answers: { happened: 'I missed the stand-up' } });
    vi.setSystemTime(local('2026-11-30 10:00'));
    wake();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.1.0' });
    await ringAlarm(local('2026-11-30 17:30'));
    expect(await badge()).toBe('1');
    const draft = await loadDraft();
    expect(draft?.trigger).toBe('manual');
    expect(draft?.answers.happened).toBe('I missed the stand-up');
  });

  it('shows a notification with "Reflect now" and "Snooze 1 hour" when the user chose that', async () => {
    await useNudges((n) => ({ ...n, schedule: { ...n.schedule, delivery: 'notification' } }));
    vi.setSystemTime(local('2026-11-30 10:00'));
    wake();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.1.0' });
    await ringAlarm(local('2026-11-30 17:30'));

    const shown = Object.entries(await notifications());
    expect(shown).toHaveLength(1);
    const [id, options] = shown[0] ?? [];
    expect(options?.message).toMatch(/\?$/);
    expect(options?.buttons).toEqual([{ title: 'Reflect now' }, { title: 'Snooze 1 hour' }]);
    expect(await badge()).toBe('');
    expect((await getNudgeState()).notifications[id ?? '']?.trigger).toBe('schedule');
  });

  it('on install, opens the review page and adds the context menu entries', async () => {
    await useNudges();
    wake();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    expect(extras.options.opened).toBe(1);
    expect([...extras.menus.values()].map((m) => m.title)).toEqual([
      'Reflect on this page',
      'Reflect on the selection',
      // The fake browser has Chrome's sidePanel, as Chrome does.
      'Reflect in the side panel',
    ]);
  });

  it('re-plans at once when the settings change', async () => {
    await useNudges();
    vi.setSystemTime(local('2026-11-30 10:00'));
    wake();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.1.0' });
    await useNudges((n) => ({ ...n, schedule: { ...n.schedule, times: ['12:15'] } }));
    await vi.waitFor(async () =>
      expect((await fakeBrowser.alarms.get(NUDGE_ALARM))?.scheduledTime).toBe(
        local('2026-11-30 12:15'),
      ),
    );
    await useNudges((n) => ({ ...n, schedule: { ...n.schedule, enabled: false } }));
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(NUDGE_ALARM)).toBeUndefined());
  });

  it('a ring missed while the browser was closed fires once on start-up, not once per day', async () => {
    await useNudges();
    await nudgeStateItem.setValue({ ...EMPTY_NUDGE_STATE, scheduledAt: local('2026-11-25 17:30') });
    vi.setSystemTime(local('2026-11-30 10:00'));
    wake();
    await fakeBrowser.runtime.onStartup.trigger();
    const alarm = await fakeBrowser.alarms.get(NUDGE_ALARM);
    expect(alarm?.scheduledTime).toBe(local('2026-11-30 10:00'));

    await ringAlarm(local('2026-11-30 10:00'));
    await ringAlarm(local('2026-11-30 10:01')); // a duplicate ring
    expect(await badge()).toBe('1');
  });

  it('a saved reflection (the popup’s answer) resets back-off', async () => {
    await useNudges();
    await nudgeStateItem.setValue({ ...EMPTY_NUDGE_STATE, ignoredInARow: 6 });
    vi.setSystemTime(local('2026-11-30 10:00'));
    wake();
    await markNudgeAnswered(local('2026-11-30 10:00'));
    await vi.waitFor(async () => expect((await getNudgeState()).ignoredInARow).toBe(0));
  });
});

describe('notification click or button → prompt or snooze', () => {
  const id = 'fail-well-nudge:1';
  const context = { title: 'Sprint review — Meet', url: 'https://meet.google.com/abc-defg-hij' };

  async function openNotification(): Promise<void> {
    // Written by an earlier worker: this one knows it only from storage.
    await nudgeStateItem.setValue({
      ...EMPTY_NUDGE_STATE,
      notifications: { [id]: { trigger: 'site', context, createdAt: local('2026-11-30 11:00') } },
    });
    await fakeBrowser.notifications.create(id, {
      type: 'basic',
      iconUrl: 'icon.png',
      title: 'You just left Sprint review — Meet',
      message: 'How did it go?',
    });
  }

  it('a click opens the prompt with the notification’s trigger and page, keeping typed answers', async () => {
    await useNudges();
    await openNotification();
    await saveDraft({
      ...emptyDraft('quick', 1),
      answers: { happened: 'I talked over Sam' },
    });
    vi.setSystemTime(local('2026-11-30 11:05'));
    wake();
    await fakeBrowser.notifications.onClicked.trigger(id);

    const draft = await loadDraft();
    expect(draft?.trigger).toBe('site');
    expect(draft?.context).toEqual(context);
    expect(draft?.attachPage).toBe(true);
    expect(draft?.answers.happened).toBe('I talked over Sam');
    // No active window for openPopup in a worker: the popup page opens in a small window.
    expect(extras.opened).toEqual(['chrome-extension://test-extension-id/popup.html']);
    expect(await notifications()).toEqual({});
    expect((await getNudgeState()).notifications).toEqual({});
  });

  it('uses the toolbar popup itself where the browser allows it', async () => {
    await useNudges();
    await openNotification();
    extras.popupAllowed.value = true;
    wake();
    await fakeBrowser.notifications.onButtonClicked.trigger(id, 0); // "Reflect now"
    expect(extras.opened).toEqual(['popup']);
    expect((await loadDraft())?.context).toEqual(context);
  });

  it('dismissed by the user, a notification forgets its page; closed by the system, it keeps it', async () => {
    await useNudges();
    await openNotification();
    wake();
    await fakeBrowser.notifications.onClosed.trigger(id, false); // a timeout
    expect(Object.keys((await getNudgeState()).notifications)).toEqual([id]);
    await fakeBrowser.notifications.onClosed.trigger(id, true); // the user's ×
    expect((await getNudgeState()).notifications).toEqual({});
  });

  it('on Firefox, which reports every close as the user’s, a later click still knows the page', async () => {
    await useNudges();
    await openNotification();
    await handleNotificationClosed(id, true, false);
    wake();
    await fakeBrowser.notifications.onClicked.trigger(id);
    expect((await loadDraft())?.context).toEqual(context);
  });

  it('"Snooze 1 hour" brings the same nudge back an hour later', async () => {
    await useNudges((n) => ({ ...n, site: { ...n.site, enabled: true } }));
    extras.granted.add('tabs');
    await openNotification();
    const now = local('2026-11-30 11:05');
    vi.setSystemTime(now);
    wake();
    await fakeBrowser.notifications.onButtonClicked.trigger(id, 1);

    expect(await notifications()).toEqual({});
    expect(extras.opened).toEqual([]);
    const state = await getNudgeState();
    expect(state.snooze).toMatchObject({ until: now + 60 * MINUTE, remind: true, trigger: 'site' });
    expect((await fakeBrowser.alarms.get(NUDGE_ALARM))?.scheduledTime).toBe(now + 60 * MINUTE);

    await ringAlarm(now + 60 * MINUTE);
    const again = Object.values(await notifications());
    expect(again.map((n) => n.title)).toEqual(['You just left Sprint review — Meet']);
  });
});

describe('back from a break', () => {
  beforeEach(async () => {
    await useNudges((n) => ({ ...n, idle: { enabled: true, minutes: 30, delivery: 'badge' } }));
    wake();
  });

  it('a short break (10 minutes) does not nudge', async () => {
    vi.setSystemTime(local('2026-11-30 11:00'));
    await fire(fakeBrowser.idle.onStateChanged, 'idle');
    vi.setSystemTime(local('2026-11-30 11:09'));
    await fire(fakeBrowser.idle.onStateChanged, 'active');
    expect(await badge()).toBe('');
  });

  it('a long break (locked for 45 minutes) nudges once on return', async () => {
    vi.setSystemTime(local('2026-11-30 12:00'));
    await fire(fakeBrowser.idle.onStateChanged, 'locked');
    vi.setSystemTime(local('2026-11-30 12:45'));
    await fire(fakeBrowser.idle.onStateChanged, 'active');
    expect(await badge()).toBe('1');
    expect((await loadDraft())?.trigger).toBe('idle');
  });

  it('a long break that ends inside quiet hours does not nudge', async () => {
    vi.setSystemTime(local('2026-11-30 21:30'));
    await fire(fakeBrowser.idle.onStateChanged, 'idle');
    vi.setSystemTime(local('2026-11-30 23:00'));
    await fire(fakeBrowser.idle.onStateChanged, 'active');
    expect(await badge()).toBe('');
  });
});

describe('leaving a listed site (optional "tabs" permission)', () => {
  async function visitAndClose(): Promise<void> {
    vi.setSystemTime(local('2026-11-30 10:00'));
    await fire(fakeBrowser.tabs.onUpdated, 7, { url: 'https://meet.google.com/abc-defg-hij' }, {});
    await fire(fakeBrowser.tabs.onUpdated, 7, { title: 'Sprint review' }, {});
    vi.setSystemTime(local('2026-11-30 10:45'));
    await fire(fakeBrowser.tabs.onRemoved, 7, { windowId: 0, isWindowClosing: false });
  }

  it('closing a matching tab nudges with that page’s title as context', async () => {
    await useNudges((n) => ({
      ...n,
      site: { ...n.site, enabled: true, patterns: ['meet.google.com'] },
    }));
    extras.granted.add('tabs');
    wake();
    await visitAndClose();
    const shown = Object.entries(await notifications());
    expect(shown.map(([, n]) => n.title)).toEqual(['You just left Sprint review']);
    const state = await getNudgeState();
    expect(state.notifications[shown[0]?.[0] ?? '']?.context).toEqual({
      title: 'Sprint review',
      url: 'https://meet.google.com/abc-defg-hij',
    });
  });

  it('navigating away from a matching page nudges too; staying on the site does not', async () => {
    await useNudges((n) => ({
      ...n,
      site: { ...n.site, enabled: true, patterns: ['ci.example.com/builds/*'], delivery: 'badge' },
    }));
    extras.granted.add('tabs');
    wake();
    vi.setSystemTime(local('2026-11-30 10:00'));
    await fire(fakeBrowser.tabs.onUpdated, 3, { url: 'https://ci.example.com/builds/41' }, {});
    await fire(fakeBrowser.tabs.onUpdated, 3, { url: 'https://ci.example.com/builds/42' }, {});
    expect(await badge()).toBe('');
    await fire(fakeBrowser.tabs.onUpdated, 3, { url: 'https://news.example.org/' }, {});
    expect(await badge()).toBe('1');
    expect((await loadDraft())?.context?.url).toBe('https://ci.example.com/builds/42');
  });

  it('permission refused (or taken away): the trigger stays off, whatever the settings say', async () => {
    await useNudges((n) => ({
      ...n,
      site: { ...n.site, enabled: true, patterns: ['meet.google.com'] },
    }));
    wake();
    await visitAndClose();
    expect(await notifications()).toEqual({});

    extras.granted.add('tabs');
    await fire(fakeBrowser.permissions.onRemoved, { permissions: ['tabs'] });
    expect((await settingsItem.getValue()).nudges.site.enabled).toBe(false);
  });
});

describe('a failure in the browser (optional webNavigation / downloads)', () => {
  it('a page that fails to load nudges; one the user stopped does not', async () => {
    await useNudges((n) => ({ ...n, failure: { ...n.failure, navigation: true } }));
    extras.granted.add('webNavigation');
    wake();
    vi.setSystemTime(local('2026-11-30 10:00'));
    await fire(fakeBrowser.webNavigation.onErrorOccurred, {
      frameId: 0,
      url: 'https://ci.example.com/',
      error: 'net::ERR_ABORTED',
    });
    expect(await badge()).toBe('');
    await fire(fakeBrowser.webNavigation.onErrorOccurred, {
      frameId: 0,
      url: 'https://ci.example.com/',
      error: 'net::ERR_NAME_NOT_RESOLVED',
    });
    expect(await badge()).toBe('1');
    expect(await loadDraft()).toMatchObject({
      trigger: 'navigation-error',
      context: { url: 'https://ci.example.com/' },
    });
  });

  it('a failed download nudges with the file name; without the permission nothing happens', async () => {
    await useNudges((n) => ({ ...n, failure: { ...n.failure, downloads: true } }));
    extras.downloads.set(9, {
      id: 9,
      url: 'https://example.com/r.zip',
      filename: '/tmp/report.zip',
    });
    wake();
    const delta = {
      id: 9,
      state: { current: 'interrupted' },
      error: { current: 'NETWORK_FAILED' },
    };
    vi.setSystemTime(local('2026-11-30 10:00'));
    await fire(fakeBrowser.downloads.onChanged, delta);
    expect(await badge()).toBe('');

    extras.granted.add('downloads');
    await fire(fakeBrowser.downloads.onChanged, delta);
    expect(await badge()).toBe('1');
    expect((await loadDraft())?.context).toEqual({
      title: 'report.zip',
      url: 'https://example.com/r.zip',
    });
  });
});

describe('browser start-up: a lesson from before', () => {
  it('shows one past lesson in a notification, once a day', async () => {
    await useNudges((n) => ({ ...n, startup: { enabled: true, delivery: 'notification' } }));
    await saveReflection(
      createReflection(
        {
          template: 'quick',
          answers: {
            happened: 'Shipped without a rollback plan',
            learned: 'Write the rollback first.',
          },
          tags: [],
          sting: 3,
        },
        'r1',
        local('2026-11-01 12:00'),
      ),
    );
    vi.setSystemTime(local('2026-11-30 09:00'));
    wake();
    await fakeBrowser.runtime.onStartup.trigger();
    const shown = Object.values(await notifications());
    expect(shown.map((n) => [n.title, n.message])).toEqual([
      ['A lesson from before', 'Write the rollback first.'],
    ]);

    vi.setSystemTime(local('2026-11-30 14:00'));
    await fakeBrowser.runtime.onStartup.trigger();
    expect(Object.values(await notifications())).toHaveLength(1);
  });

  it('stays quiet when nothing has been learned yet', async () => {
    await useNudges((n) => ({ ...n, startup: { enabled: true, delivery: 'notification' } }));
    vi.setSystemTime(local('2026-11-30 09:00'));
    wake();
    await fakeBrowser.runtime.onStartup.trigger();
    expect(await notifications()).toEqual({});
  });
});

describe('context menu', () => {
  it('"Reflect on the selection" pre-fills title, address and selected text', async () => {
    await useNudges();
    wake();
    await fire(
      fakeBrowser.contextMenus.onClicked,
      { menuItemId: MENU_SELECTION, pageUrl: 'https://example.com/pr/12', selectionText: 'LGTM' },
      { title: 'PR #12' },
    );
    expect(await loadDraft()).toMatchObject({
      trigger: 'context-menu',
      attachPage: true,
      context: { title: 'PR #12', url: 'https://example.com/pr/12', selection: 'LGTM' },
    });
    expect(extras.opened).toHaveLength(1);
  });

  it.each([
    ['opens beside the page', true, 0],
    ['falls back to the prompt when no panel can open', false, 1],
  ])(
    '"Reflect in the side panel" %s, pre-filled with the page and selection',
    async (_, opens, prompts) => {
      await useNudges();
      wake();
      const panels: unknown[] = [];
      fakeBrowser.sidePanel.open = async (where: unknown) => {
        if (!opens) throw new Error('No user gesture');
        panels.push(where);
      };
      await fire(
        fakeBrowser.contextMenus.onClicked,
        { menuItemId: MENU_PANEL, pageUrl: 'https://example.com/incident', selectionText: 'p95' },
        { id: 7, title: 'Incident', windowId: 2 },
      );
      expect(await loadDraft()).toMatchObject({
        trigger: 'context-menu',
        context: { title: 'Incident', url: 'https://example.com/incident', selection: 'p95' },
      });
      expect(panels).toEqual(opens ? [{ tabId: 7 }] : []);
      expect(extras.opened).toHaveLength(prompts);
    },
  );

  it('"Reflect on this page" leaves any selection out', async () => {
    await useNudges();
    wake();
    await fire(
      fakeBrowser.contextMenus.onClicked,
      { menuItemId: MENU_PAGE, pageUrl: 'https://example.com/', selectionText: 'ignored' },
      { title: 'Example' },
    );
    expect((await loadDraft())?.context).toEqual({
      title: 'Example',
      url: 'https://example.com/',
    });
  });

  it('switching the menu off in the settings removes the entries', async () => {
    await useNudges();
    wake();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.1.0' });
    expect(extras.menus.size).toBe(3);
    await useNudges((n) => ({ ...n, contextMenu: { enabled: false } }));
    await vi.waitFor(() => expect(extras.menus.size).toBe(0));
  });

  it('quick changes one after another never create an entry twice', async () => {
    await useNudges();
    // Unserialised, both removed the entries before either created them: "duplicate id".
    await expect(
      Promise.all([syncContextMenus(), syncContextMenus(), syncContextMenus()]),
    ).resolves.toBeDefined();
    expect([...extras.menus.keys()].sort()).toEqual([MENU_PAGE, MENU_SELECTION, MENU_PANEL].sort());
  });
});

describe('reminders: due follow-ups and backups arrive as nudges', () => {
  const DAY = 86_400_000;
  const FOLLOW_UP_ID = 'fail-well-reminder:follow-up';
  const BACKUP_ID = 'fail-well-reminder:backup';

  async function useReminders(
    backupEvery: 'off' | 'weekly' | 'monthly' = 'off',
    patch: (n: NudgeSettings) => NudgeSettings = (n) => n,
  ): Promise<void> {
    const nudges = patch({
      ...DEFAULT_NUDGE_SETTINGS,
      schedule: { ...DEFAULT_NUDGE_SETTINGS.schedule, delivery: 'notification' },
    });
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, backupEvery, nudges });
  }

  /** A reflection whose first follow-up came due at `dueAt` (a later one is planned too). */
  async function saveCommitment(id: string, nextTime: string, dueAt: number): Promise<void> {
    const base = createReflection(
      {
        template: 'quick',
        answers: {
          happened: 'Merged on a Friday',
          learned: 'Fridays are for small changes',
          nextTime,
        },
        tags: [],
        sting: null,
      },
      id,
      dueAt - 7 * DAY,
    );
    await saveReflection({
      ...base,
      followUps: [
        { dueAt, answeredAt: null, outcome: null, note: '' },
        { dueAt: dueAt + 23 * DAY, answeredAt: null, outcome: null, note: '' },
      ],
    });
  }

  async function ringDueCheck(at: number): Promise<void> {
    vi.setSystemTime(at);
    await fakeBrowser.alarms.onAlarm.trigger({
      name: DUE_CHECK_ALARM,
      scheduledTime: at,
      periodInMinutes: DUE_CHECK_MINUTES,
      persistAcrossSessions: true,
    });
  }

  /** What the user does with a notification: close it (so any new one would be visible). */
  async function dismiss(id: string): Promise<void> {
    await fakeBrowser.notifications.clear(id);
    await fakeBrowser.notifications.onClosed.trigger(id, true);
  }

  async function tabUrls(): Promise<string[]> {
    return (await fakeBrowser.tabs.query({})).map((tab) => tab.url ?? '').filter(Boolean);
  }

  const ID = '11111111-0000-4000-8000-000000000001';

  it('starts the hourly check on install and keeps its period on update', async () => {
    await useReminders();
    vi.setSystemTime(local('2026-11-30 10:00'));
    wake();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    const first = await fakeBrowser.alarms.get(DUE_CHECK_ALARM);
    expect(first?.periodInMinutes).toBe(DUE_CHECK_MINUTES);
    vi.setSystemTime(local('2026-11-30 10:20'));
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.1.0' });
    expect((await fakeBrowser.alarms.get(DUE_CHECK_ALARM))?.scheduledTime).toBe(
      first?.scheduledTime,
    );
  });

  it('a due follow-up check is nudged once, quoting the commitment', async () => {
    await useReminders();
    await saveCommitment(ID, 'Ask for a second pair of eyes', local('2026-11-29 09:00'));
    wake();
    await ringDueCheck(local('2026-11-30 10:00'));

    expect(await notifications()).toEqual({
      [FOLLOW_UP_ID]: expect.objectContaining({
        title: 'Did you apply it?',
        message: 'You planned: “Ask for a second pair of eyes”. Click to say how it went.',
      }),
    });
    const state = await getNudgeState();
    expect(state.today.count).toBe(1);
    expect(state.openReminders[FOLLOW_UP_ID]).toEqual({
      kind: 'follow-up',
      reflectionId: ID,
      createdAt: local('2026-11-30 10:00'),
    });

    await dismiss(FOLLOW_UP_ID);
    await ringDueCheck(local('2026-11-30 12:00'));
    await ringDueCheck(local('2026-12-01 12:00'));
    expect(await notifications()).toEqual({});
    expect((await getNudgeState()).today).toEqual({ day: '2026-11-30', count: 1 });
  });

  it('a follow-up ignored once comes back when its next check is due', async () => {
    await useReminders();
    // Checks on 29 November and 22 December; the first is reminded of and ignored.
    await saveCommitment(ID, 'Ask for a second pair of eyes', local('2026-11-29 09:00'));
    wake();
    await ringDueCheck(local('2026-11-30 10:00'));
    await dismiss(FOLLOW_UP_ID);
    await ringDueCheck(local('2026-12-10 10:00'));
    expect(await notifications()).toEqual({});

    await ringDueCheck(local('2026-12-22 10:00'));
    expect(await notifications()).toEqual({
      [FOLLOW_UP_ID]: expect.objectContaining({
        message: 'You planned: “Ask for a second pair of eyes”. Click to say how it went.',
      }),
    });
    expect((await getNudgeState()).today).toEqual({ day: '2026-12-22', count: 1 });
    await dismiss(FOLLOW_UP_ID);
    await ringDueCheck(local('2026-12-22 12:00'));
    expect(await notifications()).toEqual({});
  });

  it('on start-up, a follow-up that came due while the browser was closed is nudged', async () => {
    await useReminders();
    await saveCommitment(ID, 'Write the rollback first', local('2026-11-28 09:00'));
    vi.setSystemTime(local('2026-11-30 09:30'));
    wake();
    await fakeBrowser.runtime.onStartup.trigger();
    expect(Object.keys(await notifications())).toEqual([FOLLOW_UP_ID]);
  });

  it('on start-up with a lesson from before, the lesson comes alone; the reminder waits', async () => {
    await useReminders('off', (n) => ({
      ...n,
      startup: { enabled: true, delivery: 'notification' },
    }));
    await saveCommitment(ID, 'Write the rollback first', local('2026-11-28 09:00'));
    vi.setSystemTime(local('2026-11-30 09:30'));
    wake();
    await fakeBrowser.runtime.onStartup.trigger();
    expect(Object.values(await notifications()).map((n) => n.title)).toEqual([
      'A lesson from before',
    ]);
    await ringDueCheck(local('2026-11-30 10:30'));
    expect(Object.keys(await notifications())).toHaveLength(2);
  });

  it('on start-up, a lesson that fails to show still lets the hourly check start and remind', async () => {
    await useReminders('off', (n) => ({
      ...n,
      startup: { enabled: true, delivery: 'notification' },
    }));
    await saveCommitment(ID, 'Write the rollback first', local('2026-11-28 09:00'));
    await fakeBrowser.alarms.clear(DUE_CHECK_ALARM); // the browser dropped it with the restart
    vi.setSystemTime(local('2026-11-30 09:30'));
    wake();
    // The lesson's notification is refused (say, notifications blocked for a moment).
    vi.spyOn(fakeBrowser.notifications, 'create').mockRejectedValueOnce(new Error('refused'));
    await expect(fakeBrowser.runtime.onStartup.trigger()).rejects.toThrow('refused');
    // The listener's promise rejects with the lesson's error before the reminder check ends.
    await vi.waitFor(async () =>
      expect(Object.keys(await notifications())).toEqual([FOLLOW_UP_ID]),
    );
    expect((await fakeBrowser.alarms.get(DUE_CHECK_ALARM))?.periodInMinutes).toBe(
      DUE_CHECK_MINUTES,
    );
  });

  it('several due follow-ups make one nudge that quotes the most overdue', async () => {
    await useReminders();
    await saveCommitment(ID, 'Newer one', local('2026-11-29 09:00'));
    await saveCommitment(
      '22222222-0000-4000-8000-000000000002',
      'Older one',
      local('2026-11-25 09:00'),
    );
    wake();
    await ringDueCheck(local('2026-11-30 10:00'));
    const shown = Object.values(await notifications());
    expect(shown.map((n) => n.message)).toEqual([
      'You planned: “Older one”. And 1 more to look back on. Click to say how it went.',
    ]);
  });

  it('not inside quiet hours: it waits for the next check outside them', async () => {
    await useReminders();
    await saveCommitment(ID, 'Sleep on big replies', local('2026-11-30 09:00'));
    wake();
    await ringDueCheck(local('2026-11-30 23:00'));
    expect(await notifications()).toEqual({});
    await ringDueCheck(local('2026-12-01 06:00'));
    expect(await notifications()).toEqual({});
    await ringDueCheck(local('2026-12-01 07:00'));
    expect(Object.keys(await notifications())).toEqual([FOLLOW_UP_ID]);
  });

  it('not over the daily cap, nor while snoozed or paused', async () => {
    await useReminders();
    await saveCommitment(ID, 'Sleep on big replies', local('2026-11-30 09:00'));
    await nudgeStateItem.setValue({
      ...EMPTY_NUDGE_STATE,
      today: { day: '2026-11-30', count: DEFAULT_NUDGE_SETTINGS.dailyCap },
    });
    wake();
    await ringDueCheck(local('2026-11-30 15:00'));
    expect(await notifications()).toEqual({});

    await nudgeStateItem.setValue({
      ...EMPTY_NUDGE_STATE,
      pause: { until: null },
    });
    await ringDueCheck(local('2026-12-01 15:00'));
    expect(await notifications()).toEqual({});

    await nudgeStateItem.setValue({
      ...EMPTY_NUDGE_STATE,
      snooze: { until: local('2026-12-02 16:00'), remind: false },
    });
    await ringDueCheck(local('2026-12-02 15:00'));
    expect(await notifications()).toEqual({});
    await ringDueCheck(local('2026-12-02 16:00'));
    expect(Object.keys(await notifications())).toEqual([FOLLOW_UP_ID]);
  });

  it('keeps back-off: soon after another nudge it waits, and a long ignored streak waits longer', async () => {
    await useReminders();
    await saveCommitment(ID, 'Sleep on big replies', local('2026-11-30 09:00'));
    await nudgeStateItem.setValue({ ...EMPTY_NUDGE_STATE, lastFiredAt: local('2026-11-30 14:50') });
    wake();
    await ringDueCheck(local('2026-11-30 15:00'));
    expect(await notifications()).toEqual({});

    // Five nudges ignored in a row (back-off after 3): the 30-minute gap has grown to 4 hours.
    await nudgeStateItem.setValue({
      ...EMPTY_NUDGE_STATE,
      ignoredInARow: 5,
      lastFiredAt: local('2026-12-01 09:00'),
    });
    await ringDueCheck(local('2026-12-01 12:00'));
    expect(await notifications()).toEqual({});
    await ringDueCheck(local('2026-12-01 13:00'));
    expect(Object.keys(await notifications())).toEqual([FOLLOW_UP_ID]);
  });

  it('not after it was answered in the review page', async () => {
    await useReminders();
    await saveCommitment(ID, 'Ask for a second pair of eyes', local('2026-11-29 09:00'));
    await storeFollowUpAnswer(ID, 'applied', '', local('2026-11-30 08:00'), { retryDays: 7 });
    wake();
    await ringDueCheck(local('2026-11-30 10:00'));
    expect(await notifications()).toEqual({});
    expect((await getNudgeState()).reminders.followUps).toEqual({});
  });

  it('"not yet" plans a new check, which is nudged again when it comes due', async () => {
    await useReminders();
    await saveCommitment(ID, 'Ask for a second pair of eyes', local('2026-11-29 09:00'));
    wake();
    await ringDueCheck(local('2026-11-30 10:00'));
    await dismiss(FOLLOW_UP_ID);
    await storeFollowUpAnswer(ID, 'not-yet', '', local('2026-11-30 11:00'), { retryDays: 7 });
    await ringDueCheck(local('2026-12-03 10:00'));
    expect(await notifications()).toEqual({});
    await ringDueCheck(local('2026-12-07 12:00'));
    expect(Object.keys(await notifications())).toEqual([FOLLOW_UP_ID]);
  });

  it('never when follow-ups are switched off', async () => {
    await settingsItem.setValue({
      ...DEFAULT_SETTINGS,
      followUps: { ...DEFAULT_SETTINGS.followUps, enabled: false },
      nudges: {
        ...DEFAULT_NUDGE_SETTINGS,
        schedule: { ...DEFAULT_NUDGE_SETTINGS.schedule, delivery: 'notification' },
      },
    });
    await saveCommitment(ID, 'Ask for a second pair of eyes', local('2026-11-29 09:00'));
    wake();
    await ringDueCheck(local('2026-11-30 10:00'));
    expect(await notifications()).toEqual({});
  });

  it('a click on it opens the Follow-through section at that follow-up', async () => {
    await useReminders();
    await saveCommitment(ID, 'Ask for a second pair of eyes', local('2026-11-29 09:00'));
    wake();
    await ringDueCheck(local('2026-11-30 10:00'));
    await fakeBrowser.notifications.onClicked.trigger(FOLLOW_UP_ID);
    expect(await tabUrls()).toContain(
      `chrome-extension://${fakeBrowser.runtime.id}/options.html#/follow-through?focus=${ID}`,
    );
    expect(await notifications()).toEqual({});
    expect((await getNudgeState()).openReminders).toEqual({});
    // Nothing else opened: the writing prompt is for "reflect now" nudges.
    expect(extras.opened).toEqual([]);
  });

  it('a click is an answer: back-off starts over and the schedule comes back to its pace', async () => {
    await useReminders();
    await saveCommitment(ID, 'Ask for a second pair of eyes', local('2026-11-29 09:00'));
    // Several nudges went unanswered: back-off stretches the schedule.
    await nudgeStateItem.setValue({
      ...EMPTY_NUDGE_STATE,
      ignoredInARow: 4,
      lastScheduleFiredAt: local('2026-11-27 17:30'),
    });
    wake();
    await ringDueCheck(local('2026-11-30 10:00'));
    const before = await getNudgeState();
    expect(before.ignoredInARow).toBe(5);

    vi.setSystemTime(local('2026-11-30 10:05'));
    await fakeBrowser.notifications.onClicked.trigger(FOLLOW_UP_ID);
    const after = await getNudgeState();
    expect(after.ignoredInARow).toBe(0);
    expect(after.scheduledAt).toBeLessThan(before.scheduledAt ?? 0);
    expect((await fakeBrowser.alarms.get(NUDGE_ALARM))?.scheduledTime).toBe(after.scheduledAt);
  });

  it('a click reuses a review page that is already open', async () => {
    await useReminders('weekly');
    await saveCommitment(ID, 'Ask for a second pair of eyes', local('2026-11-29 09:00'));
    const open = await fakeBrowser.tabs.create({
      url: fakeBrowser.runtime.getURL('/options.html#/lessons'),
    });
    const before = (await fakeBrowser.tabs.query({})).length;
    wake();
    await fakeBrowser.notifications.onClicked.trigger(BACKUP_ID);
    expect((await fakeBrowser.tabs.query({})).length).toBe(before);
    expect((await fakeBrowser.tabs.get(open.id ?? -1))?.url).toBe(
      `chrome-extension://${fakeBrowser.runtime.id}/options.html#/data`,
    );
  });

  it('with badge delivery, raises the badge and leaves the popup a link', async () => {
    await useReminders('off', (n) => ({ ...n, schedule: { ...n.schedule, delivery: 'badge' } }));
    await saveCommitment(ID, 'Ask for a second pair of eyes', local('2026-11-29 09:00'));
    wake();
    await ringDueCheck(local('2026-11-30 10:00'));
    expect(await badge()).toBe('1');
    expect(await notifications()).toEqual({});
    expect((await fakeBrowser.storage.local.get(BADGE_REMINDER_KEY))[BADGE_REMINDER_KEY]).toEqual({
      kind: 'follow-up',
      reflectionId: ID,
    });
    // Answered: the next check takes the popup's link away.
    await storeFollowUpAnswer(ID, 'applied', '', local('2026-11-30 11:00'), { retryDays: 7 });
    await ringDueCheck(local('2026-11-30 12:00'));
    expect(await fakeBrowser.storage.local.get(BADGE_REMINDER_KEY)).toEqual({});
  });

  describe('the backup reminder', () => {
    async function saveSome(): Promise<void> {
      await saveReflection(
        createReflection(
          { template: 'quick', answers: { learned: 'Export now and then' }, tags: [], sting: null },
          ID,
          local('2026-11-01 12:00'),
        ),
      );
    }

    it('weekly, never exported: once, then not again until a week has passed', async () => {
      await useReminders('weekly');
      await saveSome();
      wake();
      await ringDueCheck(local('2026-11-30 10:00'));
      expect(await notifications()).toEqual({
        [BACKUP_ID]: expect.objectContaining({
          title: 'Time for a backup',
          message: 'Your reflections have not been exported yet. One click keeps them safe.',
        }),
      });
      await dismiss(BACKUP_ID);
      await ringDueCheck(local('2026-12-01 10:00'));
      await ringDueCheck(local('2026-12-06 10:00'));
      expect(await notifications()).toEqual({});
      await ringDueCheck(local('2026-12-07 10:00'));
      expect(Object.keys(await notifications())).toEqual([BACKUP_ID]);
    });

    it('says how long since the last export, and an export stops it', async () => {
      await useReminders('weekly');
      await saveSome();
      await lastExportItem.setValue(local('2026-11-21 10:00'));
      wake();
      await ringDueCheck(local('2026-11-30 10:00'));
      expect(Object.values(await notifications()).map((n) => n.message)).toEqual([
        'Your last export was 9 days ago. One click keeps your reflections safe.',
      ]);
      await dismiss(BACKUP_ID);
      await lastExportItem.setValue(local('2026-11-30 11:00'));
      await ringDueCheck(local('2026-12-07 10:00'));
      expect(await notifications()).toEqual({});
      await ringDueCheck(local('2026-12-07 11:00'));
      expect(Object.keys(await notifications())).toEqual([BACKUP_ID]);
    });

    it('off: never', async () => {
      await useReminders('off');
      await saveSome();
      wake();
      await ringDueCheck(local('2026-11-30 10:00'));
      await ringDueCheck(local('2027-01-30 10:00'));
      expect(await notifications()).toEqual({});
    });

    it('no reflections yet: never', async () => {
      await useReminders('weekly');
      wake();
      await ringDueCheck(local('2026-11-30 10:00'));
      expect(await notifications()).toEqual({});
    });

    it('a follow-up goes first; the backup comes at a later check, not at the same time', async () => {
      await useReminders('weekly');
      await saveCommitment(ID, 'Ask for a second pair of eyes', local('2026-11-29 09:00'));
      wake();
      await ringDueCheck(local('2026-11-30 10:00'));
      expect(Object.keys(await notifications())).toEqual([FOLLOW_UP_ID]);
      await ringDueCheck(local('2026-11-30 11:00'));
      expect(Object.keys(await notifications()).sort()).toEqual([BACKUP_ID, FOLLOW_UP_ID]);
    });

    it('a click opens the Data section', async () => {
      await useReminders('weekly');
      await saveSome();
      wake();
      await ringDueCheck(local('2026-11-30 10:00'));
      await fakeBrowser.notifications.onClicked.trigger(BACKUP_ID);
      expect(await tabUrls()).toContain(
        `chrome-extension://${fakeBrowser.runtime.id}/options.html#/data`,
      );
    });
  });
});
