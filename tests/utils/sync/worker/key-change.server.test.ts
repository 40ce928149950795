// @vitest-environment node
// Node's own fetch talks to the local server; a DOM environment's would add CORS and cookies.
/**
 * "Change the journal's key" across two devices and a real server: the device that changes it
 * sends everything again under the new key and replaces the server's keyring; the other is
 * asked for the passphrase, takes the new key on, and edits made on both sides before the
 * switch merge as they would have without it.
 */
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { followKeyChange } from '../../../../entrypoints/options/data/sync/follow-key';
import { fromBase64 } from '../../../../utils/lock/bytes';
import { changeKey, readPastKeys } from '../../../../utils/lock/key-switch-store';
import { unlockWithPassphrase } from '../../../../utils/lock/keyring';
import { runMigration, startMigration } from '../../../../utils/lock/lock-migration-store';
import { readKeyring, readSession } from '../../../../utils/lock/lock-read-store';
import { adoptLock, createLock } from '../../../../utils/lock/lock-store';
import { closeDb } from '../../../../utils/reflections/db-connection-store';
import { rowsAfter } from '../../../../utils/reflections/db-rows-store';
import {
  allReflections,
  saveReflection,
  updateReflection,
} from '../../../../utils/reflections/db-store';
import { createReflection, type Reflection } from '../../../../utils/reflections/reflection';
import { countPending, queueEverything } from '../../../../utils/reflections/sync-store';
import { createCouchClient } from '../../../../utils/sync/couch-client';
import { parseServerAddress } from '../../../../utils/sync/server-address';
import {
  readSyncConfig,
  saveSyncConfig,
  sealPassword,
} from '../../../../utils/sync/sync-config-store';
import { KEYRING_DOC_ID, parseKeyringDoc, sealDoc } from '../../../../utils/sync/sync-doc';
import { syncKeysFrom } from '../../../../utils/sync/sync-keys';
import { runSync } from '../../../../utils/sync/worker/sync-runner';
import { type CouchServer, startCouchServer } from '../../../helpers/couch-server';
import { type FakeExtras, installFakeExtras } from '../../../helpers/fake-extras';

const MARKER = 'PLAINTEXT-MARKER-4711';
const PASSPHRASE = 'the journal passphrase';
const NOW = Date.parse('2026-11-02T09:00:00Z');
let server: CouchServer;
let extras: FakeExtras;

beforeAll(async () => {
  server = await startCouchServer();
}, 40_000);

afterAll(async () => {
  await server?.stop();
});

beforeEach(() => {
  extras = installFakeExtras();
});

/** One browser profile: its database, and its extension storage while another one runs. */
interface Device {
  db: IDBFactory;
  local: Record<string, unknown>;
  session: Record<string, unknown>;
}
const device = (): Device => ({ db: new IDBFactory(), local: {}, session: {} });
let active: Device | null = null;

/** Run `work` as `d`: its database and storage in place, everything kept when it is done. */
async function on<T>(d: Device, work: () => Promise<T>): Promise<T> {
  if (active !== d) {
    await closeDb();
    globalThis.indexedDB = d.db;
    await fakeBrowser.storage.local.clear();
    await fakeBrowser.storage.session.clear();
    await fakeBrowser.storage.local.set(d.local);
    await fakeBrowser.storage.session.set(d.session);
    active = d;
  }
  try {
    return await work();
  } finally {
    d.local = await fakeBrowser.storage.local.get(null);
    d.session = await fakeBrowser.storage.session.get(null);
  }
}

const admin = (dbUrl: string) =>
  createCouchClient({
    dbUrl,
    user: server.admin.user,
    password: server.admin.password,
    fetch: globalThis.fetch,
  });

async function sessionKeys() {
  const session = await readSession();
  if (!session) throw new Error('not unlocked');
  return syncKeysFrom(fromBase64(session.dataKey), session.kid);
}

async function connectTo(dbUrl: string) {
  await saveSyncConfig({
    dbUrl,
    user: server.admin.user,
    password: await sealPassword(server.admin.password, await sessionKeys()),
    paused: false,
  });
  const address = parseServerAddress(dbUrl);
  if (address.ok) extras.granted.add(address.address.permission);
}

const reflection = (n: number): Reflection =>
  createReflection(
    { template: 'quick', answers: { learned: `lesson ${n} ${MARKER}` }, tags: [], sting: null },
    `r-${n}`,
    NOW + n,
  );

/** The server's reflection documents, as its HTTP API gives them. */
async function serverDocs(dbUrl: string) {
  const auth = `Basic ${btoa(`${server.admin.user}:${server.admin.password}`)}`;
  const response = await fetch(`${dbUrl}/_all_docs?include_docs=true`, {
    headers: { Authorization: auth },
  });
  const text = await response.text();
  const { rows } = JSON.parse(text) as { rows: { id: string; doc: { kid?: string } }[] };
  return { text, docs: rows.filter((r) => r.id.startsWith('r:')).map((r) => r.doc) };
}

const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
const journal = async () => (await allReflections()).sort(byId);

describe("changing the journal's key while synced", () => {
  it('moves the server and the other device to the new key, and edits from before the switch merge', async () => {
    const dbUrl = await server.createDb('key-change');
    const [a, b] = [device(), device()];
    const oldKid = await on(a, async () => {
      await createLock(PASSPHRASE, NOW, 100_000);
      for (const n of [1, 2, 3]) await saveReflection(reflection(n));
      await queueEverything();
      await connectTo(dbUrl);
      expect((await runSync(NOW)).problem).toBeNull();
      return (await readKeyring())?.kid as string;
    });
    // b joins with the passphrase, as the Data section's join does.
    await on(b, async () => {
      const { keyring, past } = parseKeyringDoc(await admin(dbUrl).getDoc(KEYRING_DOC_ID));
      await adoptLock(keyring, await unlockWithPassphrase(keyring, PASSPHRASE), NOW, past);
      await connectTo(dbUrl);
      expect((await runSync(NOW)).problem).toBeNull();
      expect(await journal()).toHaveLength(3);
    });

    // Offline, each edits a different field of r-2, and b rewrites r-3's lesson, which a
    // leaves alone; then a changes the key.
    const rewritten = `rewritten on b ${MARKER}`;
    await on(b, async () => {
      await updateReflection('r-2', (r) => ({ ...r, tags: ['from-b'] }));
      await updateReflection('r-3', (r) => ({ ...r, answers: { learned: rewritten } }));
    });
    const newKid = await on(a, async () => {
      await updateReflection('r-2', (r) => ({ ...r, pinned: true }));
      await changeKey(PASSPHRASE, NOW + 10);
      await startMigration('seal');
      await runMigration('seal');
      expect((await runSync(NOW + 20)).problem).toBeNull();
      expect(await countPending()).toBe(0);
      return (await readKeyring())?.kid as string;
    });
    expect(newKid).not.toBe(oldKid);
    const server1 = await serverDocs(dbUrl);
    expect(server1.docs.map((d) => d.kid)).toEqual([newKid, newKid, newKid]);
    expect(server1.text).not.toContain(MARKER);
    const onServer = parseKeyringDoc(await admin(dbUrl).getDoc(KEYRING_DOC_ID));
    expect(onServer.keyring.kid).toBe(newKid);
    expect(onServer.past.map((p) => p.kid)).toEqual([oldKid]);

    // b is on the old key: it is asked for the passphrase and sends nothing meanwhile.
    await on(b, async () => {
      expect((await runSync(NOW + 30)).problem).toBe('key-changed');
      const config = await readSyncConfig();
      if (!config) throw new Error('not connected');
      expect(await followKeyChange(config, { passphrase: 'not the passphrase' })).toBeTruthy();
      expect((await readKeyring())?.kid).toBe(oldKid);
      expect(await followKeyChange(config, { passphrase: PASSPHRASE })).toBeNull();
      expect((await readKeyring())?.kid).toBe(newKid);
      expect((await readPastKeys()).map((p) => p.kid)).toEqual([oldKid]);
      expect((await rowsAfter(null, 10)).every((r) => r.sealed?.kid === newKid)).toBe(true);
      expect(await runSync(NOW + 40)).toMatchObject({ problem: null, rejected: 0 });
      // The sync password, stored under the old key, was sealed again under the new one.
      expect((await readSyncConfig())?.password.kid).toBe(newKid);
    });
    await on(a, () => runSync(NOW + 50));

    // Both edits of r-2 are on both devices, and b's rewrite of r-3 beats the unchanged copy
    // a sent again under the new key: nothing to choose between (the bases from before the
    // switch were compared through the old key's hash key).
    for (const d of [a, b]) {
      const all = await on(d, journal);
      expect(all.find((r) => r.id === 'r-2')).toMatchObject({ pinned: true, tags: ['from-b'] });
      expect(all.find((r) => r.id === 'r-3')?.answers.learned).toBe(rewritten);
      expect(all.filter((r) => r.conflicts)).toEqual([]);
    }
    expect(await on(b, journal)).toEqual(await on(a, journal));
    const server2 = await serverDocs(dbUrl);
    expect(server2.docs.every((d) => d.kid === newKid)).toBe(true);
    expect(server2.text).not.toContain(MARKER);
  }, 60_000);

  it('a document still under the old key on the server opens, and goes back up under the new one', async () => {
    const dbUrl = await server.createDb('key-change-straggler');
    const a = device();
    await on(a, async () => {
      await createLock(PASSPHRASE, NOW, 100_000);
      await connectTo(dbUrl);
      expect((await runSync(NOW)).problem).toBeNull();
      const old = await sessionKeys();
      await changeKey(PASSPHRASE, NOW + 10);
      expect((await runSync(NOW + 20)).problem).toBeNull();
      // A device that had not heard of the change sent this under the old key.
      const late = reflection(9);
      await admin(dbUrl).putDoc(await sealDoc('r:r-9', late, old.docKey, old.kid));
      expect(await runSync(NOW + 30)).toMatchObject({ problem: null, rejected: 0 });
      expect((await journal()).map((r) => r.answers.learned)).toEqual([late.answers.learned]);
      const { docs } = await serverDocs(dbUrl);
      expect(docs.map((d) => d.kid)).toEqual([(await readKeyring())?.kid]);
    });
  }, 30_000);

  it('a server whose keyring is neither this key nor a later one stays untouched', async () => {
    const dbUrl = await server.createDb('key-change-other');
    const a = device();
    await on(a, async () => {
      await createLock(PASSPHRASE, NOW, 100_000);
      await saveReflection(reflection(1));
      await queueEverything();
      await connectTo(dbUrl);
      expect((await runSync(NOW)).problem).toBeNull();
      // The server's keyring doc now lists no earlier key: this device is not among them.
      const doc = await admin(dbUrl).getDoc(KEYRING_DOC_ID);
      const other = await (async () => {
        const { createKeyring } = await import('../../../../utils/lock/keyring');
        return createKeyring('someone else', NOW, 100_000);
      })();
      await admin(dbUrl).putDoc({ ...(doc as { _id: string }), keyring: other.keyring, past: [] });
      expect((await runSync(NOW + 10)).problem).toBe('unknown-key');
      const config = await readSyncConfig();
      if (!config) throw new Error('not connected');
      expect(await followKeyChange(config, { passphrase: 'someone else' })).toBeTruthy();
      expect((await readKeyring())?.kid).not.toBe(other.keyring.kid);
    });
  }, 30_000);
});
