/**
 * Sync in real Chromium with a real server (pouchdb-server on 127.0.0.1, started here and
 * stopped by its PID): a journal locked with a passphrase is connected through Data → Sync,
 * the service worker sends it, and the server's database — read through its HTTP API, as
 * anyone with access to it could — holds ciphertext only. A second profile joins that journal
 * with its passphrase (taking on the same lock), syncs and shows the same lesson. Both builds hold the host permission for 127.0.0.1 from install, as a
 * test browser cannot click a permission prompt.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { type CouchServer, startCouchServer } from '../helpers/couch-server';
import {
  closeFirstRunTab,
  EXTENSION_PATH,
  expect,
  launchWithExtension,
  serviceWorker,
  test,
} from './fixtures';
import { captureFromPopup, PASSPHRASE, section, switchLockOn } from './lock-helpers';
import { fillSyncCard, grantLoopbackHost } from './sync-helpers';

const MARKER = 'SYNC-MARKER-5150';
let server: CouchServer;
let dir: string;
let extension: string;
const contexts: BrowserContext[] = [];

test.beforeAll(async () => {
  server = await startCouchServer();
  dir = mkdtempSync(join(tmpdir(), 'fail-well-sync-'));
  extension = join(dir, 'extension');
  cpSync(EXTENSION_PATH, extension, { recursive: true });
  grantLoopbackHost(extension);
});

test.afterAll(async () => {
  for (const context of contexts) await context.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** A fresh profile with the build; its id, and a way to open its pages. */
async function device(name: string) {
  const context = await launchWithExtension(join(dir, name), extension);
  contexts.push(context);
  const worker = await serviceWorker(context);
  await closeFirstRunTab(context);
  const id = new URL(worker.url()).host;
  const open = async (path: string): Promise<Page> => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/${path}`);
    return page;
  };
  return { context, worker, open };
}

/**
 * Data → Sync, filled in and connected (or, with `passphrase`, joined); waits for the first
 * run to finish.
 */
async function connectSync(options: Page, dbUrl: string, passphrase?: string): Promise<void> {
  const card = await fillSyncCard(options, server, dbUrl);
  if (passphrase) {
    await card.getByLabel("That journal's passphrase").fill('not the passphrase');
    await card.getByRole('button', { name: 'Join and sync' }).click();
    await expect(card.getByText(/doesn't open the journal on this server/)).toBeVisible();
    await card.getByLabel("That journal's passphrase").fill(passphrase);
    await card.getByRole('button', { name: 'Join and sync' }).click();
  } else {
    await card.getByRole('button', { name: 'Test and connect' }).click();
  }
  await expect(card.getByText(`Connected to ${dbUrl}.`)).toBeVisible();
  await expect(card.getByText(/^Last synced /)).toBeVisible({ timeout: 30_000 });
  await expect(card.getByRole('alert')).toHaveCount(0);
}

/** The database as anyone with access to the server reads it. */
async function serverContents(dbUrl: string): Promise<string> {
  const response = await fetch(`${dbUrl}/_all_docs?include_docs=true`, {
    headers: { Authorization: server.authorization, Accept: 'application/json' },
  });
  return response.text();
}

test('a locked journal syncs as ciphertext, and a second profile joins with the passphrase and gets the lesson', async () => {
  test.setTimeout(120_000);
  const dbUrl = await server.createDb('journal');
  const a = await device('a');
  const optionsA = await a.open('options.html');
  await switchLockOn(optionsA);
  await captureFromPopup(await a.open('popup.html'), MARKER);
  await connectSync(optionsA, dbUrl);

  const held = await serverContents(dbUrl);
  expect(held).toContain('"r:');
  expect(held).toContain('fail-well:keyring');
  expect(held).not.toContain(MARKER);
  expect(held.toLowerCase()).not.toContain(MARKER.toLowerCase());

  // The second device joins with the journal's passphrase (a wrong one first, refused).
  const b = await device('b');
  const optionsB = await b.open('options.html');
  await connectSync(optionsB, dbUrl, PASSPHRASE);
  await section(optionsB, 'Lessons');
  await expect(optionsB.getByText(`${MARKER} learned`).first()).toBeVisible();

  // Written on B, sent by B's worker, fetched by A's "Sync now".
  await captureFromPopup(await b.open('popup.html'), 'SECOND-5151');
  await expect
    .poll(async () => (await serverContents(dbUrl)).match(/"_id":"r:/g)?.length ?? 0, {
      timeout: 60_000,
    })
    .toBe(2);
  await section(optionsA, 'Data');
  await optionsA.getByRole('button', { name: 'Sync now' }).click();
  await section(optionsA, 'Lessons');
  await expect(optionsA.getByText('SECOND-5151 learned').first()).toBeVisible({ timeout: 30_000 });
  expect(await serverContents(dbUrl)).not.toContain('SECOND-5151');
});
