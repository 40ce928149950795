/**
 * Sync in real Chromium with a real server (pouchdb-server on 127.0.0.1, started here and
 * stopped by its PID): a journal locked with a passphrase is connected through Data → Sync,
 * the service worker sends it, and the server's database — read through its HTTP API, as
 * anyone with access to it could — holds ciphertext only. A second profile joins that journal
 * with its passphrase (taking on the same lock), syncs and shows the same lesson. The shared
 * set-up (server, build with the host permission, profiles) is in sync-helpers.ts.
 */
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
