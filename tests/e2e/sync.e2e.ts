/**
 * Sync in real Chromium with a real server (pouchdb-server on 127.0.0.1, started here and
 * stopped by its PID): a journal locked with a passphrase is connected through Data → Sync,
 * the service worker sends it, and the server's database — read through its HTTP API, as
 * anyone with access to it could — holds ciphertext only. A second profile joins that journal
 * with its passphrase (taking on the same lock), syncs and shows the same lesson. One lesson
 * edited on both before either synced merges: the field only one changed is taken, the answer
 * both changed is kept twice and the Lessons page asks which to keep. The shared
 * set-up (server, build with the host permission, profiles) is in sync-helpers.ts.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { captureFromPopup, PASSPHRASE, section, switchLockOn } from './lock-helpers';
import { connectSync, type SyncRig, serverContents, startSyncRig } from './sync-helpers';

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
