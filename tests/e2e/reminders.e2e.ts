/**
 * Follow-up and backup reminders in a real Chromium: a reflection whose follow-up is due is
 * seeded, the service worker is stopped the way the browser stops it, and the reminder
 * check's own alarm wakes a fresh worker, which shows the notification. A click (dispatched
 * in the worker exactly as Chrome would: a test cannot click a system notification) brings
 * the open review page to the follow-up.
 */
import type { BrowserContext, CDPSession, Page, Worker } from '@playwright/test';
import type { WxtBrowser } from 'wxt/browser';
import { expect, serviceWorker, test } from './fixtures';
import { reflection, seedReflections } from './seed';

// Evaluated in extension pages and the worker, where the raw `chrome` API is the global.
declare const chrome: WxtBrowser;

const DAY = 86_400_000;
const CHECK = 'fail-well-due-check';
const ID = 'cccccccc-0000-4000-8000-000000000001';

/** Stop the service worker like the browser does when idle, and wait until it has stopped. */
async function stopWorker(page: Page, worker: Worker): Promise<void> {
  const session: CDPSession = await page.context().newCDPSession(page);
  let stopped = false;
  session.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    if (versions.some((v) => v.runningStatus === 'stopped')) stopped = true;
  });
  await session.send('ServiceWorker.enable');
  await worker.evaluate(() => {
    (globalThis as { __beforeStop?: boolean }).__beforeStop = true;
  });
  await session.send('ServiceWorker.stopAllWorkers');
  await expect.poll(() => stopped).toBe(true);
}

/** Settings as the options page writes them: notifications, no quiet hours in the way. */
async function useSettings(
  page: Page,
  patch: Record<string, unknown>,
  delivery: 'badge' | 'notification' = 'notification',
): Promise<void> {
  await page.evaluate(
    async ([extra, how]) => {
      const { settings = {} } = await chrome.storage.sync.get('settings');
      const current = settings as { nudges?: { schedule?: object } };
      await chrome.storage.sync.set({
        settings: {
          ...current,
          ...extra,
          nudges: {
            ...current.nudges,
            schedule: { ...current.nudges?.schedule, delivery: how },
            quietHours: { enabled: false, start: '22:00', end: '07:00' },
            dailyCap: 24,
          },
        },
      });
    },
    [patch, delivery] as const,
  );
}

/** Ring the reminder check in a moment (the alarm wakes the stopped worker). */
async function ringCheckSoon(page: Page): Promise<void> {
  await page.evaluate(
    (name) => chrome.alarms.create(name, { when: Date.now() + 500, periodInMinutes: 60 }),
    CHECK,
  );
}

async function openReminders(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(async () => {
    const { nudgeState } = await chrome.storage.local.get('nudgeState');
    return (nudgeState as { openReminders?: Record<string, unknown> })?.openReminders ?? {};
  });
}

/** The review page, open and drawn, and the worker's handle (to stop it, or click in it). */
async function openReview(
  openPage: (path: string) => Promise<Page>,
  context: BrowserContext,
): Promise<{ page: Page; worker: Worker }> {
  const page = await openPage('options.html#/lessons');
  await expect(
    page.getByRole('heading', { name: 'Turn setbacks into lessons', level: 2 }),
  ).toBeVisible();
  return { page, worker: await serviceWorker(context) };
}

/** A reflection written 8 days ago whose follow-up came due yesterday (`later` checks after it). */
function dueCommitment(
  now: number,
  answers: { happened: string; learned: string; nextTime: string },
  later: number[] = [],
): Record<string, unknown> {
  return {
    ...reflection(ID, now - 8 * DAY, { learned: answers.learned }),
    answers,
    followUps: [now - DAY, ...later].map((dueAt) => ({
      dueAt,
      answeredAt: null,
      outcome: null,
      note: '',
    })),
  };
}

async function click(worker: Worker, id: string): Promise<void> {
  await worker.evaluate((nid) => {
    (chrome.notifications.onClicked as unknown as { dispatch: (id: string) => void }).dispatch(nid);
  }, id);
}

test('a due follow-up arrives as a notification from a woken worker, and its click opens Follow-through at that card', async ({
  context,
  openPage,
}) => {
  const { page, worker } = await openReview(openPage, context);
  const now = Date.now();
  await seedReflections(page, 0, now, [
    dueCommitment(
      now,
      {
        happened: 'A 2,000-line change sat for a week.',
        learned: 'Small pull requests get real reviews',
        nextTime: 'Split the change before asking for review',
      },
      [now + 22 * DAY],
    ),
  ]);
  await useSettings(page, {});
  await stopWorker(page, worker);
  await ringCheckSoon(page);

  const id = 'fail-well-reminder:follow-up';
  await expect
    .poll(() => page.evaluate(() => chrome.notifications.getAll()))
    .toEqual({ [id]: true });
  expect(await openReminders(page)).toEqual({
    [id]: { kind: 'follow-up', reflectionId: ID, createdAt: expect.any(Number) },
  });
  // The badge stays for "reflect now" nudges: a reminder went to the notification.
  expect(await page.evaluate(() => chrome.action.getBadgeText({}))).toBe('');

  await stopWorker(page, worker);
  await click(worker, id);
  // The open review page is reused (no second tab) and moves to the follow-up, focused.
  await expect(page).toHaveURL(new RegExp(`/options\\.html#/follow-through\\?focus=${ID}$`));
  const card = page.getByRole('article', { name: 'Did you apply it?' });
  await expect(card).toContainText('Split the change before asking for review');
  await expect(card).toBeFocused();
  expect(context.pages().filter((p) => p.url().includes('/options.html'))).toHaveLength(1);
  await expect.poll(() => page.evaluate(() => chrome.notifications.getAll())).toEqual({});

  // Answering it here settles it.
  await card.getByRole('button', { name: 'Applied', exact: true }).click();
  await expect(page.getByText('Nothing to check on right now.')).toBeVisible();
});

test('a due backup reminder opens the Data section in a new tab when none is open', async ({
  context,
  openPage,
}) => {
  const { page, worker } = await openReview(openPage, context);
  await seedReflections(page, 0, Date.now(), [
    reflection(ID, Date.now() - 20 * DAY, { learned: 'Keep a copy somewhere else' }),
  ]);
  await useSettings(page, { backupEvery: 'weekly' });
  await ringCheckSoon(page);
  const id = 'fail-well-reminder:backup';
  await expect
    .poll(() => page.evaluate(() => chrome.notifications.getAll()))
    .toEqual({ [id]: true });

  // The user has moved on to other pages: none shows the review page.
  await context.newPage();
  await page.close();
  const opened = context.waitForEvent('page');
  await click(worker, id);
  const data = await opened;
  await expect(data).toHaveURL(/\/options\.html#\/data$/);
  await expect(data.getByRole('heading', { name: 'Your data', level: 2 })).toBeVisible();
});

test('with badge delivery, the reminder raises the badge and the popup links to the follow-up', async ({
  context,
  openPage,
}) => {
  const { page, worker } = await openReview(openPage, context);
  const now = Date.now();
  await seedReflections(page, 0, now, [
    dueCommitment(now, {
      happened: 'I took on too much.',
      learned: 'Say no early',
      nextTime: 'Check my week before saying yes',
    }),
  ]);
  await useSettings(page, {}, 'badge');
  await stopWorker(page, worker);
  await ringCheckSoon(page);
  await expect.poll(() => page.evaluate(() => chrome.action.getBadgeText({}))).toBe('1');
  expect(await page.evaluate(() => chrome.notifications.getAll())).toEqual({});

  // The popup, as the toolbar click opens it: the prompt as usual, and a line under it.
  const popup = await openPage('popup.html');
  const link = popup.getByRole('link', { name: 'A follow-up is waiting: did you apply it?' });
  await expect(link).toBeVisible();
  await expect.poll(() => page.evaluate(() => chrome.action.getBadgeText({}))).toBe('');
  for (const scheme of ['light', 'dark'] as const) {
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.screenshot({ path: `/tmp/fail-well-popup-reminder-${scheme}.png`, fullPage: true });
  }
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/options\\.html#/follow-through\\?focus=${ID}$`));
  await expect(page.getByRole('article', { name: 'Did you apply it?' })).toBeFocused();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `/tmp/fail-well-follow-focus-${scheme}.png` });
  }
});
