// @vitest-environment node
// Node's own fetch talks to the local server; a DOM environment's would add CORS and cookies.
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LockCodec } from '../../../../utils/lock/lock-codec-store';
import { closeDb } from '../../../../utils/reflections/db-connection-store';
import {
  allReflections,
  saveReflection,
  updateReflection,
} from '../../../../utils/reflections/db-store';
import { createReflection, type Reflection } from '../../../../utils/reflections/reflection';
import {
  countPending,
  queueEverything,
  readCheckpoint,
} from '../../../../utils/reflections/sync-store';
import { createCouchClient } from '../../../../utils/sync/couch-client';
import { SyncHttpError } from '../../../../utils/sync/couch-errors';
import { type SyncKeys, syncKeysFrom } from '../../../../utils/sync/sync-keys';
import { syncOnce } from '../../../../utils/sync/worker/sync-engine';
import { type CouchServer, startCouchServer } from '../../../helpers/couch-server';

const MARKER = 'PLAINTEXT-MARKER-4711';
const OFF: LockCodec = { seal: null, open: null };
let server: CouchServer;
let keys: SyncKeys;

beforeAll(async () => {
  server = await startCouchServer();
  keys = await syncKeysFrom(crypto.getRandomValues(new Uint8Array(32)), 'kid-1');
}, 40_000);

afterAll(async () => {
  await server?.stop();
});

const reflection = (n: number): Reflection =>
  createReflection(
    {
      template: 'quick',
      answers: { learned: `lesson ${n} ${MARKER}` },
      tags: ['ops'],
      sting: null,
    },
    `r-${n}`,
    Date.parse('2026-11-02T09:00:00Z') + n,
  );

async function on<T>(profile: IDBFactory, work: () => Promise<T>): Promise<T> {
  await closeDb();
  globalThis.indexedDB = profile;
  return work();
}

const client = (dbUrl: string, fetch: typeof globalThis.fetch = globalThis.fetch) =>
  createCouchClient({ dbUrl, user: server.admin.user, password: server.admin.password, fetch });
const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
const journal = async () => (await allReflections()).sort(byId);

describe('two devices through pouchdb-server', () => {
  it('the second device gets the journal, offline edits merge, and the server holds no word', async () => {
    const dbUrl = await server.createDb('two-devices');
    const [a, b] = [new IDBFactory(), new IDBFactory()];
    await on(a, async () => {
      for (const n of [1, 2, 3]) await saveReflection(reflection(n));
      await queueEverything();
      expect(await syncOnce(client(dbUrl), keys, OFF)).toMatchObject({
        outcome: 'done',
        pushed: 3,
      });
    });
    await on(b, () => syncOnce(client(dbUrl), keys, OFF));
    expect(await on(b, journal)).toEqual(await on(a, journal));

    await on(a, () => updateReflection('r-1', (r) => ({ ...r, pinned: true })));
    await on(b, () => updateReflection('r-1', (r) => ({ ...r, tags: ['ops', 'home'] })));
    for (const profile of [a, b, a]) await on(profile, () => syncOnce(client(dbUrl), keys, OFF));
    for (const profile of [a, b]) {
      const [r1] = await on(profile, journal);
      expect(r1).toMatchObject({ pinned: true, tags: ['home', 'ops'] });
      expect(await on(profile, countPending)).toBe(0);
    }

    // Read the database the way anyone with access to the server would: its HTTP API.
    const raw = await fetch(`${dbUrl}/_all_docs?include_docs=true`, {
      headers: { Authorization: `Basic ${btoa(`${server.admin.user}:${server.admin.password}`)}` },
    }).then((r) => r.text());
    expect(raw).toContain('"ct"');
    expect(raw).not.toContain(MARKER);
    expect(raw).not.toContain('lesson');
    expect(raw).not.toContain('home');
  });
});

describe('a server that answers wrongly changes nothing here', () => {
  const faults: [string, () => Response][] = [
    [
      'HTML with 200',
      () =>
        new Response('<html>Welcome</html>', {
          status: 200,
          headers: { 'Content-Type': 'text/html' },
        }),
    ],
    ['truncated JSON', () => new Response('{"results":[{"id":"r:r-1"', { status: 200 })],
    ['401', () => new Response('{"error":"unauthorized"}', { status: 401 })],
    ['413', () => new Response('{"error":"too_large"}', { status: 413 })],
    ['503', () => new Response('{"error":"unavailable"}', { status: 503 })],
    ['_changes without results', () => new Response('{"last_seq":"9"}', { status: 200 })],
  ];

  it.each(faults)(
    '%s: the run fails in plain terms, the journal and checkpoint stay',
    async (_name, answer) => {
      const dbUrl = await server.createDb(`fault-${faults.findIndex(([n]) => n === _name)}`);
      const seeded = new IDBFactory();
      await on(seeded, async () => {
        await saveReflection(reflection(1));
        await queueEverything();
        await syncOnce(client(dbUrl), keys, OFF);
      });
      // A second device with its own edit pulls through a broken server.
      const other = new IDBFactory();
      await on(other, async () => {
        await saveReflection(reflection(7));
        const before = await journal();
        const broken: typeof fetch = async (input, init) =>
          String(input).includes('/_changes') ? answer() : globalThis.fetch(input, init);
        const failed = await syncOnce(client(dbUrl, broken), keys, OFF).catch((e: unknown) => e);
        expect(failed).toBeInstanceOf(SyncHttpError);
        expect(await journal()).toEqual(before);
        expect(await readCheckpoint()).toBeUndefined();
        expect(await countPending()).toBe(1); // its own edit still waits to be sent
      });
    },
  );
});
