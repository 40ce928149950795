/**
 * Sync's reads and writes of the database (schema version 4): the outbox, the merge bases and
 * the pull checkpoint. Only the background's sync engine (utils/sync/worker/) uses this, so no
 * page carries it. The rows of a pulled batch, their bases and the checkpoint commit in ONE
 * transaction: the checkpoint never runs ahead of what was written.
 */
import { announceBulk, connect } from './db-connection-store';
import type { Reflection } from './reflection';
import { fromStoredRow, toStoredRow } from './stored-row';
import { type OutboxEntry, outboxEntry, type SyncBase } from './sync-rows';

const CHECKPOINT = 'checkpoint';
const SYNC_STORES = ['reflections', 'outbox', 'syncBase', 'syncState'] as const;

/** Queue every stored reflection for sending (a server was just connected); returns how many. */
export async function queueEverything(): Promise<number> {
  const db = await connect();
  const tx = db.transaction(['reflections', 'outbox'], 'readwrite');
  const ids = await tx.objectStore('reflections').getAllKeys();
  const outbox = tx.objectStore('outbox');
  await Promise.all([...ids.map((id) => outbox.put(outboxEntry(id))), tx.done]);
  return ids.length;
}

/**
 * After the journal's key changed from `formerKid`: the merge bases made until now say their
 * hashes came from that key's hash key (the merge compares with them through it, so a change
 * made on either side before the switch still merges as it would have), and with `queueAll`
 * every reflection is queued to go up again under the new key — the device that changed it
 * does that; one that follows gets the new documents by pulling. One transaction.
 */
export async function rekeySync(formerKid: string, queueAll: boolean): Promise<void> {
  const db = await connect();
  const tx = db.transaction(['reflections', 'outbox', 'syncBase'], 'readwrite');
  const writes: Promise<unknown>[] = [];
  if (queueAll) {
    const outbox = tx.objectStore('outbox');
    const ids = await tx.objectStore('reflections').getAllKeys();
    for (const id of ids) writes.push(outbox.put(outboxEntry(id)));
  }
  let cursor = await tx.objectStore('syncBase').openCursor();
  while (cursor) {
    if (!cursor.value.hashKid) writes.push(cursor.update({ ...cursor.value, hashKid: formerKid }));
    cursor = await cursor.continue();
  }
  await Promise.all([...writes, tx.done]);
}

/** Up to `limit` changes waiting to be sent, in id order, after `afterId` when given. */
export async function pendingChanges(
  limit: number,
  afterId: string | null = null,
): Promise<OutboxEntry[]> {
  const range = afterId === null ? null : IDBKeyRange.lowerBound(afterId, true);
  return (await connect()).getAll('outbox', range, limit);
}

/** How many reflections wait to be sent. */
export async function countPending(): Promise<number> {
  return (await connect()).count('outbox');
}

/** Rows as stored and merge bases for `ids` (undefined where there is none). */
export async function localState(
  ids: readonly string[],
): Promise<{ rows: (Reflection | undefined)[]; bases: (SyncBase | undefined)[] }> {
  const db = await connect();
  const tx = db.transaction(['reflections', 'syncBase']);
  const [rows, bases] = await Promise.all([
    Promise.all(ids.map((id) => tx.objectStore('reflections').get(id))),
    Promise.all(ids.map((id) => tx.objectStore('syncBase').get(id))),
  ]);
  return { rows: rows.map((r) => r && fromStoredRow(r)), bases };
}

/** The pull checkpoint (the server's opaque `last_seq`), or undefined before the first pull. */
export async function readCheckpoint(): Promise<string | undefined> {
  return (await (await connect()).get('syncState', CHECKPOINT))?.value;
}

/** What a pull decided for one reflection. */
export interface PulledChange {
  id: string;
  /** The row as stored when the merge read it: the change is skipped if it is not still that. */
  expected: Reflection | undefined;
  /** The row to store (in stored form), or null to remove it (deleted on the server). */
  row: Reflection | null;
  /** The version both sides now agree on, or null to forget it. */
  base: SyncBase | null;
  /** The merged row differs from the server's: queue it, so the server gets the merge too. */
  sendBack: boolean;
}

/**
 * Commit one pulled batch and move the checkpoint to `checkpoint`, all in one transaction.
 * A reflection changed on this device since the merge read it is left as it is: its outbox
 * entry sends it, and the server's answer (a conflict) merges it then. Returns the ids written.
 */
export async function commitPulled(
  changes: readonly PulledChange[],
  checkpoint: string,
): Promise<string[]> {
  const db = await connect();
  const tx = db.transaction(SYNC_STORES, 'readwrite', { durability: 'strict' });
  const rows = tx.objectStore('reflections');
  const bases = tx.objectStore('syncBase');
  const outbox = tx.objectStore('outbox');
  const current = await Promise.all(changes.map((c) => rows.get(c.id)));
  const written: string[] = [];
  const writes: Promise<unknown>[] = [];
  changes.forEach((change, i) => {
    const stored = current[i];
    if (!sameRow(stored && fromStoredRow(stored), change.expected)) return;
    written.push(change.id);
    writes.push(change.row ? rows.put(toStoredRow(change.row)) : rows.delete(change.id));
    writes.push(change.base ? bases.put(change.base) : bases.delete(change.id));
    // What the server holds now is this row: a change still queued for it is in there already
    // (a batch the server took whose answer was lost), so it is not sent a second time.
    writes.push(change.sendBack ? outbox.put(outboxEntry(change.id)) : outbox.delete(change.id));
  });
  writes.push(tx.objectStore('syncState').put({ key: CHECKPOINT, value: checkpoint }));
  await Promise.all([...writes, tx.done]);
  if (written.length > 0) announceBulk();
  return written;
}

/** A change the server accepted: its entry, and the version both sides now agree on. */
export interface SentChange {
  entry: OutboxEntry;
  /** Null when the reflection was gone here and its removal was sent. */
  base: SyncBase | null;
}

/**
 * Record what the server accepted: the bases move to the new revisions, and each outbox entry
 * goes only if its mark is still the one that was sent (a change made meanwhile stays queued).
 */
export async function settleSent(sent: readonly SentChange[]): Promise<void> {
  if (sent.length === 0) return;
  const db = await connect();
  const tx = db.transaction(['outbox', 'syncBase'], 'readwrite');
  const outbox = tx.objectStore('outbox');
  const bases = tx.objectStore('syncBase');
  const queued = await Promise.all(sent.map((s) => outbox.get(s.entry.id)));
  const writes = sent.flatMap((s, i) => [
    s.base ? bases.put(s.base) : bases.delete(s.entry.id),
    ...(queued[i]?.mark === s.entry.mark ? [outbox.delete(s.entry.id)] : []),
  ]);
  await Promise.all([...writes, tx.done]);
}

/** Forget everything sync knew (disconnect): local reflections stay as they are. */
export async function forgetSync(): Promise<void> {
  const db = await connect();
  const tx = db.transaction(['outbox', 'syncBase', 'syncState'], 'readwrite');
  await Promise.all([
    tx.objectStore('outbox').clear(),
    tx.objectStore('syncBase').clear(),
    tx.objectStore('syncState').clear(),
    tx.done,
  ]);
}

/** How many reflections are stored and not deleted (the failsafe's "of how many"). */
export async function countLive(): Promise<number> {
  const db = await connect();
  const tx = db.transaction('reflections');
  const [all, deleted] = await Promise.all([
    tx.store.count(),
    tx.store.index('by-deletedAt').count(),
  ]);
  return all - deleted;
}

function sameRow(a: Reflection | undefined, b: Reflection | undefined): boolean {
  return a === undefined || b === undefined ? a === b : JSON.stringify(a) === JSON.stringify(b);
}
