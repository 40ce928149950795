/**
 * What automatic backups and the heartbeat read from the database: its numbers (no words),
 * and its rows exactly as stored — sealed rows stay sealed, so a backup of a locked journal
 * copies ciphertext and never needs the passphrase. Apart from db-bulk-store.ts so the
 * worker carries no import code.
 */
import { connect } from './db-connection-store';
import type { Reflection } from './reflection';
import { fromStoredRow } from './stored-row';

/** The database's numbers: rows (soft-deleted included), soft-deleted rows, newest change. */
export interface JournalSummary {
  rows: number;
  deleted: number;
  newestUpdatedAt: number | null;
}

/** Counted from the indexes in one read transaction: no record is read. */
export async function journalSummary(): Promise<JournalSummary> {
  const db = await connect();
  const tx = db.transaction('reflections');
  // `deletedAt` is null on live rows, and null is no key: the index holds only deleted ones.
  const [rows, deleted, newest] = await Promise.all([
    tx.store.count(),
    tx.store.index('by-deletedAt').count(),
    tx.store.index('by-updatedAt').openKeyCursor(null, 'prev'),
    tx.done,
  ]);
  return { rows, deleted, newestUpdatedAt: typeof newest?.key === 'number' ? newest.key : null };
}

/** Rows per read while backing up: ten requests for 100,000. */
const CHUNK = 10_000;

/** Every row as stored (sealed ones sealed), in key order, chunk by chunk in short reads. */
export async function* storedRowsById(
  chunkSize = CHUNK,
): AsyncGenerator<Reflection[], void, undefined> {
  let after: string | null = null;
  for (;;) {
    const db = await connect();
    const range: IDBKeyRange | null = after === null ? null : IDBKeyRange.lowerBound(after, true);
    const chunk: Reflection[] = (await db.getAll('reflections', range, chunkSize)).map(
      fromStoredRow,
    );
    const last = chunk.at(-1);
    if (last) {
      after = last.id;
      yield chunk;
    }
    if (chunk.length < chunkSize) return;
  }
}
