/**
 * Sync at size, in real Chromium with a real server (sync-helpers.ts): a locked journal of
 * 10,000 reflections goes up whole on its first sync — every one once — and a second profile
 * that joins with the passphrase ends with the same 10,000; and a first sync whose service
 * worker the browser stops part-way carries on by itself (the resume alarm a run keeps armed
 * while it works), with every reflection on the server once and none lost here.
 */
import type { WxtBrowser } from 'wxt/browser';
import type { Reflection } from '../../utils/reflections/reflection';
import { expect, test } from './fixtures';
import { PASSPHRASE, section, switchLockOn } from './lock-helpers';
import { generateReflections, writeReflections } from './seed';
import {
  connectSync,
  type Device,
  localJournal,
  type SyncRig,
  serverDocCount,
  serverReflections,
  startSyncRig,
  stopWorker,
  syncCard,
  syncStatus,
} from './sync-helpers';

// Evaluated in extension pages, where the raw `chrome` API is the global.
declare const chrome: WxtBrowser;

const MARKER = 'ALBATROSS-9931';
let rig: SyncRig;

test.beforeAll(async () => {
  rig = await startSyncRig();
});

test.afterAll(async () => {
  await rig?.close();
});

/**
 * `count` realistic reflections, all live (the review page empties the trash of anything
 * deleted over 30 days ago as it opens, which would take some away), one saying `MARKER`.
 */
function journal(count: number, seed: number): Reflection[] {
  const records = generateReflections(count, { seed }).map(
    (r): Reflection => ({ ...r, deletedAt: null }),
  );
  const at = records.findIndex((r) => r.answers.learned !== undefined);
  const marked = records[at] as Reflection;
  records[at] = { ...marked, answers: { ...marked.answers, learned: `${MARKER} learned it here` } };
  return records;
}

/** A profile holding `records`, locked with the passphrase (which seals what is there). */
async function lockedWith(device: Device, records: readonly Reflection[]) {
  const options = await device.open('options.html');
  await writeReflections(options, records);
  await options.reload();
  await switchLockOn(options);
  // The card says "locked" while the records are still being sealed: connect once all are.
  await expect
    .poll(async () => (await localJournal(options)).sealed, { timeout: 120_000 })
    .toBe(records.length);
  return options;
}

test('a first sync of 10,000 reflections puts each on the server once, and a joining profile gets all 10,000', async () => {
  test.setTimeout(300_000);
  const { server } = rig;
  const count = 10_000;
  const records = journal(count, 7);
  const ids = records.map((r) => `r:${r.id}`).sort();
  const dbUrl = await server.createDb('scale');

  const a = await rig.device('scale-a');
  const optionsA = await lockedWith(a, records);
  await connectSync(optionsA, server, dbUrl, { timeout: 180_000 });

  // Every reflection once, at its first revision (sent once, never again), and the keyring.
  expect(await serverDocCount(server, dbUrl)).toBe(count + 1);
  const held = await serverReflections(server, dbUrl);
  expect(held.map((d) => d.id).sort()).toEqual(ids);
  expect(held.filter((d) => !d.rev.startsWith('1-'))).toEqual([]);
  // Nothing waits to be sent, and the card and the stored status show no problem.
  expect((await localJournal(optionsA)).outbox).toBe(0);
  await expect(syncCard(optionsA).getByText(/Changes waiting to be sent/)).toHaveCount(0);
  expect(await syncStatus(optionsA)).toMatchObject({ problem: null, failures: 0, rejected: 0 });

  const b = await rig.device('scale-b');
  const optionsB = await b.open('options.html');
  await connectSync(optionsB, server, dbUrl, { passphrase: PASSPHRASE, timeout: 180_000 });
  const onB = await localJournal(optionsB);
  expect(onB.ids.map((id) => `r:${id}`).sort()).toEqual(ids);
  // Kept sealed under the joined lock, like everything on a locked device; nothing to send.
  expect(onB.sealed).toBe(count);
  expect(onB.outbox).toBe(0);
  expect(await syncStatus(optionsB)).toMatchObject({ problem: null, rejected: 0 });
  // B's run sent nothing back: still one revision each on the server.
  expect((await serverReflections(server, dbUrl)).filter((d) => !d.rev.startsWith('1-'))).toEqual(
    [],
  );

  // What B shows: the whole journal, and one lesson in its own words.
  await section(optionsB, 'Lessons');
  await expect(optionsB.getByText('10,000 reflections, newest first')).toBeVisible({
    timeout: 60_000,
  });
  await optionsB.getByRole('searchbox').fill(MARKER.toLowerCase());
  await expect(optionsB.getByRole('article')).toHaveCount(1, { timeout: 30_000 });
  await expect(optionsB.getByText(`${MARKER} learned it here`)).toBeVisible();
});

test('a first sync whose service worker is stopped part-way carries on by itself, every reflection once and none lost', async () => {
  test.setTimeout(300_000);
  const { server } = rig;
  const count = 5_000;
  const records = journal(count, 8);
  const ids = records.map((r) => `r:${r.id}`).sort();
  const dbUrl = await server.createDb('stopped');

  const c = await rig.device('stopped-c');
  const options = await lockedWith(c, records);
  await connectSync(options, server, dbUrl, { waitForRun: false });
  // Past the first step of the run (up to 1,900 sent), so the run has said it has more.
  await expect
    .poll(() => serverDocCount(server, dbUrl), { timeout: 120_000, intervals: [100] })
    .toBeGreaterThan(2_500);
  await stopWorker(options);
  const atStop = await serverDocCount(server, dbUrl);
  expect(atStop).toBeLessThan(count + 1);
  expect(await syncStatus(options)).not.toHaveProperty('lastSyncAt', expect.any(Number));
  // Nobody presses anything: the resume alarm the run armed wakes the worker within half a
  // minute (not the 15-minute one), and the next run carries on from what was committed.
  const soon = await options.evaluate(() => chrome.alarms.get('fail-well:sync-resume'));
  expect(soon, 'the run left an alarm to resume it').toBeDefined();
  expect(soon?.scheduledTime).toBeLessThanOrEqual(Date.now() + 30_000);
  await expect(syncCard(options).getByText(/^Last synced /)).toBeVisible({ timeout: 120_000 });

  expect(await serverDocCount(server, dbUrl)).toBe(count + 1);
  const held = await serverReflections(server, dbUrl);
  expect(held.map((d) => d.id).sort()).toEqual(ids);
  // Nothing lost or spoilt here: every record still sealed, none waiting, and all of them open.
  const here = await localJournal(options);
  expect(here.ids.map((id) => `r:${id}`).sort()).toEqual(ids);
  expect(here.sealed).toBe(count);
  expect(here.outbox).toBe(0);
  await expect(syncCard(options).getByRole('alert')).toHaveCount(0);
  expect(await syncStatus(options)).toMatchObject({ problem: null, failures: 0, rejected: 0 });
  await section(options, 'Lessons');
  await expect(options.getByText('5,000 reflections, newest first')).toBeVisible({
    timeout: 60_000,
  });
  await expect(options.getByText("couldn't be decrypted")).toHaveCount(0);
  await options.getByRole('searchbox').fill(MARKER.toLowerCase());
  await expect(options.getByText(`${MARKER} learned it here`)).toBeVisible({ timeout: 30_000 });
});
