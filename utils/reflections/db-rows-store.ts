/**
 * Rows as stored, for the lock's migration (utils/lock/lock-migration-store.ts): read in key
 * order, and replaced only where nobody changed them since. Apart from db-bulk-store.ts so
 * the background, which resumes a migration after a restart, does not carry import code.
 */
import { announceBulk, connect } from './db-connection-store';
import type { Reflection } from './reflection';
import { fromStoredRow, toStoredRow } from './stored-row';

/**
 * Up to `count` stored rows after `afterId` in key order, as stored (the lock's migration
 * needs the sealed form, not the readable one). `total`, when given, receives the number of
 * rows (a count of the whole store: ask for it once per pass, not once per batch).
 */
export async function rowsAfter(
  afterId: string | null,
  count: number,
  total?: { value: number },
): Promise<Reflection[]> {
  const db = await connect();
  const tx = db.transaction('reflections');
  const range = afterId === null ? null : IDBKeyRange.lowerBound(afterId, true);
  // Counting walks the whole store: only when asked (once per pass, not once per batch).
  const [rows, n] = await Promise.all([
    tx.store.getAll(range, count),
    total ? tx.store.count() : Promise.resolve(0),
  ]);
  if (total) total.value = n;
  return rows.map(fromStoredRow);
}

/** Stored rows by id, as stored (sealed or not); ids with no row are left out. */
export async function rowsById(ids: readonly string[]): Promise<Reflection[]> {
  const db = await connect();
  const tx = db.transaction('reflections');
  const rows = await Promise.all(ids.map((id) => tx.store.get(id)));
  return rows.filter((r) => r !== undefined).map(fromStoredRow);
}

/**
 * Replace each `was` row by `now` in one transaction, but only where the stored row is still
 * exactly `was` (another page may have changed it since it was read): returns how many were
 * replaced. The rest are left for the caller's next pass, so no change is undone. With
 * `announce: false` the caller tells other pages itself (once for a whole run of batches).
 */
export async function replaceUnchanged(
  pairs: readonly { was: Reflection; now: Reflection }[],
  { announce = true }: { announce?: boolean } = {},
): Promise<number> {
  const db = await connect();
  const tx = db.transaction('reflections', 'readwrite');
  const current = await Promise.all(pairs.map((p) => tx.store.get(p.was.id)));
  let replaced = 0;
  const writes = pairs.map((pair, i) => {
    const stored = current[i];
    if (!stored || JSON.stringify(fromStoredRow(stored)) !== JSON.stringify(pair.was)) {
      return undefined;
    }
    replaced++;
    return tx.store.put(toStoredRow(pair.now));
  });
  await Promise.all([...writes, tx.done]);
  if (announce && replaced > 0) announceBulk();
  return replaced;
}
