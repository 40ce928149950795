/**
 * The few CouchDB requests sync makes, against the person's own database: check the server
 * and the database, pull `_changes`, push with `_bulk_docs`, read the server's versions after
 * a conflict, and read and write the keyring document. `fetch` is handed in (the worker passes
 * the real one, tests a fake), so this file touches no browser API. Every failure is a
 * SyncHttpError with a code (couch-errors.ts); nothing here retries or waits.
 */
import { SyncHttpError, statusError } from './couch-errors';

// The engine imports its errors and backoff from here too, beside the client that throws them.
export {
  MAX_ATTEMPTS,
  retryDelay,
  SyncHttpError,
  type SyncHttpErrorCode,
} from './couch-errors';

export interface CouchClientOptions {
  /** The database's URL without a trailing slash (ServerAddress.dbUrl). */
  dbUrl: string;
  user: string;
  password: string;
  fetch: typeof fetch;
}

/** One row of `_changes`. `seq` is opaque: kept as the server's string, or a number's String(). */
export interface ChangeRow {
  id: string;
  seq: string;
  deleted?: boolean;
  doc?: Record<string, unknown>;
}

export interface ChangesPage {
  results: ChangeRow[];
  /** Hand back as `since` on the next pull, exactly as it is. */
  lastSeq: string;
  /** How many changes are still waiting after this page, when the server says. */
  pending?: number;
}

/** One document's outcome in a bulk write. */
export type PushResult =
  | { id: string; ok: true; rev: string }
  | { id: string; ok: false; error: 'conflict' | string; reason?: string };

/** The server's version of a document asked for by id. */
export type ServerVersion =
  | { state: 'doc'; doc: Record<string, unknown> }
  | { state: 'deleted'; rev: string }
  | { state: 'missing' };

export interface CouchClient {
  ping(): Promise<void>;
  testConnection(): Promise<{ dbName: string }>;
  pullChanges(since: string | undefined, limit?: number): Promise<ChangesPage>;
  pushDocs(docs: readonly object[]): Promise<PushResult[]>;
  getDocs(ids: readonly string[]): Promise<Map<string, ServerVersion>>;
  getDoc(id: string): Promise<Record<string, unknown> | undefined>;
  putDoc<T extends { readonly _id: string }>(doc: T): Promise<{ id: string; rev: string }>;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const badResponse = (status?: number) => new SyncHttpError('bad-response', status);

/** `Basic …` of the UTF-8 bytes: btoa alone throws on a password with "ü" or "€" in it. */
export function basicAuth(user: string, password: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(`${user}:${password}`)) {
    binary += String.fromCharCode(byte);
  }
  return `Basic ${btoa(binary)}`;
}

/** A server's sequence as the opaque string sync stores: CouchDB sends strings, PouchDB numbers. */
function seqOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function changeRow(value: unknown): ChangeRow {
  if (!isObject(value) || typeof value.id !== 'string') throw badResponse();
  const seq = seqOf(value.seq);
  if (seq === null) throw badResponse();
  const row: ChangeRow = { id: value.id, seq };
  if (value.deleted === true) row.deleted = true;
  if (isObject(value.doc)) row.doc = value.doc;
  return row;
}

function pushResult(value: unknown): PushResult {
  if (!isObject(value) || typeof value.id !== 'string') throw badResponse();
  if (typeof value.error === 'string') {
    const reason = typeof value.reason === 'string' ? value.reason : undefined;
    return { id: value.id, ok: false, error: value.error, ...(reason ? { reason } : {}) };
  }
  if (typeof value.rev !== 'string') throw badResponse();
  return { id: value.id, ok: true, rev: value.rev };
}

function serverVersion(row: Json): ServerVersion {
  const value = isObject(row.value) ? row.value : undefined;
  if (value?.deleted === true && typeof value.rev === 'string') {
    return { state: 'deleted', rev: value.rev };
  }
  if (isObject(row.doc)) return { state: 'doc', doc: row.doc };
  return { state: 'missing' };
}

/** A client for one database; requests carry the person's credentials and nothing else. */
export function createCouchClient(options: CouchClientOptions): CouchClient {
  const { dbUrl, fetch: send } = options;
  // The server's root is where the database sits: behind a reverse proxy's path prefix
  // ("https://host/couch/journal") that is "https://host/couch/", not the origin.
  const rootUrl = dbUrl.slice(0, dbUrl.lastIndexOf('/') + 1);
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.user !== '' || options.password !== '') {
    headers.Authorization = basicAuth(options.user, options.password);
  }

  /** One request: the parsed JSON of a 2xx reply, or a SyncHttpError. `allow` lets a status through as null. */
  async function request(
    method: string,
    url: string,
    body?: unknown,
    allow?: number,
  ): Promise<unknown> {
    const init: RequestInit = {
      method,
      headers: body === undefined ? headers : { ...headers, 'Content-Type': 'application/json' },
      // The password goes in our header only: no cookies of the server's site, no cached copy.
      credentials: 'omit',
      cache: 'no-store',
    };
    if (body !== undefined) init.body = JSON.stringify(body);
    let response: Response;
    let text: string;
    try {
      response = await send(url, init);
      text = await response.text();
    } catch (cause) {
      if (cause instanceof SyncHttpError) throw cause;
      throw new SyncHttpError('unreachable', undefined, cause);
    }
    if (response.status === allow) return null;
    const failure = statusError(response.status);
    if (failure) throw failure;
    try {
      return JSON.parse(text);
    } catch (cause) {
      // A JSON reply cut short is a broken answer; a page of HTML is not CouchDB at all.
      const type = response.headers.get('Content-Type') ?? '';
      const looksJson = /json/i.test(type) || /^\s*[[{]/.test(text);
      throw new SyncHttpError(looksJson ? 'bad-response' : 'not-couch', response.status, cause);
    }
  }

  const docUrl = (id: string) => `${dbUrl}/${encodeURIComponent(id)}`;

  async function ping(): Promise<void> {
    let root: unknown;
    try {
      root = await request('GET', rootUrl);
    } catch (error) {
      // Whatever answers 404 or a cut-short page at the root is not a CouchDB server.
      if (error instanceof SyncHttpError && ['no-database', 'bad-response'].includes(error.code)) {
        throw new SyncHttpError('not-couch', error.status, error);
      }
      throw error;
    }
    if (!isObject(root) || !('couchdb' in root || 'vendor' in root)) {
      throw new SyncHttpError('not-couch');
    }
  }

  return {
    ping,

    async testConnection() {
      await ping();
      const info = await request('GET', dbUrl);
      if (!isObject(info) || typeof info.db_name !== 'string') throw badResponse();
      return { dbName: info.db_name };
    },

    async pullChanges(since, limit = 500) {
      const query = new URLSearchParams({
        since: since ?? '0',
        include_docs: 'true',
        limit: String(limit),
      });
      const page = await request('GET', `${dbUrl}/_changes?${query}`);
      if (!isObject(page) || !Array.isArray(page.results)) throw badResponse();
      const lastSeq = seqOf(page.last_seq);
      if (lastSeq === null) throw badResponse();
      const result: ChangesPage = { results: page.results.map(changeRow), lastSeq };
      if (typeof page.pending === 'number') result.pending = page.pending;
      return result;
    },

    async pushDocs(docs) {
      const reply = await request('POST', `${dbUrl}/_bulk_docs`, { docs });
      if (!Array.isArray(reply)) throw badResponse();
      return reply.map(pushResult);
    },

    async getDocs(ids) {
      const reply = await request('POST', `${dbUrl}/_all_docs?include_docs=true`, { keys: ids });
      if (!isObject(reply) || !Array.isArray(reply.rows)) throw badResponse();
      const versions = new Map<string, ServerVersion>();
      for (const row of reply.rows) {
        if (!isObject(row) || typeof row.key !== 'string') throw badResponse();
        versions.set(row.key, serverVersion(row));
      }
      // An id the server left out of its answer is as good as missing.
      for (const id of ids) if (!versions.has(id)) versions.set(id, { state: 'missing' });
      return versions;
    },

    async getDoc(id) {
      const doc = await request('GET', docUrl(id), undefined, 404);
      if (doc === null) return undefined;
      if (!isObject(doc)) throw badResponse();
      return doc;
    },

    async putDoc(doc) {
      const reply = await request('PUT', docUrl(doc._id), doc);
      if (!isObject(reply) || typeof reply.id !== 'string' || typeof reply.rev !== 'string') {
        throw badResponse();
      }
      return { id: reply.id, rev: reply.rev };
    },
  };
}
