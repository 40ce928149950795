/**
 * A CouchDB database in memory, with the replication rules a sync run relies on: revisions
 * (`n-hash`), a push with a stale `_rev` is a conflict, deletions stay as tombstones, and
 * `_changes` lists each document's latest change after `since` in order. For unit tests of
 * the engine; the end-to-end tests use a real pouchdb-server.
 */
import type { ServerVersion } from '../../utils/sync/couch-client';
import type { Replica } from '../../utils/sync/worker/sync-engine';

interface Stored {
  rev: string;
  seq: number;
  doc: Record<string, unknown>;
}

export interface MemoryCouch extends Replica {
  /** Every document as the server holds it (what someone reading the database sees). */
  docs: Map<string, Stored>;
  /** The next `pushDocs` writes this many documents, then the connection drops. */
  dropAfter(count: number): void;
}

/** A fresh, empty database. */
export function memoryCouch(): MemoryCouch {
  const docs = new Map<string, Stored>();
  let seq = 0;
  let drop: number | null = null;
  const write = (doc: Record<string, unknown>) => {
    const id = String(doc._id);
    const stored = docs.get(id);
    const deleted = stored?.doc._deleted === true;
    // A deleted document may be written again without a revision, as in CouchDB.
    if (stored && doc._rev !== stored.rev && !(deleted && doc._rev === undefined)) {
      return { id, ok: false as const, error: 'conflict' };
    }
    const n = stored ? Number(stored.rev.split('-')[0]) + 1 : 1;
    const rev = `${n}-${(++seq).toString(16).padStart(8, '0')}`;
    docs.set(id, { rev, seq, doc: { ...doc, _id: id, _rev: rev } });
    return { id, ok: true as const, rev };
  };
  return {
    docs,
    dropAfter(count) {
      drop = count;
    },
    async pullChanges(since, limit) {
      const after = since === undefined ? 0 : Number(since);
      const results = [...docs.entries()]
        .filter(([, s]) => s.seq > after)
        .sort(([, a], [, b]) => a.seq - b.seq)
        .slice(0, limit)
        .map(([id, s]) => ({
          id,
          seq: String(s.seq),
          ...(s.doc._deleted ? { deleted: true } : {}),
          doc: structuredClone(s.doc),
        }));
      return { results, lastSeq: String(results.at(-1)?.seq ?? after) };
    },
    async pushDocs(batch) {
      const results = [];
      for (const doc of batch as Record<string, unknown>[]) {
        if (drop !== null && results.length >= drop) {
          drop = null;
          throw new TypeError('Failed to fetch');
        }
        results.push(write(structuredClone(doc)));
      }
      return results;
    },
    async getDocs(ids) {
      const found = new Map<string, ServerVersion>();
      for (const id of ids) {
        const s = docs.get(id);
        if (!s) found.set(id, { state: 'missing' });
        else if (s.doc._deleted) found.set(id, { state: 'deleted', rev: s.rev });
        else found.set(id, { state: 'doc', doc: structuredClone(s.doc) });
      }
      return found;
    },
  };
}
