/**
 * Nudges in a real Chromium: alarms that ring on schedule, a service worker stopped the way
 * the browser stops it and woken again by the next alarm, a notification click handled by a
 * fresh worker that knows the nudge only from storage, and the context menu entry.
 *
 * Chrome's own notification and menu clicks cannot be made from a test, so the tests dispatch
 * those events in the worker exactly as Chrome would (`event.dispatch(...)`): everything after
 * the click is the real extension.
 */
import type { CDPSession, Page, Worker } from '@playwright/test';
import type { WxtBrowser } from 'wxt/browser';
import { expect, serviceWorker, storedReflections, test } from './fixtures';

// Evaluated in extension pages and the worker, where the raw `chrome` API is the global.
declare const chrome: WxtBrowser;

const ALARM = 'fail-well-nudge';

/** Follow the worker's running status over CDP, and stop it like the browser does when idle. */
async function workerControl(page: Page) {
  const session: CDPSession = await page.context().newCDPSession(page);
  const statuses: string[] = [];
  session.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const version of versions) statuses.push(version.runningStatus);
  });
  await session.send('ServiceWorker.enable');
  return {
    statuses,
    async stop() {
      statuses.length = 0;
      await session.send('ServiceWorker.stopAllWorkers');
      await expect.poll(() => statuses.includes('stopped')).toBe(true);
      statuses.length = 0;
    },
  };
}

/** Nudge settings written as the options page would write them. */
async function setNudges(page: Page, nudges: Record<string, unknown>): Promise<void> {
  await page.evaluate(async (patch) => {
    const stored = await chrome.storage.sync.get('settings');
    const settings = (stored.settings ?? {}) as { nudges?: Record<string, unknown> };
    const current = settings.nudges ?? {};
    await chrome.storage.sync.set({ settings: { ...settings, nudges: { ...current, ...patch } } });
  }, nudges);
}

/**
 * Bring the planned ring forward to now, as if its minute had come: under the nudge state's
 * lock (the worker's handlers take it too), the planned time becomes now and the alarm rings
 * at once. The worker then handles a due slot exactly as at the planned minute — so the test
 * need not wait for real minute boundaries on a loaded machine.
 */
async function ringNow(page: Page): Promise<void> {
  await page.evaluate(
    (name) =>
      navigator.locks.request('fail-well:nudge-state', async () => {
        const now = Date.now();
        const { nudgeState } = await chrome.storage.local.get('nudgeState');
        await chrome.storage.local.set({
          nudgeState: { ...(nudgeState as object), scheduledAt: now },
        });
        await chrome.alarms.create(name, { when: now });
      }),
    ALARM,
  );
}

async function badgeText(page: Page): Promise<string> {
  return page.evaluate(() => chrome.action.getBadgeText({}));
}

/**
 * Wait until the extension has opened its prompt: the toolbar popup (a POPUP context, which
 * headless Chromium runs but Playwright cannot attach to) or a popup-sized window. Then open
 * the same page as a tab to look at it: it shows exactly what that popup shows.
 */
async function promptOpened(page: Page, openPage: (path: string) => Promise<Page>): Promise<Page> {
  await expect
    .poll(() =>
      page.evaluate(async () =>
        (await chrome.runtime.getContexts({}))
          .filter((c) => c.documentUrl?.includes('/popup.html'))
          .map((c) => c.contextType),
      ),
    )
    .toEqual([expect.stringMatching(/^(POPUP|TAB)$/)]);
  return openPage('popup.html');
}

async function markWorker(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    (globalThis as { __beforeStop?: boolean }).__beforeStop = true;
  });
}

/** Whether the worker is a fresh instance (nothing in memory survived the stop). */
async function isFreshWorker(worker: Worker): Promise<boolean> {
  return worker.evaluate(() => (globalThis as { __beforeStop?: boolean }).__beforeStop !== true);
}

test('a near-future schedule fires and sets the badge; after the worker is stopped the next alarm still wakes it and nudges, and a click on that nudge opens the prompt', async ({
  context,
  openPage,
}) => {
  const page = await openPage('options.html#/nudges');
  const worker = await serviceWorker(context);
  const control = await workerControl(page);

  // Two slots, two and three minutes ahead (the schedule works in whole minutes; a minute of
  // margin so the plan is the first slot even on a slow machine). The test does not wait for
  // them: once the plan is checked, each ring is brought forward to now (ringNow).
  const slots = await page.evaluate(async () => {
    const at = (ahead: number) => {
      const d = new Date();
      d.setSeconds(0, 0);
      d.setMinutes(d.getMinutes() + ahead);
      return d;
    };
    const hhmm = (d: Date) =>
      `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
    return { times: [hhmm(at(2)), hhmm(at(3))], first: at(2).getTime(), second: at(3).getTime() };
  });
  await setNudges(page, {
    schedule: {
      enabled: true,
      mode: 'times',
      times: slots.times,
      weekdays: [0, 1, 2, 3, 4, 5, 6],
      delivery: 'badge',
    },
    quietHours: { enabled: false, start: '22:00', end: '07:00' },
    dailyCap: 24,
  });

  // The background re-planned from the settings change: the alarm is set for the first slot.
  await expect
    .poll(() =>
      page.evaluate(async (name) => (await chrome.alarms.get(name))?.scheduledTime, ALARM),
    )
    .toBe(slots.first);
  await expect(page.getByText(/^Next nudge: (today|tomorrow) \d\d:\d\d$/)).toBeVisible();

  await ringNow(page);
  await expect.poll(() => badgeText(page)).toBe('1');

  // The second nudge comes as a notification; then the worker is stopped before it is due.
  await setNudges(page, {
    schedule: {
      enabled: true,
      mode: 'times',
      times: slots.times,
      weekdays: [0, 1, 2, 3, 4, 5, 6],
      delivery: 'notification',
    },
  });
  // Planned again from the settings change: the first slot, whose minute has not really come
  // (its ring was brought forward), or the second.
  await expect
    .poll(async () =>
      [slots.first, slots.second].includes(
        (await page.evaluate(
          async (name) => (await chrome.alarms.get(name))?.scheduledTime,
          ALARM,
        )) ?? 0,
      ),
    )
    .toBe(true);
  await markWorker(worker);
  await control.stop();
  await ringNow(page);

  // The alarm wakes a new worker, which shows the notification and remembers it in storage.
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const { nudgeState } = await chrome.storage.local.get('nudgeState');
        return Object.values(
          (nudgeState as { notifications?: Record<string, { trigger: string }> })?.notifications ??
            {},
        ).map((n) => n.trigger);
      }),
    )
    .toEqual(['schedule']);
  expect(control.statuses).toContain('running');
  const shown = await page.evaluate(() => chrome.notifications.getAll());
  expect(Object.keys(shown)).toHaveLength(1);
  const id = Object.keys(shown)[0] ?? '';

  // Stopped again; the click reaches yet another fresh worker, which opens the prompt.
  await control.stop();
  await worker.evaluate((nid) => {
    (chrome.notifications.onClicked as unknown as { dispatch: (id: string) => void }).dispatch(nid);
  }, id);
  expect(await isFreshWorker(worker)).toBe(true);
  const popup = await promptOpened(page, openPage);
  await popup.getByRole('textbox', { name: 'What did I learn?' }).fill('Stop at five, really');
  await popup.keyboard.press('Control+Enter');
  await expect(popup.getByRole('heading', { name: 'Saved. Lesson kept.' })).toBeVisible();
  const [stored] = await storedReflections(popup);
  expect(stored).toMatchObject({ trigger: 'schedule', context: null });
  expect(await badgeText(page)).toBe('');
});

test('a notification clicked after a worker restart opens the prompt with its page as context', async ({
  context,
  openPage,
}) => {
  const page = await openPage('options.html');
  const worker = await serviceWorker(context);
  const control = await workerControl(page);
  const id = 'fail-well-nudge:e2e';
  // Let the install finish planning the default schedule, so it cannot write over the seed.
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const { nudgeState } = await chrome.storage.local.get('nudgeState');
        return typeof (nudgeState as { scheduledAt?: unknown })?.scheduledAt;
      }),
    )
    .toBe('number');
  // What a "leaving a listed site" nudge leaves behind: the notification, and its context in
  // storage under the notification's id.
  await page.evaluate(async (nid) => {
    const { nudgeState = {} } = await chrome.storage.local.get('nudgeState');
    await chrome.storage.local.set({
      nudgeState: {
        ...(nudgeState as object),
        notifications: {
          [nid]: {
            trigger: 'site',
            context: { title: 'Sprint review', url: 'https://meet.example.com/sprint' },
            createdAt: Date.now(),
          },
        },
      },
    });
    await chrome.notifications.create(nid, {
      type: 'basic',
      iconUrl: chrome.runtime.getURL('/notification-icon.png'),
      title: 'You just left Sprint review',
      message: 'How did it go? Anything worth a lesson?',
      buttons: [{ title: 'Reflect now' }, { title: 'Snooze 1 hour' }],
    });
  }, id);

  await markWorker(worker);
  await control.stop();
  // "Reflect now" (button 0), as Chrome dispatches it to the woken worker.
  await worker.evaluate((nid) => {
    (
      chrome.notifications.onButtonClicked as unknown as {
        dispatch: (id: string, button: number) => void;
      }
    ).dispatch(nid, 0);
  }, id);
  expect(await isFreshWorker(worker)).toBe(true);

  const popup = await promptOpened(page, openPage);
  await expect(
    popup.getByRole('checkbox', { name: 'Attach this page: Sprint review' }),
  ).toBeChecked();
  await popup.getByRole('textbox', { name: 'What happened?' }).fill('I talked over the demo');
  await popup.keyboard.press('Control+Enter');
  await expect(popup.getByRole('heading', { name: 'Saved. Lesson kept.' })).toBeVisible();
  const [stored] = await storedReflections(popup);
  expect(stored).toMatchObject({
    trigger: 'site',
    context: { title: 'Sprint review', url: 'https://meet.example.com/sprint' },
  });
  expect(await page.evaluate(() => chrome.notifications.getAll())).toEqual({});
});

test('the context menu entry pre-fills the popup with the page and the selection', async ({
  context,
  openPage,
}) => {
  const page = await openPage('options.html');
  const worker = await serviceWorker(context);
  await worker.evaluate(() => {
    (
      chrome.contextMenus.onClicked as unknown as {
        dispatch: (info: object, tab: object) => void;
      }
    ).dispatch(
      {
        menuItemId: 'fail-well-reflect-selection',
        pageUrl: 'https://example.com/pull/12',
        selectionText: 'LGTM, ship it',
        editable: false,
      },
      { title: 'Pull request #12', url: 'https://example.com/pull/12', id: 1 },
    );
  });
  const popup = await promptOpened(page, openPage);
  await expect(
    popup.getByRole('checkbox', { name: 'Attach this page: Pull request #12' }),
  ).toBeChecked();
  await popup
    .getByRole('textbox', { name: 'What did I learn?' })
    .fill('Read the diff, not the vibe');
  await popup.keyboard.press('Control+Enter');
  await expect(popup.getByRole('heading', { name: 'Saved. Lesson kept.' })).toBeVisible();
  const [stored] = await storedReflections(page);
  expect(stored).toMatchObject({
    trigger: 'context-menu',
    context: {
      title: 'Pull request #12',
      url: 'https://example.com/pull/12',
      selection: 'LGTM, ship it',
    },
  });
});
