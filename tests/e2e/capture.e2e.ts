import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { WxtBrowser } from 'wxt/browser';
import {
  closeFirstRunTab,
  EXTENSION_PATH,
  expect,
  launchWithExtension,
  serviceWorker,
  storedReflections,
  test,
} from './fixtures';

// The raw `chrome` API: the global in the worker and in the extension's pages.
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

test('two prompts open at once: typing in both, in turn and together, loses nothing', async ({
  openPage,
}) => {
  const first = await openPage('popup.html');
  const second = await openPage('popup.html');
  const answer = (page: Page, name: string) => page.getByRole('textbox', { name });
  // Both apps mounted (their Save buttons are there) before anyone types.
  await expect(first.getByRole('button', { name: 'Save reflection' })).toBeVisible();
  await expect(second.getByRole('button', { name: 'Save reflection' })).toBeVisible();

  await first.bringToFront();
  await answer(first, 'What happened?').pressSequentially('Missed the stand-up');
  await expect(answer(second, 'What happened?')).toHaveValue('Missed the stand-up');
  await second.bringToFront();
  await answer(second, 'What did I learn?').pressSequentially('Set an alarm');
  await expect(answer(first, 'What did I learn?')).toHaveValue('Set an alarm');
  // The same answer in both, before either write lands.
  await Promise.all([
    answer(first, 'What will I do next time?').fill('Ask for notes'),
    answer(second, 'What will I do next time?').fill('Block the calendar'),
  ]);
  for (const page of [first, second]) {
    await expect(answer(page, 'What will I do next time?')).toHaveValue(
      /Ask for notes[\s\S]*Block the calendar|Block the calendar[\s\S]*Ask for notes/,
    );
  }

  await second.keyboard.press('Control+Enter');
  await expect(second.getByRole('heading', { name: 'Saved. Lesson kept.' })).toBeVisible();
  const [stored] = await storedReflections(second);
  expect(stored?.answers).toEqual({
    happened: 'Missed the stand-up',
    learned: 'Set an alarm',
    nextTime: expect.stringMatching(
      /Ask for notes[\s\S]*Block the calendar|Block the calendar[\s\S]*Ask for notes/,
    ),
  });
  // Everything is saved: the other prompt starts afresh, and no draft is left behind.
  await expect(answer(first, 'What happened?')).toHaveValue('');
  expect(await first.evaluate(async () => (await chrome.storage.local.get('draft')).draft)).toEqual(
    expect.objectContaining({ cleared: true }),
  );
});

/**
 * A copy of the build that holds `tabs`: the toolbar popup reads the page through the
 * `activeTab` grant a click on the icon gives, which no automation can give; `tabs` lets
 * `tabs.query` see the same title and URL.
 */
function buildWithTabs(dir: string): string {
  const copy = join(dir, 'extension');
  cpSync(EXTENSION_PATH, copy, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8'));
  manifest.permissions = [...manifest.permissions, 'tabs'];
  writeFileSync(join(copy, 'manifest.json'), JSON.stringify(manifest));
  return copy;
}

test('"attach the page I\'m on by default" attaches it: the saved reflection holds its title and URL', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'fail-well-e2e-'));
  const context = await launchWithExtension(join(dir, 'profile'), buildWithTabs(dir));
  try {
    const worker = await serviceWorker(context);
    await closeFirstRunTab(context);
    // The page the user is on, served by the test: nothing goes to the network.
    await context.route('https://ci.example.com/**', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><title>Build #42 failed</title><p>red</p>',
      }),
    );
    const site = await context.newPage();
    await site.goto('https://ci.example.com/builds/42');
    await worker.evaluate(async () => {
      await chrome.storage.sync.set({ settings: { attachPageByDefault: true } });
    });
    // The prompt opens beside the page, which stays the active tab of its window, as it is
    // under the toolbar popup.
    const opened = context.waitForEvent('page');
    await worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ url: 'https://ci.example.com/*' });
      await chrome.tabs.create({
        windowId: tab?.windowId,
        url: chrome.runtime.getURL('/popup.html'),
        active: false,
      });
    });
    const popup = await opened;
    await expect(
      popup.getByRole('checkbox', { name: 'Attach this page: Build #42 failed' }),
    ).toBeChecked();
    await popup.getByRole('textbox', { name: 'What happened?' }).fill('Merged on a red build');
    await popup.keyboard.press('Control+Enter');
    await expect(popup.getByRole('heading', { name: 'Saved. Lesson kept.' })).toBeVisible();
    const [stored] = await storedReflections(popup);
    expect(stored?.context).toEqual({
      title: 'Build #42 failed',
      url: 'https://ci.example.com/builds/42',
    });
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the prompt window says the page cannot be attached from there', async ({ context }) => {
  const worker = await serviceWorker(context);
  await closeFirstRunTab(context);
  const opened = context.waitForEvent('page');
  // As the background opens it when the toolbar popup cannot open.
  await worker.evaluate(async () => {
    await chrome.windows.create({ url: chrome.runtime.getURL('/popup.html'), type: 'popup' });
  });
  const prompt = await opened;
  await expect(prompt.getByText('The page can’t be attached from this window')).toBeVisible();
  await expect(
    prompt.getByRole('checkbox', { name: 'Attach this page' }),
  ).toHaveAccessibleDescription('The page can’t be attached from this window');
});
