/**
 * Sync in real Chromium with a real server (pouchdb-server on 127.0.0.1, started here and
 * stopped by its PID): a journal locked with a passphrase is connected through Data → Sync,
 * the service worker sends it, and the server's database — read through its HTTP API, as
 * anyone with access to it could — holds ciphertext only. A second profile joins that journal
 * with its passphrase (taking on the same lock), syncs and shows the same lesson. One lesson
 * edited on both before either synced merges: the field only one changed is taken, the answer
 * both changed is kept twice and the Lessons page asks which to keep. A profile with a lock of
 * its own joins with the recovery key, and its lessons move under the joined key and go up.
 * The journal's key changed on one profile moves the server and, after its passphrase, the
 * other profile to the new key.
 * The shared set-up (server, build with the host permission, profiles) is in sync-helpers.ts.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { WxtBrowser } from 'wxt/browser';
import { expect, test } from './fixtures';
import { captureFromPopup, PASSPHRASE, section, switchLockOn } from './lock-helpers';
import {
  connectSync,
  fillSyncCard,
  localJournal,
  type SyncRig,
  serverContents,
  serverGet,
  startSyncRig,
  syncCard,
} from './sync-helpers';

// Evaluated in extension pages, where the raw `chrome` API is the global.
declare const chrome: WxtBrowser;

const MARKER = 'SYNC-MARKER-5150';
let rig: SyncRig;

test.beforeAll(async () => {
  rig = await startSyncRig();
});

test.afterAll(async () => {
  await rig?.close();
});

test('a locked journal syncs as ciphertext, and a second profile joins with the passphrase and gets the lesson', async () => {
  test.setTimeout(120_000);
  const { server } = rig;
  const dbUrl = await server.createDb('journal');
  const a = await rig.device('a');
  const optionsA = await a.open('options.html');
  await switchLockOn(optionsA);
  await captureFromPopup(await a.open('popup.html'), MARKER);
  await connectSync(optionsA, server, dbUrl);

  const held = await serverContents(server, dbUrl);
  expect(held).toContain('"r:');
  expect(held).toContain('fail-well:keyring');
  expect(held).not.toContain(MARKER);
  expect(held.toLowerCase()).not.toContain(MARKER.toLowerCase());

  // The second device joins with the journal's passphrase (a wrong one first, refused).
  const b = await rig.device('b');
  const optionsB = await b.open('options.html');
  await connectSync(optionsB, server, dbUrl, { passphrase: PASSPHRASE });
  await section(optionsB, 'Lessons');
  await expect(optionsB.getByText(`${MARKER} learned`).first()).toBeVisible();

  // Written on B, sent by B's worker, fetched by A's "Sync now".
  await captureFromPopup(await b.open('popup.html'), 'SECOND-5151');
  await expect
    .poll(async () => (await serverContents(server, dbUrl)).match(/"_id":"r:/g)?.length ?? 0, {
      timeout: 60_000,
    })
    .toBe(2);
  await section(optionsA, 'Data');
  await optionsA.getByRole('button', { name: 'Sync now' }).click();
  await section(optionsA, 'Lessons');
  await expect(optionsA.getByText('SECOND-5151 learned').first()).toBeVisible({ timeout: 30_000 });
  expect(await serverContents(server, dbUrl)).not.toContain('SECOND-5151');
});

/** What axe finds on the page as it is (the forms this file opens are scanned nowhere else). */
async function violations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target) }));
}

/** Edit the one lesson on the Lessons page: `answers` by question. */
async function editLesson(options: Page, answers: Record<string, string>): Promise<void> {
  await section(options, 'Lessons');
  await options
    .getByRole('button', { name: /^Edit reflection/ })
    .first()
    .click();
  const form = options.getByRole('form', { name: /^Edit reflection/ });
  for (const [question, text] of Object.entries(answers)) {
    await form.getByRole('textbox', { name: question }).fill(text);
  }
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(form).toHaveCount(0);
}

async function syncNow(options: Page): Promise<void> {
  await section(options, 'Data');
  await options.getByRole('button', { name: 'Sync now' }).click();
  await expect(options.getByRole('button', { name: 'Sync now' })).toBeEnabled({ timeout: 30_000 });
}

test('one lesson edited on two devices: the other field merges, the same answer asks which to keep', async () => {
  test.setTimeout(150_000);
  const { server } = rig;
  const dbUrl = await server.createDb('two-edits');
  const a = await rig.device('edit-a');
  const optionsA = await a.open('options.html');
  await switchLockOn(optionsA);
  await captureFromPopup(await a.open('popup.html'), 'TWO-5152');
  await connectSync(optionsA, server, dbUrl);
  const b = await rig.device('edit-b');
  const optionsB = await b.open('options.html');
  await connectSync(optionsB, server, dbUrl, { passphrase: PASSPHRASE });

  // Both edit the version they share, before either hears of the other's edit.
  await editLesson(optionsA, { 'What did I learn?': 'LAPTOP-WORDS ask before the release' });
  await editLesson(optionsB, {
    'What happened?': 'HOME-HAPPENED the release slipped',
    'What did I learn?': 'HOME-WORDS check the calendar first',
  });
  await syncNow(optionsA);
  await syncNow(optionsB);
  await syncNow(optionsA);

  for (const options of [optionsA, optionsB]) {
    await section(options, 'Lessons');
    const ask = options.getByRole('region', { name: 'Edited on two devices — keep which?' });
    await expect(ask).toBeVisible({ timeout: 30_000 });
    await expect(ask.getByText('LAPTOP-WORDS ask before the release')).toBeVisible();
    await expect(ask.getByText('HOME-WORDS check the calendar first')).toBeVisible();
    // Only B changed what happened: taken on both, no question about it.
    await options.getByRole('button', { name: 'Read all answers' }).first().click();
    await expect(options.getByText('HOME-HAPPENED the release slipped')).toBeVisible();
    await options.getByRole('button', { name: 'Hide answers' }).first().click();
  }

  // Chosen on A; B hears of the choice and asks no more.
  await optionsA.getByRole('button', { name: /^Keep this one: HOME-WORDS/ }).click();
  await expect(optionsA.getByRole('region', { name: /^Edited on two devices/ })).toHaveCount(0);
  await syncNow(optionsA);
  await syncNow(optionsB);
  await section(optionsB, 'Lessons');
  await expect(optionsB.getByRole('region', { name: /^Edited on two devices/ })).toHaveCount(0, {
    timeout: 30_000,
  });
  await expect(optionsB.getByText('HOME-WORDS check the calendar first').first()).toBeVisible();

  const held = await serverContents(server, dbUrl);
  for (const words of ['LAPTOP-WORDS', 'HOME-WORDS', 'HOME-HAPPENED', 'TWO-5152']) {
    expect(held).not.toContain(words);
  }
});

test('a device with a lock of its own joins with the recovery key, and its lessons come along', async () => {
  test.setTimeout(150_000);
  const { server } = rig;
  const dbUrl = await server.createDb('own-lock');
  const a = await rig.device('own-a');
  const optionsA = await a.open('options.html');
  const recoveryKey = await switchLockOn(optionsA);
  await captureFromPopup(await a.open('popup.html'), 'FIRST-5153');
  await connectSync(optionsA, server, dbUrl);

  // C has its own lock (its own keys) and a lesson under it.
  const c = await rig.device('own-c');
  const optionsC = await c.open('options.html');
  await switchLockOn(optionsC);
  await captureFromPopup(await c.open('popup.html'), 'OWN-5154');
  await section(optionsC, 'Data');
  await syncCard(optionsC)
    .getByRole('button', { name: /^Already syncing on another device\?/ })
    .click();
  const card = await fillSyncCard(optionsC, server, dbUrl);
  await card.getByRole('button', { name: 'Use the recovery key instead' }).click();
  await card.getByRole('textbox', { name: 'Recovery key' }).fill(recoveryKey);
  await card.getByRole('button', { name: 'Join and sync' }).click();
  await expect(card.getByText(`Connected to ${dbUrl}.`)).toBeVisible({ timeout: 30_000 });
  await expect(card.getByText(/^Last synced /)).toBeVisible({ timeout: 30_000 });

  // Both lessons open on C, under the joined journal's key only.
  await section(optionsC, 'Lessons');
  await expect(optionsC.getByText('OWN-5154 learned').first()).toBeVisible();
  await expect(optionsC.getByText('FIRST-5153 learned').first()).toBeVisible();
  await expect(optionsC.getByText(/couldn't be decrypted/)).toHaveCount(0);
  const kidOf = (page: Page) =>
    page.evaluate(async () => {
      const stored = await chrome.storage.local.get(['lock:keyring', 'lock:former']);
      const keyring = stored['lock:keyring'] as { kid?: string } | undefined;
      return { kid: keyring?.kid, former: stored['lock:former'] ?? null };
    });
  const [here, there] = [await kidOf(optionsC), await kidOf(optionsA)];
  expect(here).toEqual({ kid: there.kid, former: null });
  expect(await localJournal(optionsC)).toMatchObject({ sealed: 2, outbox: 0 });

  // C's lesson reaches A, and the server never held its words.
  await section(optionsA, 'Data');
  await optionsA.getByRole('button', { name: 'Sync now' }).click();
  await section(optionsA, 'Lessons');
  await expect(optionsA.getByText('OWN-5154 learned').first()).toBeVisible({ timeout: 30_000 });
  const held = await serverContents(server, dbUrl);
  for (const words of ['OWN-5154', 'FIRST-5153']) expect(held).not.toContain(words);
});

test("the journal's key changed on one device: the server and the other device move to the new key", async () => {
  test.setTimeout(180_000);
  const { server } = rig;
  const dbUrl = await server.createDb('key-change');
  const a = await rig.device('key-a');
  const optionsA = await a.open('options.html');
  const oldRecovery = await switchLockOn(optionsA);
  await captureFromPopup(await a.open('popup.html'), 'KEYED-5155');
  await connectSync(optionsA, server, dbUrl);
  const b = await rig.device('key-b');
  const optionsB = await b.open('options.html');
  await connectSync(optionsB, server, dbUrl, { passphrase: PASSPHRASE });
  const kidOf = (page: Page) =>
    page.evaluate(async () => {
      const { 'lock:keyring': keyring } = await chrome.storage.local.get('lock:keyring');
      return (keyring as { kid: string }).kid;
    });
  const oldKid = await kidOf(optionsA);

  // Preferences → the lock card → "Change the journal's key", a wrong passphrase refused first.
  await section(optionsA, 'Preferences');
  const card = optionsA.getByRole('region', { name: 'Lock my journal' });
  await card.getByRole('button', { name: "Change the journal's key" }).click();
  await card.getByLabel('Current passphrase').fill('not the passphrase');
  await card.getByRole('button', { name: 'Change the key' }).click();
  await expect(card.getByText("That passphrase doesn't open the journal.")).toBeVisible();
  expect(await violations(optionsA)).toEqual([]);
  await card.getByLabel('Current passphrase').fill(PASSPHRASE);
  await card.getByRole('button', { name: 'Change the key' }).click();
  const sheet = card.getByRole('region', { name: 'Your recovery key' });
  await expect(sheet).toBeVisible({ timeout: 15_000 });
  const newRecovery = (await sheet.locator('code').textContent()) ?? '';
  expect(newRecovery).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/);
  expect(newRecovery).not.toBe(oldRecovery);
  await sheet.getByRole('button', { name: "I've kept it safe" }).click();
  await expect(card.getByText(/the journal has a new key/)).toBeVisible();
  const newKid = await kidOf(optionsA);
  expect(newKid).not.toBe(oldKid);

  // A's worker tells the server and sends the lesson again under the new key.
  type Docs = { rows: { id: string; doc: { kid?: string; keyring?: { kid: string } } }[] };
  const kidsOnServer = async () => {
    const { rows } = await serverGet<Docs>(server, `${dbUrl}/_all_docs?include_docs=true`);
    return rows.map((r) => r.doc.keyring?.kid ?? r.doc.kid);
  };
  await expect.poll(kidsOnServer, { timeout: 60_000 }).toEqual([newKid, newKid]);
  expect(await localJournal(optionsA)).toMatchObject({ sealed: 1, outbox: 0 });
  expect(await serverContents(server, dbUrl)).not.toContain('KEYED-5155');

  // B, still on the old key, is asked for the journal's passphrase and goes on with it.
  await section(optionsB, 'Data');
  const syncB = syncCard(optionsB);
  await syncB.getByRole('button', { name: 'Sync now' }).click();
  await expect(syncB.getByText(/key was changed on another device/)).toBeVisible({
    timeout: 30_000,
  });
  expect(await violations(optionsB)).toEqual([]);
  await syncB.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await syncB.getByRole('button', { name: 'Keep syncing' }).click();
  await expect(syncB.getByText(/key was changed on another device/)).toHaveCount(0, {
    timeout: 30_000,
  });
  await expect(syncB.getByRole('alert')).toHaveCount(0);
  expect(await kidOf(optionsB)).toBe(newKid);
  await section(optionsB, 'Lessons');
  await expect(optionsB.getByText('KEYED-5155 learned').first()).toBeVisible();
  await expect(optionsB.getByText(/couldn't be decrypted/)).toHaveCount(0);

  // Written on B after the switch: it reaches A under the new key, as ciphertext.
  await captureFromPopup(await b.open('popup.html'), 'AFTER-5156');
  await expect.poll(kidsOnServer, { timeout: 60_000 }).toEqual([newKid, newKid, newKid]);
  await syncNow(optionsA);
  await section(optionsA, 'Lessons');
  await expect(optionsA.getByText('AFTER-5156 learned').first()).toBeVisible({ timeout: 30_000 });
  const held = await serverContents(server, dbUrl);
  for (const words of ['KEYED-5155', 'AFTER-5156']) expect(held).not.toContain(words);
});
