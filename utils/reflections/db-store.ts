/**
 * The reflections database's typed reads and writes; the schema and the connection are
 * db-connection-store.ts, and callers never get the raw database.
 *
 * Every extension page opens the database directly (they share the extension's origin), so
 * the popup never waits for a sleeping service worker. Writes announce themselves on a
 * BroadcastChannel so other open pages refresh.
 *
 * With the journal's lock on, every write stores the sealed form and every read returns the
 * readable one where this context can open it (utils/lock/lock-codec-store.ts): callers work
 * with plain reflections either way.
 */

import { t } from '../i18n/i18n';
import { currentCodec, type LockCodec, readableRows, storedForm } from '../lock/lock-codec-store';
import {
  announce,
  type ChangeTransaction,
  forgetConnection,
  connect as open,
} from './db-connection-store';
import type { Reflection, ReviewState } from './reflection';
import { fromStoredRow, type StoredReflection, toStoredRow } from './stored-row';
import { outboxEntry } from './sync-rows';

/** Every change to a reflection is also an outbox entry, committed with it (sync sends it). */
const CHANGE = ['reflections', 'outbox'] as const;

/**
 * Put `row` and its outbox entry in `tx`, then wait for the commit. The outcome is the
 * transaction's: a full disk aborts at commit with QuotaExceededError, which the page names,
 * while the second request would only report the abort.
 */
function writeChange(tx: ChangeTransaction, row: StoredReflection): Promise<void> {
  tx.objectStore('reflections')
    .put(row)
    .catch(() => {});
  tx.objectStore('outbox')
    .put(outboxEntry(row.id))
    .catch(() => {});
  return tx.done;
}

/** Open the connection now, so a page's first write does not wait for it (the popup). */
export async function openEarly(): Promise<void> {
  await open();
}

/** The row to store for `reflection`: sealed when the lock is on, with its derived fields. */
async function storedRow(reflection: Reflection, codec: LockCodec): Promise<StoredReflection> {
  return toStoredRow(await storedForm(reflection, codec));
}

/** What callers see of stored rows: derived fields gone, words opened where they can be. */
function readable(rows: StoredReflection[], codec?: LockCodec): Promise<Reflection[]> {
  return readableRows(rows.map(fromStoredRow), codec);
}

/** Store a new reflection (or replace one with the same id). */
export async function saveReflection(reflection: Reflection): Promise<void> {
  const [db, codec] = await Promise.all([open(), currentCodec()]);
  const row = await storedRow(reflection, codec);
  try {
    await writeChange(db.transaction(CHANGE, 'readwrite'), row);
  } catch (error) {
    // A connection the browser closed under us cannot be used again: open afresh next time.
    if (error instanceof DOMException && error.name === 'InvalidStateError') forgetConnection();
    throw error;
  }
  announce({ type: 'saved', ids: [reflection.id] });
}

/** One reflection by id, deleted or not; undefined when there is none. */
export async function getReflection(id: string): Promise<Reflection | undefined> {
  const db = await open();
  const row = await db.get('reflections', id);
  return row && (await readable([row]))[0];
}

export interface ReflectionPage {
  items: Reflection[];
  /** Pass back as `before` to read the next page; null at the end. */
  next: number | null;
}

/**
 * A page of reflections, newest first, skipping soft-deleted ones. Reads with a cursor on
 * `by-createdAt`, so the cost is the page size, not the number of stored reflections.
 */
export async function listReflections(
  options: { before?: number; limit?: number } = {},
): Promise<ReflectionPage> {
  const limit = options.limit ?? 50;
  const db = await open();
  const range = options.before === undefined ? null : IDBKeyRange.upperBound(options.before, true);
  const items: Reflection[] = [];
  let cursor = await db
    .transaction('reflections')
    .store.index('by-createdAt')
    .openCursor(range, 'prev');
  let last: number | null = null;
  while (cursor && items.length < limit) {
    last = cursor.value.createdAt;
    if (cursor.value.deletedAt === null) items.push(cursor.value);
    cursor = await cursor.continue();
  }
  return { items: await readable(items), next: cursor ? last : null };
}

/** Every reflection, including soft-deleted ones (for export and index building). */
export async function allReflections(): Promise<Reflection[]> {
  const db = await open();
  return readable(await db.getAll('reflections'));
}

/** What a full read learned about the stored form of the rows it opened. */
export interface ReadReport {
  /** Ids of rows sealed to the public key (written while locked), for compaction afterwards. */
  sealedToPublicKey: string[];
}

/**
 * Every reflection (deleted ones included) in key order, `count` at a time. The next batch's
 * `getAll` is asked for as soon as this one's rows arrive, before they are opened and handed
 * on, so IndexedDB reads while this context decrypts and indexes: at 100,000 sealed rows the
 * read and the opening take about the same time, and one waited for the other. `report`
 * gathers the ids of rows sealed to the public key as they go by (the opening needs no second
 * read of the journal to find them).
 */
export async function* reflectionsInKeyOrder(
  count: number,
  report?: ReadReport,
  from: {
    /** Start after this id (a read carried on where another left off). */
    after?: string | null;
    /** The lock's keys, where this context cannot read them from storage (a worker). */
    codec?: LockCodec;
  } = {},
): AsyncGenerator<Reflection[], void, undefined> {
  const db = await open();
  const codec = from.codec ?? (await currentCodec());
  const readAfter = (after: string | null) =>
    db.getAll('reflections', after === null ? null : IDBKeyRange.lowerBound(after, true), count);
  let pending: Promise<StoredReflection[]> | null = readAfter(from.after ?? null);
  while (pending) {
    const rows: StoredReflection[] = await pending;
    const last = rows.at(-1);
    pending = rows.length === count && last ? readAfter(last.id) : null;
    // A read already under way must not fail unheard while this batch is opened.
    pending?.catch(() => {});
    if (report) {
      for (const row of rows) if (row.sealed?.f === 'pk') report.sealedToPublicKey.push(row.id);
    }
    if (rows.length > 0) yield await readable(rows, codec);
  }
}

/** Reflections by id, in the same order; missing ones left out. */
export async function getReflections(ids: readonly string[]): Promise<Reflection[]> {
  const db = await open();
  const tx = db.transaction('reflections');
  const found = await Promise.all(ids.map((id) => tx.store.get(id)));
  return readable(found.filter((r) => r !== undefined));
}

/**
 * Store a new resurfacing state. Not an edit of the lesson, so `updatedAt` stays as it is.
 * Returns the stored record, or undefined when it is gone.
 */
export function setReviewState(id: string, review: ReviewState): Promise<Reflection | undefined> {
  return rewrite(id, (current) => ({ ...current, review }));
}

/** A change that read a row is retried this often when another page wrote it meanwhile. */
const REWRITE_TRIES = 8;

/**
 * Read, change and write one record, then tell the other pages. Returns the stored result,
 * or undefined when it is gone. Opening and sealing (the lock) is WebCrypto, which would let
 * an IndexedDB transaction close under us, so the read and the write are two transactions
 * and the write goes ahead only if the row is still what was read; else the change is made
 * again on the newer row. Two pages changing one record at once never lose a change.
 */
async function rewrite(
  id: string,
  change: (current: Reflection) => Reflection,
): Promise<Reflection | undefined> {
  const db = await open();
  for (let attempt = 0; attempt < REWRITE_TRIES; attempt++) {
    const [stored, codec] = await Promise.all([db.get('reflections', id), currentCodec()]);
    if (!stored) return undefined;
    const [current] = await readable([stored], codec);
    const next = change(current as Reflection);
    const row = await storedRow(next, codec);
    const tx = db.transaction(CHANGE, 'readwrite');
    const rows = tx.objectStore('reflections');
    const again = await rows.get(id);
    if (!again || JSON.stringify(again) !== JSON.stringify(stored)) {
      await tx.done;
      if (!again) return undefined;
      continue;
    }
    await writeChange(tx, row);
    announce({ type: 'updated', ids: [id] });
    return next;
  }
  throw new DOMException('The reflection kept changing; nothing was lost', 'AbortError');
}

/** How many reflections are stored, deleted ones included. */
export async function countReflections(): Promise<number> {
  const db = await open();
  return db.count('reflections');
}

/**
 * Change a reflection in one transaction: `change` gets the stored record and returns the
 * new one; `updatedAt` is set to `now`. Returns the stored result, or undefined if missing.
 */
export async function updateReflection(
  id: string,
  change: (current: Reflection) => Reflection,
  now: number = Date.now(),
): Promise<Reflection | undefined> {
  return rewrite(id, (current) => ({ ...change(current), id, updatedAt: now }));
}

/** Soft-delete: the record stays until purged, so "Undo" can bring it back. */
export async function deleteReflection(id: string, now: number = Date.now()): Promise<void> {
  await updateReflection(id, (r) => ({ ...r, deletedAt: now }), now);
  announce({ type: 'deleted', ids: [id] });
}

/** Undo a soft delete. */
export async function restoreReflection(id: string, now: number = Date.now()): Promise<void> {
  await updateReflection(id, (r) => ({ ...r, deletedAt: null }), now);
  announce({ type: 'restored', ids: [id] });
}

/**
 * Remove for good every reflection soft-deleted before `olderThan`; returns how many. Each
 * goes into the outbox too: sync tells the server it is gone, so no device brings it back.
 */
export async function purgeDeleted(olderThan: number): Promise<number> {
  const db = await open();
  const tx = db.transaction(CHANGE, 'readwrite');
  const outbox = tx.objectStore('outbox');
  let cursor = await tx
    .objectStore('reflections')
    .index('by-deletedAt')
    .openCursor(IDBKeyRange.upperBound(olderThan, true));
  let purged = 0;
  while (cursor) {
    outbox.put(outboxEntry(cursor.primaryKey)).catch(() => {}); // tx.done reports a failure
    await cursor.delete();
    purged++;
    cursor = await cursor.continue();
  }
  await tx.done;
  return purged;
}

/** Every tag used so far, alphabetically, for suggestions. Reads index keys only. */
export async function listTags(): Promise<string[]> {
  const db = await open();
  const tags: string[] = [];
  let cursor = await db
    .transaction('reflections')
    .store.index('by-tag')
    .openKeyCursor(null, 'nextunique');
  while (cursor) {
    tags.push(cursor.key);
    cursor = await cursor.continue();
  }
  return tags;
}

/** Reflections carrying a tag, newest first (deleted ones left out). */
export async function reflectionsWithTag(tag: string): Promise<Reflection[]> {
  const db = await open();
  const found = await readable(await db.getAllFromIndex('reflections', 'by-tag', tag));
  return found.filter((r) => r.deletedAt === null).sort((a, b) => b.createdAt - a.createdAt);
}

/**
 * Reflections with an unanswered check due at or before `now` (live, open ones only), in no
 * particular order: one read of the follow-up index, so the cost is the due rows, not the
 * journal. Rows without an open check have no key and are never read.
 */
export async function reflectionsWithCheckDueBy(now: number): Promise<Reflection[]> {
  const db = await open();
  return readable(
    await db.getAllFromIndex('reflections', 'by-nextFollowUpAt', IDBKeyRange.upperBound(now)),
  );
}

/** A plain-words message for an IndexedDB failure, for showing next to the kept draft. */
export function describeDbError(error: unknown): string {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  const cause = error instanceof Error ? error.cause : undefined;
  const inner = cause instanceof DOMException || cause instanceof Error ? cause.name : '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return t('dbErrorQuota');
  }
  if (name === 'DbOpenError' && inner === 'VersionError') {
    return t('dbErrorUpdated');
  }
  if (name === 'DbOpenError') {
    return t('dbErrorCannotOpen');
  }
  if (name === 'InvalidStateError' || name === 'UnknownError' || name === 'AbortError') {
    return t('dbErrorWrite');
  }
  if (name === 'SecurityError' || name === 'NotFoundError') {
    return t('dbErrorUnavailable');
  }
  return t('dbErrorOther');
}
