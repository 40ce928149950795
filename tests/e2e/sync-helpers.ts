/**
 * What the sync end-to-end tests share: a real server (pouchdb-server on 127.0.0.1, started
 * and stopped by its PID), a copy of the build that holds the host permission for 127.0.0.1
 * from install (a test browser cannot click a permission prompt), fresh profiles with it, the
 * Data → Sync card filled in, and the server's database read over HTTP as anyone with access
 * to it could. The sync benchmark (bench/metrics/sync.ts) uses the build copy and the card.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, CDPSession, Locator, Page, Worker } from '@playwright/test';
import type { WxtBrowser } from 'wxt/browser';
import { type CouchServer, startCouchServer } from '../helpers/couch-server';
import {
  closeFirstRunTab,
  EXTENSION_PATH,
  expect,
  launchWithExtension,
  serviceWorker,
} from './fixtures';
import { section } from './lock-helpers';

// Evaluated in extension pages, where the raw `chrome` API is the global.
declare const chrome: WxtBrowser;

/** One browser profile with the extension: its context, worker, and a way to open its pages. */
export interface Device {
  context: BrowserContext;
  worker: Worker;
  open(path: string): Promise<Page>;
}

/** A server and a build for one spec file; `close` ends every browser and the server. */
export interface SyncRig {
  server: CouchServer;
  device(name: string): Promise<Device>;
  close(): Promise<void>;
}

/** Give the build copied to `extensionDir` the host permission for any port of 127.0.0.1. */
export function grantLoopbackHost(extensionDir: string): void {
  const file = join(extensionDir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  manifest.host_permissions = ['http://127.0.0.1/*'];
  writeFileSync(file, JSON.stringify(manifest));
}

/** Start the server and copy the build with the host permission (call in `beforeAll`). */
export async function startSyncRig(): Promise<SyncRig> {
  const server = await startCouchServer();
  const dir = mkdtempSync(join(tmpdir(), 'fail-well-sync-'));
  const extension = join(dir, 'extension');
  cpSync(EXTENSION_PATH, extension, { recursive: true });
  grantLoopbackHost(extension);
  const contexts: BrowserContext[] = [];

  return {
    server,
    async device(name) {
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
    },
    async close() {
      for (const context of contexts) await context.close();
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The Data section's sync card. */
export function syncCard(options: Page) {
  return options.getByRole('region', { name: 'Sync between your devices' });
}

/** Data → Sync, with the database's address and the server admin's name and password filled in. */
export async function fillSyncCard(
  options: Page,
  server: CouchServer,
  dbUrl: string,
): Promise<Locator> {
  await section(options, 'Data');
  const card = syncCard(options);
  await card.getByRole('textbox', { name: 'Database address' }).fill(dbUrl);
  await card.getByRole('textbox', { name: 'User name' }).fill(server.admin.user);
  await card.getByLabel('Password', { exact: true }).fill(server.admin.password);
  return card;
}

/**
 * Data → Sync, filled in and connected (or, with `passphrase`, joined, a wrong one refused
 * first). With `waitForRun` (the default) it waits up to `timeout` ms for the first run to
 * finish without a problem.
 */
export async function connectSync(
  options: Page,
  server: CouchServer,
  dbUrl: string,
  { passphrase, waitForRun = true, timeout = 30_000 }: ConnectOptions = {},
): Promise<void> {
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
  await expect(card.getByText(`Connected to ${dbUrl}.`)).toBeVisible({ timeout: 15_000 });
  if (!waitForRun) return;
  await expect(card.getByText(/^Last synced /)).toBeVisible({ timeout });
  await expect(card.getByRole('alert')).toHaveCount(0);
}

interface ConnectOptions {
  passphrase?: string;
  waitForRun?: boolean;
  timeout?: number;
}

/** A GET of the server as its admin, parsed. */
export async function serverGet<T>(server: CouchServer, url: string): Promise<T> {
  const auth = Buffer.from(`${server.admin.user}:${server.admin.password}`).toString('base64');
  const response = await fetch(url, {
    headers: { Authorization: `Basic ${auth}`, Accept: 'application/json' },
  });
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** The database as anyone with access to the server reads it, documents and all. */
export async function serverContents(server: CouchServer, dbUrl: string): Promise<string> {
  return JSON.stringify(await serverGet(server, `${dbUrl}/_all_docs?include_docs=true`));
}

/** How many documents the server's database holds (CouchDB's `doc_count`). */
export async function serverDocCount(server: CouchServer, dbUrl: string): Promise<number> {
  return (await serverGet<{ doc_count: number }>(server, dbUrl)).doc_count;
}

/** Every reflection document on the server, by id, with its revision. */
export async function serverReflections(
  server: CouchServer,
  dbUrl: string,
): Promise<{ id: string; rev: string }[]> {
  const { rows } = await serverGet<{ rows: { id: string; value: { rev: string } }[] }>(
    server,
    `${dbUrl}/_all_docs`,
  );
  return rows.filter((r) => r.id.startsWith('r:')).map((r) => ({ id: r.id, rev: r.value.rev }));
}

/** What this profile's IndexedDB holds: reflection ids, how many are sealed, the outbox. */
export function localJournal(
  page: Page,
): Promise<{ ids: string[]; sealed: number; outbox: number }> {
  return page.evaluate(
    () =>
      new Promise<{ ids: string[]; sealed: number; outbox: number }>((resolve, reject) => {
        const open = indexedDB.open('fail-well');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['reflections', 'outbox']);
          const ids: string[] = [];
          let sealed = 0;
          let outbox = 0;
          // A cursor, so 10,000 records are looked at here instead of crossing to the test.
          const cursor = tx.objectStore('reflections').openCursor();
          cursor.onsuccess = () => {
            const at = cursor.result;
            if (!at) return;
            ids.push(at.key as string);
            if ((at.value as { sealed?: unknown }).sealed) sealed++;
            at.continue();
          };
          const count = tx.objectStore('outbox').count();
          count.onsuccess = () => {
            outbox = count.result;
          };
          tx.oncomplete = () => {
            db.close();
            resolve({ ids, sealed, outbox });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** The last run's record as the background wrote it (storage.local `sync:status`). */
export async function syncStatus(page: Page): Promise<Record<string, unknown>> {
  const stored = await page.evaluate(() => chrome.storage.local.get('sync:status'));
  return (stored['sync:status'] ?? {}) as Record<string, unknown>;
}

/**
 * Stop the extension's service worker the way the browser does when it is idle (DevTools'
 * ServiceWorker.stopAllWorkers); resolves once the browser reports it stopped.
 */
export async function stopWorker(page: Page): Promise<void> {
  const session: CDPSession = await page.context().newCDPSession(page);
  let stopped = false;
  session.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    if (versions.some((v) => v.runningStatus === 'stopped')) stopped = true;
  });
  await session.send('ServiceWorker.enable');
  await session.send('ServiceWorker.stopAllWorkers');
  await expect.poll(() => stopped).toBe(true);
  await session.detach();
}
