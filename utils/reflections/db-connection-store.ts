/**
 * The reflections database's schema and connection: the only file that imports `idb`. It
 * owns the upgrade ladder, the connection's events (blocked, another version, closed) and the
 * change channel that tells every open page about a write. The typed reads and writes are
 * db-store.ts; bulk work is db-bulk-store.ts.
 */
import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB } from 'idb';
import { DB_NAME } from './db-name';
import { firstReview, type Reflection } from './reflection';
import { type StoredReflection, toStoredRow } from './stored-row';
import type { OutboxEntry, SyncBase, SyncStateRow } from './sync-rows';

// Tests and the bulk store open the database by this name too.
export { DB_NAME };
export const DB_VERSION = 4;

/** Version 1 of the schema. Old versions stay here when new ones are added. */
export interface FailWellDBv1 extends DBSchema {
  reflections: {
    key: string;
    value: Reflection;
    indexes: {
      'by-createdAt': number;
      'by-updatedAt': number;
      /** multiEntry: one entry per tag. */
      'by-tag': string;
      /** Only soft-deleted records carry a key, so purging reads just those. */
      'by-deletedAt': number;
    };
  };
}

/** Version 2: the resurfacing queue reads lessons by when they are next due. */
export interface FailWellDBv2 extends DBSchema {
  reflections: {
    key: string;
    value: Reflection;
    indexes: FailWellDBv1['reflections']['indexes'] & {
      /** `review.nextDueAt`: every record has one from version 2 on. */
      'by-reviewDue': number;
    };
  };
}

/**
 * Version 3: the hourly reminder check reads only reflections with a follow-up due. Rows
 * carry derived fields from here on (utils/reflections/stored-row.ts).
 */
export interface FailWellDBv3 extends DBSchema {
  reflections: {
    key: string;
    value: StoredReflection;
    indexes: FailWellDBv2['reflections']['indexes'] & {
      /** Only rows with an open, unanswered check carry a key: the due ones are a range. */
      'by-nextFollowUpAt': number;
    };
  };
}

/**
 * Version 4: sync. `outbox` names every reflection changed here since sync last sent it,
 * written in the same transaction as the change, so no edit is missed while offline or while
 * the worker sleeps; `syncBase` keeps, per reflection, the server revision and keyed field
 * hashes of the version both sides last agreed on (the merge's base; never plaintext);
 * `syncState` holds the pull checkpoint, advanced in the transaction that commits a pull.
 */
export interface FailWellDBv4 extends FailWellDBv3 {
  outbox: { key: string; value: OutboxEntry };
  syncBase: { key: string; value: SyncBase };
  syncState: { key: string; value: SyncStateRow };
}

export type FailWellDB = FailWellDBv4;

/** A write of reflections with their outbox entries (db-store.ts). */
export type ChangeTransaction = IDBPTransaction<FailWellDB, ['reflections', 'outbox'], 'readwrite'>;

/** Something the page should tell the user about the database connection. */
export type DbEvent =
  | { type: 'blocked' } // an older page keeps the old version open
  | { type: 'versionchange' } // a newer version wants in: this page closed its connection
  | { type: 'terminated' }; // the browser closed the connection abnormally

/** Announced on the channel after every committed write. */
export type ReflectionsChange =
  | { type: 'saved' | 'updated' | 'deleted' | 'restored'; ids: string[] }
  | { type: 'bulk' };

const CHANNEL = 'fail-well:reflections';

/**
 * Opening the database failed: Firefox with "never remember history" (InvalidStateError),
 * storage blocked by policy, or this page is older than the stored schema (VersionError).
 */
export class DbOpenError extends Error {
  override name = 'DbOpenError';
  constructor(cause: unknown) {
    super('Could not open the reflections database', { cause });
  }
}

let connection: Promise<IDBPDatabase<FailWellDB>> | null = null;
const dbListeners = new Set<(event: DbEvent) => void>();

function emit(event: DbEvent): void {
  for (const listener of dbListeners) listener(event);
}

/** Listen for connection trouble (another tab blocking an upgrade, a forced close). */
export function onDbEvent(listener: (event: DbEvent) => void): () => void {
  dbListeners.add(listener);
  return () => dbListeners.delete(listener);
}

function open(): Promise<IDBPDatabase<FailWellDB>> {
  // Some browsers throw from indexedDB.open itself (Firefox without history): the async
  // wrapper turns that into a rejection the catch below sees.
  connection ??= (async () =>
    openDB<FailWellDB>(DB_NAME, DB_VERSION, {
      async upgrade(db, oldVersion, _newVersion, tx) {
        // Append-only ladder: each step upgrades from the version before it. Only IndexedDB
        // work is awaited here, or the upgrade transaction would close under us.
        if (oldVersion < 1) {
          const store = db.createObjectStore('reflections', { keyPath: 'id' });
          store.createIndex('by-createdAt', 'createdAt');
          store.createIndex('by-updatedAt', 'updatedAt');
          store.createIndex('by-tag', 'tags', { multiEntry: true });
          store.createIndex('by-deletedAt', 'deletedAt');
        }
        if (oldVersion < 2) {
          const store = tx.objectStore('reflections');
          store.createIndex('by-reviewDue', 'review.nextDueAt');
          // Records from version 1 have no review state: give each its first due date.
          let cursor = await store.openCursor();
          while (cursor) {
            if (!cursor.value.review) {
              await cursor.update({ ...cursor.value, review: firstReview(cursor.value.createdAt) });
            }
            cursor = await cursor.continue();
          }
        }
        if (oldVersion < 3) {
          const store = tx.objectStore('reflections');
          store.createIndex('by-nextFollowUpAt', 'nextFollowUpAt');
          // Back-fill: only rows with an open check get the field (the rest stay as they are).
          let cursor = await store.openCursor();
          while (cursor) {
            const row = toStoredRow(cursor.value);
            if (row.nextFollowUpAt !== undefined) await cursor.update(row);
            cursor = await cursor.continue();
          }
        }
        if (oldVersion < 4) {
          // Empty: nothing was ever sent, and connecting a server queues the whole journal.
          db.createObjectStore('outbox', { keyPath: 'id' });
          db.createObjectStore('syncBase', { keyPath: 'id' });
          db.createObjectStore('syncState', { keyPath: 'key' });
        }
      },
      blocked() {
        emit({ type: 'blocked' });
      },
      blocking() {
        // A newer version is waiting for us: step aside at once so it never deadlocks.
        void connection?.then((db) => db.close());
        connection = null;
        emit({ type: 'versionchange' });
      },
      terminated() {
        connection = null;
        emit({ type: 'terminated' });
      },
    }))().catch((error: unknown) => {
    connection = null; // let the next call try again
    throw new DbOpenError(error);
  });
  return connection;
}

/**
 * The typed connection, for the database's own modules only (db-store.ts, db-bulk-store.ts,
 * db-rows-store.ts): nothing else gets the raw database.
 */
export function connect(): Promise<IDBPDatabase<FailWellDB>> {
  return open();
}

/** A connection the browser closed under us cannot be used again: open afresh next time. */
export function forgetConnection(): void {
  connection = null;
}

/** Tell other pages about a bulk change (for utils/reflections/db-bulk-store.ts). */
export function announceBulk(): void {
  announce({ type: 'bulk' });
}

/** Close this page's connection (tests, and pages that were asked to step aside). */
export async function closeDb(): Promise<void> {
  const pending = connection;
  connection = null;
  if (pending) (await pending).close();
}

let channel: BroadcastChannel | null = null;
function getChannel(): BroadcastChannel {
  channel ??= new BroadcastChannel(CHANNEL);
  return channel;
}

/** Tell every open page (this one too) that reflections changed. */
export function announce(change: ReflectionsChange): void {
  getChannel().postMessage(change);
}

/** Run `listener` when another page (or this one) changes reflections. */
export function onReflectionsChanged(listener: (change: ReflectionsChange) => void): () => void {
  // A channel object never hears its own posts, but it does hear other objects of the same
  // name in this page, so the page that wrote refreshes too.
  const own = new BroadcastChannel(CHANNEL);
  own.onmessage = (event: MessageEvent<ReflectionsChange>) => listener(event.data);
  return () => own.close();
}
