/**
 * The lock against someone who has the profile folder, and against a browser that is closed
 * while the journal is being encrypted. Each test launches Chromium on its own profile folder
 * so it can read every byte of it after the browser is gone.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import type { WxtBrowser } from 'wxt/browser';
import {
  closeFirstRunTab,
  expect,
  launchWithExtension,
  serviceWorker,
  storedReflections,
  test,
} from './fixtures';
import { captureFromPopup, PASSPHRASE, section, switchLockOn } from './lock-helpers';
import { seedReflections } from './seed';

// The extension page's own `chrome`, used inside page.evaluate.
declare const chrome: WxtBrowser;

/** Every file under `dir` that holds `marker`, as UTF-8/Latin-1 or as UTF-16 (LevelDB stores both). */
function filesHolding(dir: string, marker: string): string[] {
  const needles = [Buffer.from(marker, 'utf8'), Buffer.from(marker, 'utf16le')];
  const hits: string[] = [];
  const walk = (path: string) => {
    for (const name of readdirSync(path)) {
      const full = join(path, name);
      const stat = statSync(full, { throwIfNoEntry: false });
      if (!stat) continue;
      if (stat.isDirectory()) walk(full);
      else if (stat.isFile()) {
        const bytes = readFileSync(full);
        if (needles.some((needle) => bytes.includes(needle))) hits.push(full.slice(dir.length));
      }
    }
  };
  walk(dir);
  return hits;
}

interface Session {
  context: BrowserContext;
  id: string;
  open(path: string): Promise<Page>;
}

async function start(profile: string, firstRun: boolean): Promise<Session> {
  const context = await launchWithExtension(profile);
  const worker = await serviceWorker(context);
  if (firstRun) await closeFirstRunTab(context);
  const id = new URL(worker.url()).host;
  return {
    context,
    id,
    async open(path) {
      const page = await context.newPage();
      // Right after a relaunch the extension's page may be navigated once more as it settles
      // (Playwright reports "interrupted by another navigation"): then the page is there anyway.
      await page.goto(`chrome-extension://${id}/${path}`).catch(async (error: Error) => {
        if (!/interrupted by another navigation/.test(error.message)) throw error;
        await page.waitForLoadState('load');
      });
      return page;
    },
  };
}

/** Everything the extension keeps, read through one of its pages. */
function everythingThroughThePage(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('fail-well');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const rows = await Promise.all(
      [...db.objectStoreNames].map(
        (name) =>
          new Promise((resolve) => {
            const request = db.transaction(name).objectStore(name).getAll();
            request.onsuccess = () => resolve(request.result);
          }),
      ),
    );
    db.close();
    return JSON.stringify({
      rows,
      local: await chrome.storage.local.get(null),
      session: await chrome.storage.session.get(null),
      sync: await chrome.storage.sync.get(null),
      localStorage: { ...localStorage },
    });
  });
}

const profiles: string[] = [];
test.afterEach(() => {
  for (const profile of profiles.splice(0)) rmSync(profile, { recursive: true, force: true });
});
const newProfile = () => {
  const profile = mkdtempSync(join(tmpdir(), 'fail-well-lock-'));
  profiles.push(profile);
  return profile;
};

test('with the lock on, no word typed in the popup is anywhere in the profile folder', async () => {
  test.setTimeout(120_000);
  // Control: without the lock the same steps leave the words on disk, so the scan can see them.
  const plainProfile = newProfile();
  const plain = await start(plainProfile, true);
  await captureFromPopup(await plain.open('popup.html'), 'QUOKKA31');
  await plain.context.close();
  expect(filesHolding(plainProfile, 'QUOKKA31').length).toBeGreaterThan(0);

  const profile = newProfile();
  let browser = await start(profile, true);
  const options = await browser.open('options.html');
  await switchLockOn(options);
  await options.getByRole('button', { name: 'Lock now' }).first().click();
  await expect(options.getByRole('heading', { name: 'Your journal is locked' })).toBeVisible();
  const popup = await browser.open('popup.html');
  // Typed key by key, so the draft is written many times on the way (each write sealed).
  await popup
    .getByRole('textbox', { name: 'What happened?' })
    .pressSequentially('QUOKKA31 went wrong');
  await popup.waitForTimeout(400);
  await captureFromPopup(popup, 'QUOKKA31');
  const seen = await everythingThroughThePage(popup);
  for (const word of ['QUOKKA31', 'quokka31']) expect(seen).not.toContain(word);
  expect((await storedReflections(popup)).length).toBe(1);
  await browser.context.close();

  for (const word of ['QUOKKA31', 'quokka31']) expect(filesHolding(profile, word)).toEqual([]);

  // The same profile, started again: unlock, and the reflection is there and found.
  browser = await start(profile, false);
  const again = await browser.open('options.html#/lessons');
  await expect(again.getByRole('heading', { name: 'Your journal is locked' })).toBeVisible();
  await again.getByLabel('Passphrase').fill(PASSPHRASE);
  await again.getByRole('button', { name: 'Unlock' }).click();
  await expect(again.getByText('QUOKKA31 learned')).toBeVisible();
  await again.getByRole('searchbox').fill('quokka31');
  await expect(again.getByRole('article')).toHaveCount(1);
  await browser.context.close();
});

test('a browser closed while 10,000 reflections are encrypted finishes on the next start, and every one opens', async () => {
  test.setTimeout(240_000);
  const profile = newProfile();
  let browser = await start(profile, true);
  const options = await browser.open('options.html');
  await seedReflections(options, 10_000, Date.now());
  await options.reload();
  await switchLockOn(options);
  // Close the browser as soon as the encryption is under way.
  await expect(options.getByText(/Encrypting your reflections: [1-9]\d* of 10,?000/)).toBeVisible({
    timeout: 30_000,
  });
  const half = await storedReflections(options);
  const sealedThen = half.filter((r) => r.sealed).length;
  expect(sealedThen).toBeLessThan(10_000);
  await browser.context.close();

  browser = await start(profile, false);
  const page = await browser.open('options.html');
  // The background finishes while locked (to the public key): no plain record is left.
  await expect
    .poll(async () => (await storedReflections(page)).filter((r) => !r.sealed).length, {
      timeout: 120_000,
    })
    .toBe(0);
  const rows = await storedReflections(page);
  expect(rows).toHaveLength(10_000);
  // Each record is whole in one form: a sealed one holds no words beside its envelope.
  expect(rows.every((r) => JSON.stringify(r.answers) === '{}')).toBe(true);

  await page.getByLabel('Passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByText(/10,000 reflections/)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText("couldn't be decrypted")).toHaveCount(0);
  await browser.context.close();
});

test('auto-lock: after the idle time the list is gone and the key is in no storage area', async () => {
  test.setTimeout(60_000);
  const profile = newProfile();
  const browser = await start(profile, true);
  const options = await browser.open('options.html');
  await switchLockOn(options);
  await captureFromPopup(await browser.open('popup.html'), 'IBIS77');
  await section(options, 'Lessons');
  await expect(options.getByText('IBIS77 learned')).toBeVisible();
  // Fifteen minutes pass without use: the session says so, and the background's alarm rings.
  const worker = await serviceWorker(browser.context);
  await worker.evaluate(async () => {
    const { 'lock:session': session } = await chrome.storage.session.get('lock:session');
    await chrome.storage.session.set({
      'lock:session': { ...(session as object), lastActiveAt: Date.now() - 16 * 60_000 },
    });
    await chrome.alarms.create('fail-well:auto-lock', { when: Date.now() + 50 });
  });
  await expect(options.getByRole('heading', { name: 'Your journal is locked' })).toBeVisible();
  await expect(options.getByText('IBIS77 learned')).toHaveCount(0);
  const storage = await options.evaluate(async () =>
    JSON.stringify({
      session: await chrome.storage.session.get(null),
      local: await chrome.storage.local.get(null),
    }),
  );
  expect(storage).not.toContain('dataKey');
  expect(storage).not.toContain('IBIS77');
  await browser.context.close();
});
