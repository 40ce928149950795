/**
 * Own your data, in a real Chromium: export downloads a file that round-trips, delete
 * everything leaves nothing behind, a bad import changes nothing, schema upgrades with an
 * older page open, and a full disk keeps the draft.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { WxtBrowser } from 'wxt/browser';
import { expect, serviceWorker, storedReflections, test } from './fixtures';

// Evaluated in extension pages, where the raw `chrome` API is the global.
declare const chrome: WxtBrowser;

const HOSTILE = [
  '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>',
  'مرحبا — שלום — mixed with LTR',
  'Emoji 🙈🔥👩🏽‍💻, "quotes", commas,\nand new lines',
];

/** A complete version 2 reflection, as the popup would store it. */
function reflection(n: number, text: string) {
  const createdAt = Date.UTC(2026, 5, 1 + n, 9, 30);
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    createdAt,
    updatedAt: createdAt + 60_000,
    template: 'quick',
    answers: { happened: `Happened ${n}`, learned: text, nextTime: `Next time ${n}` },
    tags: ['ops', `t${n}`],
    sting: 3,
    trigger: 'manual',
    context: { title: `Build #${n}`, url: `https://ci.example/${n}` },
    followUps: [],
    share: null,
    pinned: n === 1,
    review: { count: 0, nextDueAt: createdAt + 7 * 86_400_000, retired: false },
    deletedAt: null,
  };
}

/** Put records straight into the app's database from an extension page. */
async function seed(page: Page, records: unknown[]): Promise<void> {
  // Wait for the page's own code to create the database: opening it first from here would
  // create an empty version 1 and race the app's upgrade.
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const found = (await indexedDB.databases()).find((d) => d.name === 'fail-well');
        return found?.version ?? 0;
      }),
    )
    .toBeGreaterThanOrEqual(2);
  await page.evaluate(
    (rows) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('fail-well');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('reflections', 'readwrite');
          for (const row of rows) tx.objectStore('reflections').put(row);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    records,
  );
}

const byId = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  String(a.id).localeCompare(String(b.id));

test('export downloads a JSON file that imports back into an emptied profile unchanged', async ({
  openPage,
}) => {
  const options = await openPage('options.html#/data');
  const original = HOSTILE.map((text, i) => reflection(i + 1, text));
  await seed(options, original);
  // Export, automatic backups, import, moving in from another app, storage and delete each
  // have their live region in the accessibility tree before anything is said: one that appears
  // with its first message is not announced.
  await expect(options.getByRole('status')).toHaveCount(6);

  const [download] = await Promise.all([
    options.waitForEvent('download'),
    options.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^fail-well-\d{4}-\d{2}-\d{2}\.json$/);
  const path = join(test.info().outputDir, download.suggestedFilename());
  await download.saveAs(path);
  const file = JSON.parse(readFileSync(path, 'utf8'));
  expect(file).toMatchObject({ format: 'fail-well', version: 3 });
  expect(file.reflections.sort(byId)).toEqual(original);
  await expect(
    options.getByRole('status').filter({ hasText: 'Exported 3 reflections' }),
  ).toBeVisible();
  await expect(options.getByText('Last backup on this device')).toBeVisible();

  // Delete everything, confirmed by typing the word.
  await options.getByRole('button', { name: 'Delete everything…' }).click();
  const confirm = options.getByRole('textbox', { name: 'Type “delete” to confirm' });
  await expect(confirm).toBeFocused();
  await confirm.fill('delete');
  await options.getByRole('button', { name: 'Yes, delete it all' }).click();
  await expect(options.getByText('Deleted 3 reflections.', { exact: false })).toBeVisible();
  await expect(options.getByRole('button', { name: 'Delete everything…' })).toBeFocused();
  expect(await storedReflections(options)).toEqual([]);

  await options.getByLabel('Choose a JSON export').setInputFiles(path);
  await expect(options.getByText(/3 new reflections added/)).toBeVisible();
  expect((await storedReflections(options)).sort(byId)).toEqual(original);

  // The list shows the text as typed, and runs none of it.
  await options.getByRole('link', { name: 'Lessons' }).click();
  await expect(options.getByRole('article')).toHaveCount(3);
  await expect(options.getByText(HOSTILE[0] as string, { exact: true }).first()).toBeVisible();
  expect(await options.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('delete everything leaves nothing the person wrote or visited, in any store', async ({
  openPage,
}) => {
  const options = await openPage('options.html#/data');
  await seed(options, [reflection(1, 'One'), { ...reflection(2, 'Two'), deletedAt: Date.now() }]);
  const page = {
    title: 'Quarterly numbers',
    url: 'https://intranet.example/q3',
    selection: 'we missed',
  };
  await options.evaluate(async (page) => {
    await chrome.storage.local.set({
      draft: { template: 'quick', answers: { happened: 'half a thought' } },
      checkins: ['2026-11-02'],
      nudgeState: {
        snooze: { until: Date.now() + 3_600_000, remind: true, trigger: 'site', context: page },
      },
      badgeReminder: { kind: 'follow-up', reflectionId: 'x' },
      lastExportAt: Date.now(),
    });
    await chrome.storage.session.set({ siteTabs: { 7: { url: page.url, title: page.title } } });
    await chrome.storage.sync.set({ settings: { theme: 'dark', backupEvery: 'weekly' } });
    await chrome.action.setBadgeText({ text: '2' });
    await chrome.notifications.create('fail-well-nudge:site', {
      type: 'basic',
      title: `After ${page.title}`,
      message: 'Anything worth a lesson?',
      iconUrl: 'notification-icon.png',
    });
    localStorage.setItem('fail-well:popup-start', '{}');
  }, page);

  await options.getByRole('button', { name: 'Delete everything…' }).click();
  await expect(options.getByRole('list', { name: 'This also clears:' })).toContainText(
    'nudge and reminder history, with the pages, titles and selected text it remembers',
  );
  await options.getByRole('textbox', { name: 'Type “delete” to confirm' }).fill('delete');
  await options.getByRole('button', { name: 'Yes, delete it all' }).click();
  await expect(options.getByText('Deleted 2 reflections.', { exact: false })).toBeVisible();

  expect(await storedReflections(options)).toEqual([]);
  const left = await options.evaluate(async () => ({
    local: await chrome.storage.local.get(null),
    session: await chrome.storage.session.get(null),
    sync: await chrome.storage.sync.get(null),
    badge: await chrome.action.getBadgeText({}),
    notifications: await chrome.notifications.getAll(),
    popupStart: localStorage.getItem('fail-well:popup-start'),
  }));
  // The worker may plan the next nudge for the default settings at once (a fresh nudge state
  // with a time in it); nothing it writes may hold what the person typed or visited.
  for (const key of ['draft', 'checkins', 'badgeReminder', 'lastExportAt']) {
    expect(left.local).not.toHaveProperty(key);
  }
  const everything = JSON.stringify(left);
  for (const trace of [
    page.title,
    page.url,
    page.selection,
    'half a thought',
    '2026-11-02',
    'dark',
  ]) {
    expect(everything).not.toContain(trace);
  }
  expect(left.session).toEqual({});
  expect(left.badge).toBe('');
  expect(left.notifications).toEqual({});
  expect(left.popupStart).toBeNull();
});

test('Markdown and CSV exports download readable files', async ({ openPage }) => {
  const options = await openPage('options.html#/data');
  await seed(options, [reflection(1, HOSTILE[2] as string)]);
  await options
    .getByRole('region', { name: 'Export', exact: true })
    .getByRole('radio', { name: /Markdown/ })
    .check();
  const [md] = await Promise.all([
    options.waitForEvent('download'),
    options.getByRole('button', { name: 'Export Markdown' }).click(),
  ]);
  const mdText = readFileSync(await md.path(), 'utf8');
  expect(md.suggestedFilename()).toMatch(/\.md$/);
  expect(mdText).toContain('**What happened?**\n\nHappened 1');
  expect(mdText).toContain('**What did I learn?**\n\nEmoji 🙈');

  await options
    .getByRole('region', { name: 'Export', exact: true })
    .getByRole('radio', { name: /CSV/ })
    .check();
  const [csv] = await Promise.all([
    options.waitForEvent('download'),
    options.getByRole('button', { name: 'Export CSV' }).click(),
  ]);
  const csvText = readFileSync(await csv.path(), 'utf8');
  expect(csvText).toContain('"Emoji 🙈🔥👩🏽‍💻, ""quotes"", commas,\nand new lines"');
});

test('the dashboard filter exports just what it shows', async ({ openPage }) => {
  const options = await openPage('options.html');
  await seed(options, [
    { ...reflection(1, 'First'), tags: ['ops'] },
    { ...reflection(2, 'Second'), tags: ['people'] },
    { ...reflection(3, 'Third'), tags: ['ops', 'people'] },
  ]);
  await options.goto(`${options.url().split('#')[0]}#/lessons?tags=ops`);
  await options.reload(); // the seed bypassed the app, so read the database afresh
  await options.getByRole('link', { name: 'Export these' }).click();
  await expect(options.getByRole('radio', { name: /Those the dashboard shows/ })).toBeChecked();
  const [download] = await Promise.all([
    options.waitForEvent('download'),
    options.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  const file = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(
    file.reflections.map((r: { answers: { learned: string } }) => r.answers.learned).sort(),
  ).toEqual(['First', 'Third']);
});

test('importing a bad file changes nothing and says which record and why', async ({ openPage }) => {
  const options = await openPage('options.html#/data');
  const kept = reflection(1, 'Already here');
  await seed(options, [kept]);
  const bad = {
    format: 'fail-well',
    version: 2,
    settings: {},
    reflections: [
      reflection(2, 'fine'),
      { ...reflection(3, 'from the future'), createdAt: Date.UTC(2100, 0, 1) },
    ],
  };
  await options.getByLabel('Choose a JSON export').setInputFiles({
    name: 'tampered.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(bad)),
  });
  await expect(options.getByRole('alert')).toHaveText(
    /Reflection 2 \(id “0+-0+-4000-8000-0+3”\): “createdAt” is dated in the future \(2100-01-01\)\. Nothing was imported\./,
  );
  expect(await storedReflections(options)).toEqual([kept]);

  await options.getByLabel('Choose a JSON export').setInputFiles({
    name: 'notes.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('{ this is not json'),
  });
  await expect(options.getByRole('alert')).toHaveText(/not valid JSON/);
  expect(await storedReflections(options)).toEqual([kept]);
});

test('an upgrade with an older page open: the old page asks to reload, the upgrade finishes', async ({
  openPage,
}) => {
  const old = await openPage('options.html');
  await seed(old, [reflection(1, 'Kept across the upgrade')]);
  await old.reload();
  await expect(old.getByRole('article')).toHaveCount(1); // holds a version 4 connection

  // A newer build of the extension opens version 5 from another page.
  const newer = await openPage('popup.html');
  const upgraded = await newer.evaluate(
    () =>
      new Promise<{ version: number; rows: number; blocked: boolean }>((resolve, reject) => {
        let blocked = false;
        const open = indexedDB.open('fail-well', 5);
        open.onblocked = () => {
          blocked = true;
        };
        open.onupgradeneeded = () => {
          open.result.createObjectStore('v5-test-store');
        };
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const count = db.transaction('reflections').objectStore('reflections').count();
          count.onsuccess = () => {
            db.close();
            resolve({ version: db.version, rows: count.result, blocked });
          };
        };
      }),
  );
  expect(upgraded).toEqual({ version: 5, rows: 1, blocked: false });
  await expect(old.getByRole('alert')).toContainText(
    'Fail Well was updated in another tab. Reload this page to keep going',
  );
  await expect(old.getByRole('button', { name: 'Reload' })).toBeVisible();
});

test('a real version 1 → 2 upgrade keeps every seeded row and gives it a review date', async ({
  context,
  openPage,
}) => {
  // Seeded from the service worker: it never opens the database itself, so no page of the
  // current version can recreate it between the delete and the version 1 open.
  const worker = await serviceWorker(context);
  const { review: _, ...v1Row } = reflection(1, 'Written before review dates existed');
  await worker.evaluate(
    (row) =>
      new Promise<void>((resolve, reject) => {
        const del = indexedDB.deleteDatabase('fail-well');
        del.onerror = () => reject(del.error);
        del.onsuccess = () => {
          const open = indexedDB.open('fail-well', 1);
          open.onupgradeneeded = () => {
            const store = open.result.createObjectStore('reflections', { keyPath: 'id' });
            store.createIndex('by-createdAt', 'createdAt');
            store.createIndex('by-updatedAt', 'updatedAt');
            store.createIndex('by-tag', 'tags', { multiEntry: true });
            store.createIndex('by-deletedAt', 'deletedAt');
            store.put(row);
          };
          open.onsuccess = () => {
            open.result.close();
            resolve();
          };
          open.onerror = () => reject(open.error);
        };
      }),
    { ...v1Row, review: null },
  );
  const options = await openPage('options.html');
  await expect(options.getByText('Written before review dates existed').first()).toBeVisible();
  const [stored] = await storedReflections(options);
  expect(stored).toEqual({
    ...v1Row,
    review: { count: 0, nextDueAt: v1Row.createdAt + 7 * 86_400_000, retired: false },
  });
});

test('a real version 2 → 3 upgrade keeps every row and indexes only the open follow-up', async ({
  context,
  openPage,
}) => {
  const worker = await serviceWorker(context);
  const check = (dueAt: number, outcome: string | null) => ({
    dueAt,
    answeredAt: outcome === null ? null : dueAt,
    outcome,
    note: '',
  });
  const open = reflection(1, 'Still to check on');
  const openRow = { ...open, followUps: [check(open.createdAt + 86_400_000, null)] };
  const done = reflection(2, 'Already applied');
  const doneRow = { ...done, followUps: [check(done.createdAt + 86_400_000, 'applied')] };
  await worker.evaluate(
    (rows) =>
      new Promise<void>((resolve, reject) => {
        const del = indexedDB.deleteDatabase('fail-well');
        del.onerror = () => reject(del.error);
        del.onsuccess = () => {
          // Version 2 exactly as it shipped.
          const request = indexedDB.open('fail-well', 2);
          request.onupgradeneeded = () => {
            const store = request.result.createObjectStore('reflections', { keyPath: 'id' });
            store.createIndex('by-createdAt', 'createdAt');
            store.createIndex('by-updatedAt', 'updatedAt');
            store.createIndex('by-tag', 'tags', { multiEntry: true });
            store.createIndex('by-deletedAt', 'deletedAt');
            store.createIndex('by-reviewDue', 'review.nextDueAt');
            for (const row of rows) store.put(row);
          };
          request.onsuccess = () => {
            request.result.close();
            resolve();
          };
          request.onerror = () => reject(request.error);
        };
      }),
    [openRow, doneRow],
  );
  const options = await openPage('options.html');
  await expect(options.getByText('Still to check on').first()).toBeVisible();
  const stored = (await storedReflections(options)).sort(byId);
  expect(stored).toEqual([{ ...openRow, nextFollowUpAt: open.createdAt + 86_400_000 }, doneRow]);
  const indexed = await options.evaluate(
    () =>
      new Promise<IDBValidKey[]>((resolve, reject) => {
        const request = indexedDB.open('fail-well');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const keys = db
            .transaction('reflections')
            .objectStore('reflections')
            .index('by-nextFollowUpAt')
            .getAllKeys();
          keys.onsuccess = () => {
            db.close();
            resolve(keys.result);
          };
          keys.onerror = () => reject(keys.error);
        };
      }),
  );
  expect(indexed).toEqual([open.id]);
});

test('a full disk during save keeps the draft, writes nothing, and the next save works', async ({
  context,
  openPage,
}) => {
  // Installed before any page script runs: every write in extension pages fails the way a
  // full disk does — the put itself succeeds, then the transaction aborts at commit with a
  // QuotaExceededError (no synchronous throw).
  await context.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    (window as { __restorePut?: () => void }).__restorePut = () => {
      IDBObjectStore.prototype.put = put;
    };
    IDBObjectStore.prototype.put = function (
      this: IDBObjectStore,
      ...args: [unknown, IDBValidKey?]
    ) {
      const request = put.apply(this, args);
      const tx = this.transaction;
      const full = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      // Configurable: a save puts the row and its outbox entry in one transaction.
      Object.defineProperty(tx, 'error', { get: () => full, configurable: true });
      request.addEventListener('success', () => tx.abort());
      return request;
    };
  });
  const popup = await openPage('popup.html');
  expect(
    await popup.evaluate(() => typeof (window as { __restorePut?: unknown }).__restorePut),
  ).toBe('function'); // addInitScript does reach chrome-extension:// pages
  await popup.getByRole('textbox', { name: 'What did I learn?' }).fill('Keep this, whatever 🙈');
  await popup.keyboard.press('Control+Enter');
  await expect(popup.getByRole('alert')).toContainText('out of storage space');
  await expect(popup.getByRole('alert')).toContainText('Your draft is kept');
  await expect(popup.getByRole('textbox', { name: 'What did I learn?' })).toHaveValue(
    'Keep this, whatever 🙈',
  );
  expect(await storedReflections(popup)).toEqual([]);

  // Close and reopen: the draft is still there (browser.storage.local, not IndexedDB).
  await popup.close({ runBeforeUnload: true });
  const again = await openPage('popup.html');
  await expect(again.getByRole('textbox', { name: 'What did I learn?' })).toHaveValue(
    'Keep this, whatever 🙈',
  );
  // Space is back: the same draft saves.
  await again.evaluate(() => (window as { __restorePut?: () => void }).__restorePut?.());
  await again.keyboard.press('Control+Enter');
  await expect(again.getByRole('heading', { name: 'Saved. Lesson kept.' })).toBeVisible();
  const stored = await storedReflections(again);
  expect(stored.map((r) => (r.answers as Record<string, string>).learned)).toEqual([
    'Keep this, whatever 🙈',
  ]);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the Data section looks finished in ${scheme} mode`, async ({ openPage }) => {
    const options = await openPage('options.html#/data');
    await options.emulateMedia({ colorScheme: scheme });
    await options.setViewportSize({ width: 900, height: 700 });
    await seed(options, [reflection(1, 'One')]);
    await options.getByRole('combobox', { name: 'Backup reminder' }).selectOption('weekly');
    await expect(options.getByText(/Time for a backup/)).toBeVisible();
    // Chromium with `unlimitedStorage`: exempt from eviction, and the page says so.
    await expect(options.getByText(/Fail Well has unlimited storage/)).toBeVisible();
    await expect(options.getByText(/ of \d+(\.\d)? (GB|TB) available/)).toBeVisible();
    await options.getByRole('button', { name: 'Delete everything…' }).click();
    const height = await options.evaluate(() => document.body.scrollHeight);
    await options.setViewportSize({ width: 900, height });
    await options.screenshot({ path: join('test-results/screenshots', `data-${scheme}.png`) });
  });
}
