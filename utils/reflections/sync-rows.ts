/**
 * The rows of the database's sync stores (schema version 4), and the one way an outbox entry
 * is made. Pure. None of them holds a word of a reflection: ids, revisions, keyed hashes.
 */

/** A reflection changed on this device since sync last sent it. */
export interface OutboxEntry {
  id: string;
  /**
   * New on every change. Sync removes an entry it sent only while the mark is still the one
   * it read, so a change made while a push was on its way is sent again, never dropped.
   */
  mark: string;
}

/** What this device and the server last agreed on for one reflection. */
export interface SyncBase {
  id: string;
  /** The server document's `_rev`, sent back with the next push of this reflection. */
  rev: string;
  /** Keyed hash per field of that version (utils/sync/merge.ts `fieldHashes`). */
  hashes: Record<string, string>;
  /** The key id whose hash key made `hashes`, when not the current key (made before a change). */
  hashKid?: string;
}

/** Sync's own small state, by key (the pull checkpoint is `checkpoint`). */
export interface SyncStateRow {
  key: string;
  value: string;
}

/** The outbox entry for a change to reflection `id`, made now. */
export function outboxEntry(id: string): OutboxEntry {
  return { id, mark: crypto.randomUUID() };
}
