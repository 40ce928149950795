// @vitest-environment node
// Node's own fetch talks to the local server; a DOM environment's would add CORS and cookies.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { fromBase64 } from '../../../../utils/lock/bytes';
import { createKeyring } from '../../../../utils/lock/keyring';
import { readSession } from '../../../../utils/lock/lock-read-store';
import { createLock } from '../../../../utils/lock/lock-store';
import { saveReflection } from '../../../../utils/reflections/db-store';
import { createReflection } from '../../../../utils/reflections/reflection';
import { countPending, queueEverything } from '../../../../utils/reflections/sync-store';
import { createCouchClient } from '../../../../utils/sync/couch-client';
import { parseServerAddress } from '../../../../utils/sync/server-address';
import {
  readSyncConfig,
  saveSyncConfig,
  sealPassword,
} from '../../../../utils/sync/sync-config-store';
import { KEYRING_DOC_ID } from '../../../../utils/sync/sync-doc';
import { syncKeysFrom } from '../../../../utils/sync/sync-keys';
import { PUSH_BATCH } from '../../../../utils/sync/worker/sync-engine';
import {
  runSync,
  SYNC_RESUME_ALARM,
  SYNC_SOON_ALARM,
} from '../../../../utils/sync/worker/sync-runner';
import { type CouchServer, startCouchServer } from '../../../helpers/couch-server';
import { type FakeExtras, installFakeExtras } from '../../../helpers/fake-extras';

const MARKER = 'PLAINTEXT-MARKER-4711';
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

const admin = (dbUrl: string) =>
  createCouchClient({
    dbUrl,
    user: server.admin.user,
    password: server.admin.password,
    fetch: globalThis.fetch,
  });

/** A locked-and-unlocked journal with `count` reflections, connected to a fresh database. */
async function connected(name: string, password = server.admin.password, count = 2) {
  const dbUrl = await server.createDb(name);
  await createLock('a long passphrase', NOW, 100_000);
  for (let n = 1; n <= count; n++) {
    await saveReflection(
      createReflection(
        { template: 'quick', answers: { learned: `lesson ${n} ${MARKER}` }, tags: [], sting: null },
        `r-${n}`,
        NOW + n,
      ),
    );
  }
  await queueEverything();
  const session = await readSession();
  if (!session) throw new Error('not unlocked');
  const keys = await syncKeysFrom(fromBase64(session.dataKey), session.kid);
  await saveSyncConfig({
    dbUrl,
    user: server.admin.user,
    password: await sealPassword(password, keys),
    paused: false,
  });
  const address = parseServerAddress(dbUrl);
  if (address.ok) extras.granted.add(address.address.permission);
  return dbUrl;
}

describe('the background runner', () => {
  it('sends the sealed journal and its keyring, and records when', async () => {
    const dbUrl = await connected('runner-ok');
    const status = await runSync(NOW);
    expect(status).toEqual({ lastSyncAt: NOW, problem: null, failures: 0, ask: null, rejected: 0 });
    expect(await countPending()).toBe(0);
    // A run that finished leaves no extra run behind.
    expect(await fakeBrowser.alarms.get(SYNC_SOON_ALARM)).toBeUndefined();
    expect(await fakeBrowser.alarms.get(SYNC_RESUME_ALARM)).toBeUndefined();
    const raw = await fetch(`${dbUrl}/_all_docs?include_docs=true`, {
      headers: { Authorization: `Basic ${btoa(`${server.admin.user}:${server.admin.password}`)}` },
    }).then((r) => r.text());
    expect(raw).toContain('r:r-1');
    expect(raw).not.toContain(MARKER);
    expect(await admin(dbUrl).getDoc(KEYRING_DOC_ID)).toMatchObject({
      keyring: { kid: expect.any(String) },
    });
    // The password is kept sealed, never in the clear.
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(
      server.admin.password,
    );
  });

  it('does nothing while the journal is locked in this session, and says so', async () => {
    const dbUrl = await connected('runner-locked');
    await fakeBrowser.storage.session.clear();
    expect((await runSync(NOW)).problem).toBe('locked');
    expect(await admin(dbUrl).getDoc('r:r-1')).toBeUndefined();
  });

  it('needs the host permission for the server', async () => {
    await connected('runner-permission');
    extras.granted.clear();
    expect((await runSync(NOW)).problem).toBe('no-permission');
  });

  it('a wrong password is unauthorized, not retried; an unreachable server is retried later', async () => {
    await connected('runner-password', 'not-the-password');
    expect(await runSync(NOW)).toMatchObject({ problem: 'unauthorized', failures: 1 });
    expect(await fakeBrowser.alarms.get(SYNC_SOON_ALARM)).toBeUndefined();
    expect(await fakeBrowser.alarms.get(SYNC_RESUME_ALARM)).toBeUndefined();
    expect(await countPending()).toBe(2);
  });

  it('an unreachable server is tried again later, waiting longer each time', async () => {
    await connected('runner-unreachable');
    const gone = await startCouchServer();
    const dbUrl = await gone.createDb('soon-gone');
    await gone.stop();
    const config = await readSyncConfig();
    if (!config) throw new Error('not connected');
    await saveSyncConfig({ ...config, dbUrl });
    const address = parseServerAddress(dbUrl);
    if (address.ok) extras.granted.add(address.address.permission);
    expect(await runSync(NOW)).toMatchObject({ problem: 'unreachable', failures: 1 });
    const first = (await fakeBrowser.alarms.get(SYNC_SOON_ALARM))?.scheduledTime ?? 0;
    expect(await runSync(NOW)).toMatchObject({ problem: 'unreachable', failures: 2 });
    const second = (await fakeBrowser.alarms.get(SYNC_SOON_ALARM))?.scheduledTime ?? 0;
    expect(first - NOW).toBeGreaterThanOrEqual(500);
    expect(second - NOW).toBeGreaterThanOrEqual(1_000);
    expect(await countPending()).toBe(2);
  }, 40_000);

  it('a database holding another journal is never written to', async () => {
    const dbUrl = await connected('runner-other-journal');
    const { keyring } = await createKeyring('someone else entirely', NOW, 100_000);
    await admin(dbUrl).putDoc({ _id: KEYRING_DOC_ID, keyring });
    expect((await runSync(NOW)).problem).toBe('unknown-key');
    expect(await admin(dbUrl).getDoc('r:r-1')).toBeUndefined();
  });

  it('a worker stopped part-way through a run resumes on its resume alarm, with nothing doubled or lost', async () => {
    const count = 2_200;
    const STOP_AT = 5;
    const dbUrl = await connected('runner-stopped', server.admin.password, count);
    const realFetch = globalThis.fetch;
    const serverIds = async () => {
      const auth = `Basic ${btoa(`${server.admin.user}:${server.admin.password}`)}`;
      const response = await realFetch(`${dbUrl}/_all_docs`, { headers: { Authorization: auth } });
      const { rows } = (await response.json()) as { rows: { id: string }[] };
      return rows.map((r) => r.id).filter((id) => id.startsWith('r:'));
    };
    // The worker is stopped just as the server accepts the 5th batch, in the run's first step:
    // that answer and every request after it never come back, as in a stopped worker.
    let batches = 0;
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      const bulk = String(input).endsWith('/_bulk_docs');
      if (bulk && batches >= STOP_AT) return new Promise<Response>(() => {});
      const response = await realFetch(input, init);
      if (bulk && ++batches === STOP_AT) return new Promise<Response>(() => {});
      return response;
    });
    void runSync(NOW);
    await vi.waitFor(() => expect(batches).toBe(STOP_AT), { timeout: 60_000, interval: 50 });

    expect(await serverIds()).toHaveLength(STOP_AT * PUSH_BATCH);
    // The run armed its resume alarm: the rest does not wait for the 15-minute one.
    const resume = await fakeBrowser.alarms.get(SYNC_RESUME_ALARM);
    expect(resume?.scheduledTime).toBeGreaterThan(Date.now());
    expect(resume?.scheduledTime).toBeLessThanOrEqual(Date.now() + 30_000);
    // The last batch reached the server but was never settled here: still queued.
    expect(await countPending()).toBe(count - (STOP_AT - 1) * PUSH_BATCH);

    // A new worker wakes on that alarm: fresh modules, so the stopped one's lock queue and
    // database connection are gone with it, as in the browser.
    vi.mocked(globalThis.fetch).mockRestore();
    vi.resetModules();
    const woken = await import('../../../../utils/sync/worker/sync-runner');
    const later = NOW + 30_000;
    await woken.handleSyncAlarm(SYNC_RESUME_ALARM, later);

    const { readSyncStatus } = await import('../../../../utils/sync/sync-config-store');
    expect(await readSyncStatus()).toMatchObject({ lastSyncAt: later, problem: null, rejected: 0 });
    const store = await import('../../../../utils/reflections/sync-store');
    expect(await store.countPending()).toBe(0);
    const ids = await serverIds();
    const expected = Array.from({ length: count }, (_, i) => `r-${i + 1}`);
    expect(ids).toHaveLength(count);
    expect(new Set(ids)).toEqual(new Set(expected.map((id) => `r:${id}`)));
    // Every reflection is still here and reads as written (the resent batch was merged).
    const { allReflections } = await import('../../../../utils/reflections/db-store');
    const learned = new Map((await allReflections()).map((r) => [r.id, r.answers.learned]));
    expect(learned.size).toBe(count);
    for (const [n, id] of expected.entries()) {
      expect(learned.get(id)).toBe(`lesson ${n + 1} ${MARKER}`);
    }
  }, 120_000);
});
