import type { WxtBrowser } from 'wxt/browser';
import { expect, serviceWorker, storedReflections, test } from './fixtures';

// Evaluated in the worker, where the raw `chrome` API is the global.
declare const chrome: WxtBrowser;

test('a reflection typed in the popup is stored in IndexedDB and listed on the options page', async ({
  openPage,
}) => {
  const popup = await openPage('popup.html');
  await expect(popup.getByRole('textbox', { name: 'What happened?' })).toBeFocused();
  await popup.keyboard.type('I pushed a migration without a backup');
  await popup
    .getByRole('textbox', { name: 'What did I learn?' })
    .fill('Backups before migrations, always');
  await popup
    .getByRole('textbox', { name: 'What will I do next time?' })
    .fill('Run the backup script first');
  await popup.getByRole('combobox', { name: 'Tags' }).fill('databases, ops');
  await popup.getByRole('radio', { name: '4 — quite a bit' }).check();
  await popup.keyboard.press('Control+Enter');
  await expect(popup.getByRole('heading', { name: 'Saved. Lesson kept.' })).toBeVisible();

  const [stored] = await storedReflections(popup);
  expect(stored).toMatchObject({
    template: 'quick',
    answers: {
      happened: 'I pushed a migration without a backup',
      learned: 'Backups before migrations, always',
      nextTime: 'Run the backup script first',
    },
    tags: ['databases', 'ops'],
    sting: 4,
    trigger: 'manual',
    deletedAt: null,
  });

  const options = await openPage('options.html');
  const card = options.getByRole('article');
  await expect(card).toHaveCount(1);
  await expect(card.getByText('Backups before migrations, always')).toBeVisible();
  await expect(card.getByText('databases')).toBeVisible();
});

test('a draft survives closing and reopening the popup', async ({ openPage }) => {
  const popup = await openPage('popup.html');
  await popup
    .getByRole('textbox', { name: 'What happened?' })
    .pressSequentially('Missed the standup');
  await popup.getByRole('combobox', { name: 'Tags' }).pressSequentially('meet');
  // Closing right after the last keystroke, like a popup losing focus.
  await popup.close({ runBeforeUnload: true });

  const again = await openPage('popup.html');
  await expect(again.getByRole('textbox', { name: 'What happened?' })).toHaveValue(
    'Missed the standup',
  );
  await expect(again.getByRole('combobox', { name: 'Tags' })).toHaveValue('meet');
});

test('HTML and script in a reflection are shown as text and run nothing', async ({ openPage }) => {
  const hostile =
    '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b>bold</b>';
  const popup = await openPage('popup.html');
  await popup.getByRole('textbox', { name: 'What did I learn?' }).fill(hostile);
  await popup.keyboard.press('Control+Enter');
  await expect(popup.getByRole('heading', { name: 'Saved. Lesson kept.' })).toBeVisible();

  const options = await openPage('options.html');
  await expect(options.getByRole('article').getByText(hostile, { exact: true })).toBeVisible();
  await expect(options.locator('article img, article script, article b')).toHaveCount(0);
  expect(await options.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('neither the pages nor the service worker make a network request', async ({
  context,
  openPage,
}) => {
  // Playwright follows the service worker's network too (CDP Network domain on its target):
  // a request the worker makes is seen, so the empty list below means something.
  const requests: string[] = [];
  context.on('request', (request) => {
    if (!request.url().startsWith('chrome-extension://')) {
      requests.push(`${request.serviceWorker() ? 'worker' : 'page'} ${request.url()}`);
    }
  });
  const worker = await serviceWorker(context);
  await worker.evaluate(() => fetch('http://127.0.0.1:9/control').catch(() => undefined));
  await expect.poll(() => requests).toEqual(['worker http://127.0.0.1:9/control']);
  requests.length = 0;

  const popup = await openPage('popup.html');
  await popup.getByRole('textbox', { name: 'What did I learn?' }).fill('Nothing leaves the device');
  await popup.keyboard.press('Control+Enter');
  await expect(popup.getByRole('heading', { name: 'Saved. Lesson kept.' })).toBeVisible();
  // The worker wakes for its alarms: the schedule and the reminder check.
  await worker.evaluate(async () => {
    await chrome.alarms.create('fail-well-nudge', { when: Date.now() });
    await chrome.alarms.create('fail-well-due-check', { when: Date.now() });
  });
  const options = await openPage('options.html');
  await expect(options.getByRole('article')).toHaveCount(1);
  await options.getByRole('button', { name: 'Read all answers' }).click();
  for (const section of ['Insights', 'Follow-through', 'Data', 'Nudges', 'Preferences']) {
    await options.getByRole('link', { name: section }).click();
    await expect(options.getByRole('heading', { name: section, level: 2 })).toBeVisible();
  }
  await options.waitForLoadState('networkidle');
  expect(requests).toEqual([]);
});
