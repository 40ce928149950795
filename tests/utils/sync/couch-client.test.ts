import { describe, expect, it } from 'vitest';
import { createCouchClient } from '../../../utils/sync/couch-client';
import {
  MAX_ATTEMPTS,
  retryDelay,
  SyncHttpError,
  type SyncHttpErrorCode,
} from '../../../utils/sync/couch-errors';
import { httpProblem } from '../../../utils/sync/sync-http-messages';

const DB = 'https://couch.example.com/fail-well';
const ROOT = { couchdb: 'Welcome', version: '3.4.2' };

interface Seen {
  url: string;
  init: RequestInit;
}

type Answer = (url: string) => Response | Promise<Response>;

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

/** A fetch that answers the server root as CouchDB and everything else with `answer`. */
function fakeServer(answer: Answer) {
  const seen: Seen[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    seen.push({ url, init: init ?? {} });
    return url === 'https://couch.example.com/' ? json(ROOT) : answer(url);
  }) as typeof globalThis.fetch;
  return {
    seen,
    client: createCouchClient({ dbUrl: DB, user: 'anna', password: 'pässwörd€', fetch }),
  };
}

async function codeOf(promise: Promise<unknown>): Promise<SyncHttpError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SyncHttpError) return error;
    throw error;
  }
  throw new Error('Expected a SyncHttpError');
}

const headerOf = (seen: Seen, name: string) => new Headers(seen.init.headers).get(name);

describe('couch client: failures', () => {
  it.each<[string, Answer, SyncHttpErrorCode, boolean]>([
    [
      'an HTML page with 200',
      () =>
        new Response('<html><body>Sign in</body></html>', {
          status: 200,
          headers: { 'Content-Type': 'text/html' },
        }),
      'not-couch',
      false,
    ],
    [
      'JSON cut short',
      () =>
        new Response('{"results":[{"id":"r:1"', {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        }),
      'bad-response',
      false,
    ],
    ['401', () => json({ error: 'unauthorized' }, 401), 'unauthorized', false],
    ['403', () => json({ error: 'forbidden' }, 403), 'forbidden', false],
    ['404', () => json({ error: 'not_found' }, 404), 'no-database', false],
    ['413', () => new Response('Request Entity Too Large', { status: 413 }), 'too-large', false],
    ['429', () => json({ error: 'too_many_requests' }, 429), 'rate-limited', true],
    ['500', () => json({ error: 'unknown_error' }, 500), 'server-error', true],
    [
      '503',
      () => new Response('<h1>Service Unavailable</h1>', { status: 503 }),
      'server-error',
      true,
    ],
    ['400', () => json({ error: 'bad_request' }, 400), 'bad-response', false],
    [
      'a network failure',
      () => {
        throw new TypeError('Failed to fetch');
      },
      'unreachable',
      true,
    ],
    ['_changes without results', () => json({ last_seq: '5-abc' }), 'bad-response', false],
    ['_changes without last_seq', () => json({ results: [] }), 'bad-response', false],
  ])('pullChanges: %s → %s', async (_what, answer, code, retryable) => {
    const { client } = fakeServer(answer);
    const error = await codeOf(client.pullChanges(undefined));
    expect(error.code).toBe(code);
    expect(error.retryable).toBe(retryable);
    expect(error.message).toContain(code);
  });

  it.each<[string, unknown, SyncHttpErrorCode]>([
    ['a JSON root without couchdb or vendor', { hello: 'world' }, 'not-couch'],
    ['a JSON list', [], 'not-couch'],
  ])('ping: %s → %s', async (_what, root, code) => {
    const fetch = (async () => json(root)) as typeof globalThis.fetch;
    const client = createCouchClient({ dbUrl: DB, user: 'a', password: 'b', fetch });
    expect((await codeOf(client.ping())).code).toBe(code);
  });

  it('ping: a CouchDB behind a path prefix is asked at that prefix, not at the origin', async () => {
    const asked: string[] = [];
    const fetch = (async (input: RequestInfo | URL) => {
      asked.push(String(input));
      return String(input) === 'https://proxy.example.com/couch/'
        ? json(ROOT)
        : json({ error: 'not_found' }, 404);
    }) as typeof globalThis.fetch;
    const dbUrl = 'https://proxy.example.com/couch/journal';
    const client = createCouchClient({ dbUrl, user: 'a', password: 'b', fetch });
    await client.ping();
    expect(asked).toEqual(['https://proxy.example.com/couch/']);
  });

  it('ping: an HTML page at the root is not CouchDB', async () => {
    const fetch = (async () =>
      new Response('<!doctype html><p>Router login</p>')) as typeof globalThis.fetch;
    const client = createCouchClient({ dbUrl: DB, user: 'a', password: 'b', fetch });
    expect((await codeOf(client.testConnection())).code).toBe('not-couch');
  });

  it.each<[number, SyncHttpErrorCode]>([
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'no-database'],
  ])('testConnection: %i on the database → %s', async (status, code) => {
    const { client } = fakeServer(() => json({ error: 'x' }, status));
    expect((await codeOf(client.testConnection())).code).toBe(code);
  });

  it('putDoc: 409 → conflict; getDoc: 404 → undefined', async () => {
    const { client } = fakeServer(() => json({ error: 'conflict' }, 409));
    expect((await codeOf(client.putDoc({ _id: 'fail-well:keyring' }))).code).toBe('conflict');
    const missing = fakeServer(() => json({ error: 'not_found' }, 404));
    expect(await missing.client.getDoc('fail-well:keyring')).toBeUndefined();
  });

  it.each<SyncHttpErrorCode>([
    'unreachable',
    'not-couch',
    'unauthorized',
    'forbidden',
    'no-database',
    'too-large',
    'rate-limited',
    'server-error',
    'bad-response',
    'conflict',
  ])('%s has plain words', (code) => {
    expect(httpProblem(code)).toMatch(/\p{L}+ \p{L}+/u);
  });
});

describe('couch client: requests', () => {
  it('sends basic auth of the UTF-8 bytes, JSON accept, no cookies, no cache', async () => {
    const { client, seen } = fakeServer(() => json({ db_name: 'fail-well', doc_count: 0 }));
    expect(await client.testConnection()).toEqual({ dbName: 'fail-well' });
    expect(seen.map((s) => s.url)).toEqual(['https://couch.example.com/', DB]);
    for (const request of seen) {
      const auth = headerOf(request, 'Authorization') ?? '';
      expect(auth.startsWith('Basic ')).toBe(true);
      expect(
        new TextDecoder().decode(Uint8Array.from(atob(auth.slice(6)), (c) => c.charCodeAt(0))),
      ).toBe('anna:pässwörd€');
      expect(headerOf(request, 'Accept')).toBe('application/json');
      expect(request.init.credentials).toBe('omit');
      expect(request.init.cache).toBe('no-store');
    }
  });

  it.each<[string, unknown, string]>([
    ['a CouchDB string', '12-g1AAAABXeJzLYWBg', '12-g1AAAABXeJzLYWBg'],
    ['a PouchDB integer', 7, '7'],
  ])('hands back since as the server gave it: %s', async (_what, lastSeq, stored) => {
    const { client, seen } = fakeServer(() =>
      json({
        results: [{ id: 'r:1', seq: lastSeq, changes: [], doc: { _id: 'r:1' } }],
        last_seq: lastSeq,
        pending: 0,
      }),
    );
    const first = await client.pullChanges(undefined, 50);
    expect(first).toEqual({
      results: [{ id: 'r:1', seq: stored, doc: { _id: 'r:1' } }],
      lastSeq: stored,
      pending: 0,
    });
    await client.pullChanges(first.lastSeq);
    const [firstUrl, nextUrl] = seen.map((s) => new URL(s.url));
    expect(firstUrl?.searchParams.get('since')).toBe('0');
    expect(firstUrl?.searchParams.get('limit')).toBe('50');
    expect(firstUrl?.searchParams.get('include_docs')).toBe('true');
    expect(nextUrl?.searchParams.get('since')).toBe(stored);
    expect(nextUrl?.searchParams.get('limit')).toBe('500');
  });

  it('pushDocs: JSON body, per-document results with conflicts', async () => {
    const { client, seen } = fakeServer(() =>
      json(
        [
          { ok: true, id: 'r:1', rev: '1-a' },
          { id: 'r:2', error: 'conflict', reason: 'Document update conflict.' },
        ],
        201,
      ),
    );
    const docs = [{ _id: 'r:1' }, { _id: 'r:2', _rev: '1-old' }];
    expect(await client.pushDocs(docs)).toEqual([
      { id: 'r:1', ok: true, rev: '1-a' },
      { id: 'r:2', ok: false, error: 'conflict', reason: 'Document update conflict.' },
    ]);
    const [request] = seen;
    expect(request?.url).toBe(`${DB}/_bulk_docs`);
    expect(request?.init.method).toBe('POST');
    expect(headerOf(request ?? { url: '', init: {} }, 'Content-Type')).toBe('application/json');
    expect(JSON.parse(String(request?.init.body))).toEqual({ docs });
  });

  it('getDocs: a document, a deletion and a missing id', async () => {
    const { client, seen } = fakeServer(() =>
      json({
        rows: [
          { id: 'r:1', key: 'r:1', value: { rev: '2-b' }, doc: { _id: 'r:1', _rev: '2-b', v: 1 } },
          { id: 'r:2', key: 'r:2', value: { rev: '3-c', deleted: true }, doc: null },
          { key: 'r:3', error: 'not_found' },
        ],
      }),
    );
    const versions = await client.getDocs(['r:1', 'r:2', 'r:3', 'r:4']);
    expect(Object.fromEntries(versions)).toEqual({
      'r:1': { state: 'doc', doc: { _id: 'r:1', _rev: '2-b', v: 1 } },
      'r:2': { state: 'deleted', rev: '3-c' },
      'r:3': { state: 'missing' },
      'r:4': { state: 'missing' },
    });
    expect(JSON.parse(String(seen[0]?.init.body))).toEqual({ keys: ['r:1', 'r:2', 'r:3', 'r:4'] });
  });
});

describe('retryDelay', () => {
  it.each<[number, number, number]>([
    [0, 0, 500],
    [0, 1, 1000],
    [1, 0, 1000],
    [1, 1, 2000],
    [2, 1, 4000],
    [8, 0, 128_000],
    [9, 1, 300_000],
    [50, 1, 300_000],
    [50, 0, 150_000],
  ])('attempt %i, random %d → %i ms', (attempt, random, ms) => {
    expect(retryDelay(attempt, () => random)).toBe(ms);
  });

  it('stays within 5 minutes for every attempt sync makes', () => {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      expect(retryDelay(attempt, Math.random)).toBeLessThanOrEqual(300_000);
    }
    expect(MAX_ATTEMPTS).toBe(6);
  });
});
