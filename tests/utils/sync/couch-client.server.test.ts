// @vitest-environment node
// Node's own fetch talks to the local server; a DOM environment's would add CORS and cookies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CouchClient, createCouchClient } from '../../../utils/sync/couch-client';
import { SyncHttpError } from '../../../utils/sync/couch-errors';
import { type CouchServer, startCouchServer } from '../../helpers/couch-server';

let server: CouchServer;
let dbUrl: string;

beforeAll(async () => {
  server = await startCouchServer();
  dbUrl = await server.createDb('fail-well');
}, 40_000);

afterAll(async () => {
  await server?.stop();
});

const clientFor = (url: string, password = server.admin.password): CouchClient =>
  createCouchClient({ dbUrl: url, user: server.admin.user, password, fetch: globalThis.fetch });

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SyncHttpError) return error.code;
    throw error;
  }
  return 'no failure';
}

describe('couch client against pouchdb-server', () => {
  it('connects to the database', async () => {
    expect(await clientFor(dbUrl).testConnection()).toEqual({ dbName: 'fail-well' });
  });

  it('a wrong password is unauthorized', async () => {
    expect(await failure(clientFor(dbUrl, 'not-the-password').testConnection())).toBe(
      'unauthorized',
    );
  });

  it('a database that does not exist is no-database', async () => {
    expect(await failure(clientFor(`${server.origin}/not-made-yet`).testConnection())).toBe(
      'no-database',
    );
  });

  it('pushes three documents, pulls them, and the since it gave pulls nothing new', async () => {
    const url = await server.createDb('pull-push');
    const client = clientFor(url);
    const docs = ['r:1', 'r:2', 'r:3'].map((id) => ({ _id: id, v: 1, kid: 'k', iv: 'i', ct: id }));
    const pushed = await client.pushDocs(docs);
    expect(pushed.map((r) => [r.id, r.ok])).toEqual([
      ['r:1', true],
      ['r:2', true],
      ['r:3', true],
    ]);
    const first = await client.pullChanges(undefined);
    expect(first.results.map((r) => r.id).sort()).toEqual(['r:1', 'r:2', 'r:3']);
    expect(first.results.map((r) => r.doc?.ct).sort()).toEqual(['r:1', 'r:2', 'r:3']);
    expect(typeof first.lastSeq).toBe('string');
    const next = await client.pullChanges(first.lastSeq);
    expect(next.results).toEqual([]);
    expect(next.lastSeq).toBe(first.lastSeq);
  });

  it('a stale _rev is a conflict, and getDocs gives the server version', async () => {
    const url = await server.createDb('conflicts');
    const client = clientFor(url);
    const [created] = await client.pushDocs([{ _id: 'r:a', ct: 'first' }]);
    if (!created?.ok) throw new Error('The first write failed');
    const [updated] = await client.pushDocs([{ _id: 'r:a', _rev: created.rev, ct: 'second' }]);
    if (!updated?.ok) throw new Error('The second write failed');
    // This device still holds the first revision.
    const [stale] = await client.pushDocs([{ _id: 'r:a', _rev: created.rev, ct: 'mine' }]);
    expect(stale).toMatchObject({ id: 'r:a', ok: false, error: 'conflict' });
    const versions = await client.getDocs(['r:a', 'r:none']);
    expect(versions.get('r:a')).toEqual({
      state: 'doc',
      doc: { _id: 'r:a', _rev: updated.rev, ct: 'second' },
    });
    expect(versions.get('r:none')).toEqual({ state: 'missing' });
  });

  it('reads and writes the keyring document; a stale write is a conflict', async () => {
    const url = await server.createDb('keyring');
    const client = clientFor(url);
    expect(await client.getDoc('fail-well:keyring')).toBeUndefined();
    const { rev } = await client.putDoc({ _id: 'fail-well:keyring', keys: [] });
    expect(await client.getDoc('fail-well:keyring')).toEqual({
      _id: 'fail-well:keyring',
      _rev: rev,
      keys: [],
    });
    expect(await failure(client.putDoc({ _id: 'fail-well:keyring', keys: [1] }))).toBe('conflict');
  });
});
