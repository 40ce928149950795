/**
 * Bulk work on the reflections database: an all-or-nothing import, a chunked reader for
 * export, and deleting everything. Kept apart from db.ts so the popup never loads it; it uses
 * db.ts's typed connection and never imports idb itself.
 */
import { currentCodec, readableRows, storedForm } from '../lock/lock-codec-store';
import { announceBulk, connect } from './db-connection-store';
import { storedRowsById } from './db-summary-store';
import type { Reflection } from './reflection';
import { fromStoredRow, toStoredRow } from './stored-row';
import { outboxEntry } from './sync-rows';

/** Records written between progress reports: often enough for a bar, rare enough to be free. */
const PROGRESS_EVERY = 500;
/** Records per read while exporting: ten requests for 100,000 rather than fifty. */
const EXPORT_CHUNK = 10_000;

/** What an import did: new records, newer versions that replaced stored ones, and skips. */
export interface ImportOutcome {
  added: number;
  replaced: number;
  skipped: number;
}

export interface BulkOptions {
  /** Records settled between two `onProgress` calls (the last one always reports). */
  progressEvery?: number;
  /** Called from the requests' callbacks as records are written, before the commit. */
  onProgress?: (done: number, total: number) => void;
  /** Cancelling aborts the transaction: nothing of the import is kept. */
  signal?: AbortSignal;
}

/**
 * Write checked reflections (ids unique, as `checkImport` ensures) in ONE readwrite
 * transaction (`durability: 'strict'`, so a finished import survives a crash). A stored
 * record with the same id is replaced only when the incoming one has a newer `updatedAt`,
 * else skipped. All or nothing by IndexedDB's own guarantee: an error on any record, a full
 * disk at commit, a cancel, a closed tab or a crash aborts the transaction and the store is
 * as it was; there is no undo to fail or to overwrite edits. Other connections' writes to the
 * store wait until it ends (IndexedDB serialises overlapping readwrite transactions), so
 * nothing can interleave with it. Everything here awaits IndexedDB requests only: checking
 * the file is done before it opens. Rejects with the first error, or the signal's reason.
 */
export async function importReflections(
  reflections: readonly Reflection[],
  options: BulkOptions = {},
): Promise<ImportOutcome> {
  const { signal, onProgress } = options;
  signal?.throwIfAborted();
  const outcome: ImportOutcome = { added: 0, replaced: 0, skipped: 0 };
  const total = reflections.length;
  if (total === 0) return outcome;
  const every = Math.max(1, options.progressEvery ?? PROGRESS_EVERY);
  // Sealed before the transaction opens (WebCrypto would let it close): with the lock on,
  // an import is stored encrypted like any other write.
  const codec = await currentCodec();
  const incomingRows =
    codec.open || codec.seal
      ? await Promise.all(reflections.map((r) => storedForm(r, codec)))
      : reflections;
  signal?.throwIfAborted();
  const db = await connect();
  signal?.throwIfAborted();
  // Every record written is an outbox entry too, in the same transaction (sync sends it).
  const tx = db.transaction(['reflections', 'outbox'], 'readwrite', { durability: 'strict' });
  const rows = tx.objectStore('reflections');
  const outbox = tx.objectStore('outbox');
  let firstError: unknown = null;
  const fail = (error: unknown) => {
    if (firstError !== null) return;
    try {
      tx.abort();
      firstError = error;
    } catch {
      // Already finished or aborting on its own: tx.done says how it ended.
    }
  };
  const write = (incoming: Reflection) => {
    outbox.put(outboxEntry(incoming.id)).catch(fail);
    return rows.put(toStoredRow(incoming));
  };
  const cancel = () => fail(signal?.reason);
  signal?.addEventListener('abort', cancel, { once: true });
  let settled = 0;
  const settle = () => {
    settled++;
    if (settled % every === 0 || settled === total) onProgress?.(settled, total);
  };
  try {
    // Keys only, once: most imports go into an empty or different profile, so most records
    // need no read at all to know they are new.
    const storedIds = new Set<string>(await rows.getAllKeys());
    for (const incoming of incomingRows) {
      if (firstError !== null) break;
      try {
        if (!storedIds.has(incoming.id)) {
          write(incoming).then(() => {
            outcome.added++;
            settle();
          }, fail);
          continue;
        }
        rows.get(incoming.id).then((current) => {
          if (current && current.updatedAt >= incoming.updatedAt) {
            outcome.skipped++;
            settle();
            return;
          }
          write(incoming).then(() => {
            if (current) outcome.replaced++;
            else outcome.added++;
            settle();
          }, fail);
        }, fail);
      } catch (error) {
        // A record the store refuses at once (DataError, DataCloneError, a full disk).
        fail(error);
      }
    }
    await tx.done;
  } catch (error) {
    throw firstError ?? error;
  } finally {
    signal?.removeEventListener('abort', cancel);
  }
  announceBulk();
  return outcome;
}

/**
 * Every reflection (deleted ones included), oldest first, in chunks read by separate short
 * transactions, so a page can yield between chunks while exporting 100,000 of them. Records
 * sharing a `createdAt` always arrive in the same chunk, which makes resuming exact.
 */
export async function* reflectionsOldestFirst(
  chunkSize = EXPORT_CHUNK,
): AsyncGenerator<Reflection[], void, undefined> {
  let after: number | null = null;
  for (;;) {
    const db = await connect();
    const tx = db.transaction('reflections');
    const index = tx.store.index('by-createdAt');
    const range = after === null ? null : IDBKeyRange.lowerBound(after, true);
    let chunk: Reflection[] = (await index.getAll(range, chunkSize)).map(fromStoredRow);
    const full = chunk.length === chunkSize;
    const last = chunk.at(-1);
    if (full && last) {
      // The chunk may have cut a run of equal createdAt values: drop that run, read it whole.
      const lastAt = last.createdAt;
      chunk = chunk.filter((r) => r.createdAt !== lastAt);
      chunk.push(...(await index.getAll(IDBKeyRange.only(lastAt))).map(fromStoredRow));
      after = lastAt;
    }
    await tx.done;
    if (chunk.length > 0) yield await readableRows(chunk);
    if (!full) return;
  }
}

/**
 * Every reflection (deleted ones included) in id order, in chunks read by separate short
 * transactions. Cheaper than date order — no index lookups — for exports where order does
 * not matter (JSON).
 */
export async function* reflectionsById(
  chunkSize = EXPORT_CHUNK,
): AsyncGenerator<Reflection[], void, undefined> {
  // The rows as stored (db-summary-store.ts, which backups read too), opened where the lock allows.
  for await (const chunk of storedRowsById(chunkSize)) yield await readableRows(chunk);
}

/**
 * Remove every reflection for good (the user confirmed it), and every other store a later
 * schema adds, in one transaction. Returns how many reflections there were.
 */
export async function deleteEverything(): Promise<number> {
  const db = await connect();
  const stores = [...db.objectStoreNames];
  const tx = db.transaction(stores, 'readwrite', { durability: 'strict' });
  const removed = await tx.objectStore('reflections').count();
  await Promise.all([...stores.map((name) => tx.objectStore(name).clear()), tx.done]);
  announceBulk();
  return removed;
}
