/**
 * Reading every stored row from a context that cannot load the schema's module: the review
 * page's reader worker (utils/reflections/db-name.ts says why). Plain IndexedDB, read-only, by
 * name: it never creates or upgrades the database — the page that started the worker has
 * already opened it at the current version — and it steps aside when a newer version asks.
 */
import { DB_NAME } from './db-name';
import type { Reflection } from './reflection';
import { fromStoredRow, type StoredReflection } from './stored-row';

function openExisting(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME);
    request.onupgradeneeded = () => {
      // No database yet: creating an empty one here would skip the schema's ladder.
      request.transaction?.abort();
    };
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('The database is being upgraded'));
  });
}

function getAll(db: IDBDatabase, after: string | null, count: number) {
  return new Promise<StoredReflection[]>((resolve, reject) => {
    const range = after === null ? null : IDBKeyRange.lowerBound(after, true);
    const request = db.transaction('reflections').objectStore('reflections').getAll(range, count);
    request.onsuccess = () => resolve(request.result as StoredReflection[]);
    request.onerror = () => reject(request.error);
  });
}

/**
 * Every row as stored (sealed or not), in key order, `count` at a time, with the next batch's
 * read already under way while the caller works on this one (as db-store.ts's
 * reflectionsInKeyOrder does in a page).
 */
export async function* storedRowsInKeyOrder(
  count: number,
): AsyncGenerator<Reflection[], void, undefined> {
  const db = await openExisting();
  try {
    let pending: Promise<StoredReflection[]> | null = getAll(db, null, count);
    while (pending) {
      const rows: StoredReflection[] = await pending;
      const last = rows.at(-1);
      pending = rows.length === count && last ? getAll(db, last.id, count) : null;
      pending?.catch(() => {}); // heard when awaited; not "unhandled" meanwhile
      if (rows.length > 0) yield rows.map(fromStoredRow);
    }
  } finally {
    db.close();
  }
}
