/**
 * State that the service worker and the extension's pages both change goes through one
 * cross-context lock (Web Locks, utils/core/cross-context-lock-browser.ts). Here the review page holds the
 * nudge state's lock: the worker's alarm handler waits for it in the queue, and after the
 * page's own change it works on fresh state, so neither change is lost.
 */
import type { WxtBrowser } from 'wxt/browser';
import { expect, serviceWorker, test } from './fixtures';

// Evaluated in extension pages and the worker, where the raw `chrome` API is the global.
declare const chrome: WxtBrowser;

test('the worker waits for the nudge-state lock a page holds, then keeps the page’s change', async ({
  context,
  openPage,
}) => {
  const page = await openPage('options.html#/nudges');
  const worker = await serviceWorker(context);

  // The page takes the lock, as its own snooze or pause would.
  await page.evaluate(
    () =>
      new Promise<void>((held) => {
        void navigator.locks.request(
          'fail-well:nudge-state',
          () =>
            new Promise<void>((release) => {
              (window as { release?: () => void }).release = release;
              held();
            }),
        );
      }),
  );
  const before = await page.evaluate(
    async () => (await chrome.storage.local.get('nudgeState')).nudgeState,
  );

  // The schedule alarm rings in the worker meanwhile.
  await worker.evaluate(() => chrome.alarms.create('fail-well-nudge', { when: Date.now() }));
  await expect
    .poll(() =>
      page.evaluate(
        async () =>
          (await navigator.locks.query()).pending?.filter((p) => p.name === 'fail-well:nudge-state')
            .length,
      ),
    )
    .toBe(1);
  // Waiting, the worker has written nothing.
  expect(
    await page.evaluate(async () => (await chrome.storage.local.get('nudgeState')).nudgeState),
  ).toEqual(before);

  // Under its lock the page pauses nudges, then lets go.
  await page.evaluate(async () => {
    const { nudgeState } = await chrome.storage.local.get('nudgeState');
    await chrome.storage.local.set({
      nudgeState: { ...(nudgeState as object), pause: { until: null } },
    });
    (window as { release?: () => void }).release?.();
  });

  // The worker's turn came after the page's change: it read the pause and kept it.
  await expect
    .poll(() => page.evaluate(async () => (await navigator.locks.query()).pending?.length ?? 0))
    .toBe(0);
  await expect
    .poll(async () =>
      page.evaluate(async () => {
        const { nudgeState } = await chrome.storage.local.get('nudgeState');
        return (nudgeState as { pause?: unknown } | undefined)?.pause;
      }),
    )
    .toEqual({ until: null });
  expect(await page.evaluate(() => chrome.notifications.getAll())).toEqual({});
  expect(await page.evaluate(() => chrome.action.getBadgeText({}))).toBe('');
});
