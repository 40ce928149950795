import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import {
  deleteEverything,
  importReflections,
  reflectionsById,
  reflectionsOldestFirst,
} from '../../../utils/reflections/db-bulk-store';
import {
  closeDb,
  DB_NAME,
  DB_VERSION,
  type DbEvent,
  onDbEvent,
  onReflectionsChanged,
  type ReflectionsChange,
} from '../../../utils/reflections/db-connection-store';
import {
  allReflections,
  describeDbError,
  getReflection,
  saveReflection,
} from '../../../utils/reflections/db-store';
import type { Reflection } from '../../../utils/reflections/reflection';
import { followUpIndex, withChecks } from '../../helpers/follow-up-index';
import { richReflection } from '../../helpers/reflections';

const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);

describe('importing in one transaction', () => {
  it('adds new records, replaces older copies, skips the rest, and counts each', async () => {
    const older = richReflection(1);
    const same = richReflection(2);
    const newer = richReflection(3);
    await saveReflection(older);
    await saveReflection(same);
    await saveReflection({ ...newer, updatedAt: newer.updatedAt + 10 });

    const incoming = [
      { ...older, updatedAt: older.updatedAt + 5, pinned: true }, // newer than stored: replaces
      same, // identical: skipped
      newer, // older than stored: skipped
      richReflection(4), // new
    ];
    const outcome = await importReflections(incoming);
    expect(outcome).toEqual({ added: 1, replaced: 1, skipped: 2 });
    expect((await getReflection(older.id))?.pinned).toBe(true);
    expect((await getReflection(newer.id))?.updatedAt).toBe(newer.updatedAt + 10);
    expect(await getReflection(richReflection(4).id)).toEqual(richReflection(4));
  });

  it('queues what it added or replaced for sync, in the same transaction; a failed import queues nothing', async () => {
    const kept = richReflection(1);
    await saveReflection(kept);
    const queued = async () => {
      const db = await openDB(DB_NAME);
      const entries = (await db.getAll('outbox')) as { id: string; mark: string }[];
      db.close();
      return Object.fromEntries(entries.map((e) => [e.id, e.mark]));
    };
    const before = await queued();
    await importReflections([kept, richReflection(2)]); // kept: identical, skipped
    const after = await queued();
    expect(Object.keys(after).sort()).toEqual([kept.id, richReflection(2).id].sort());
    expect(after[kept.id]).toBe(before[kept.id]);

    const bad = { ...richReflection(3), id: undefined } as unknown as Reflection;
    await expect(importReflections([richReflection(4), bad])).rejects.toThrow();
    expect(await queued()).toEqual(after);
  });

  it('keeps the follow-up index right for added and replaced records, whatever the file says', async () => {
    const T0 = Date.parse('2026-11-01T09:00:00Z');
    const DAY = 86_400_000;
    const stored = withChecks('stored', T0, [1, 7]);
    const plain = withChecks('plain', T0, []);
    await saveReflection(stored);
    await saveReflection(plain);
    const settled: Reflection = {
      ...stored,
      updatedAt: stored.updatedAt + 1,
      followUps: [{ dueAt: T0 + DAY, answeredAt: T0 + DAY, outcome: 'applied', note: '' }],
    };
    const committed = { ...withChecks('plain', T0, [7]), updatedAt: plain.updatedAt + 1 };
    // A file may carry a stale or forged key: the import derives its own.
    const added = { ...withChecks('added', T0, [30]), nextFollowUpAt: 0 } as Reflection;
    expect(await importReflections([settled, committed, added])).toMatchObject({ replaced: 2 });
    expect(await followUpIndex()).toEqual({ added: T0 + 30 * DAY, plain: T0 + 7 * DAY });
    const { nextFollowUpAt: _, ...clean } = added as Reflection & { nextFollowUpAt?: number };
    expect(await getReflection('added')).toEqual(clean);
  });

  it('hands out no derived field while exporting', async () => {
    const rows = [richReflection(1), richReflection(2)]; // each with an open check
    await importReflections(rows);
    expect(await followUpIndex()).toEqual(
      Object.fromEntries(rows.map((r) => [r.id, r.followUps[0]?.dueAt])),
    );
    // Chunks of 1 are full (the last run is read again), of 10 are not: both reads are used.
    for (const size of [1, 10]) {
      const oldestFirst: Reflection[] = [];
      for await (const chunk of reflectionsOldestFirst(size)) oldestFirst.push(...chunk);
      const byKey: Reflection[] = [];
      for await (const chunk of reflectionsById(size)) byKey.push(...chunk);
      expect(oldestFirst).toEqual(rows);
      expect(byKey).toEqual(rows);
    }
  });

  it('reports progress as records are written, and announces one bulk change', async () => {
    // fake-indexeddb is slow; 10,000 and 100,000 are measured in Chromium (bench/).
    const reflections = Array.from({ length: 2_000 }, (_, n) => richReflection(n));
    const changes: ReflectionsChange[] = [];
    const off = onReflectionsChanged((change) => changes.push(change));
    const progress: number[] = [];
    const outcome = await importReflections(reflections, {
      progressEvery: 100,
      onProgress: (done) => progress.push(done),
    });
    expect(outcome).toEqual({ added: 2_000, replaced: 0, skipped: 0 });
    expect(progress).toEqual(Array.from({ length: 20 }, (_, i) => (i + 1) * 100));
    expect((await allReflections()).sort(byId)).toEqual(reflections.sort(byId));
    await vi.waitFor(() => expect(changes).toEqual([{ type: 'bulk' }]));
    off();
  });

  it('an error on record k leaves every row exactly as before, and that error is the one thrown', async () => {
    const first = richReflection(1);
    for (const r of [first, richReflection(2)]) await saveReflection(r);
    const before = (await allReflections()).sort(byId);
    const incoming = [
      { ...first, updatedAt: first.updatedAt + 1, pinned: !first.pinned }, // replaces
      ...Array.from({ length: 25 }, (_, n) => richReflection(100 + n)),
    ];
    // From the 21st write on the disk is full, as Chromium reports it, and stays full: an
    // import that needs more writes to put things back cannot.
    const put = IDBObjectStore.prototype.put;
    let puts = 0;
    const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['put']>
    ) {
      puts++;
      if (puts >= 21) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    const failed = await importReflections(incoming, { progressEvery: 10 }).catch((e) => e);
    spy.mockRestore();
    expect(failed).toBeInstanceOf(DOMException);
    expect((failed as DOMException).name).toBe('QuotaExceededError');
    expect(describeDbError(failed)).toMatch(/out of storage space/);
    expect((await allReflections()).sort(byId)).toEqual(before);
  });

  it('a record the store itself refuses (no key) leaves nothing behind', async () => {
    await saveReflection(richReflection(1));
    // Its key path yields no valid key: the real store throws DataError on the sixth write.
    const incoming = [
      ...Array.from({ length: 5 }, (_, n) => richReflection(300 + n)),
      { ...richReflection(305), id: undefined as unknown as string },
      richReflection(306),
    ];
    await expect(importReflections(incoming)).rejects.toThrow();
    expect(await allReflections()).toEqual([richReflection(1)]);
  });

  it('cancelling leaves nothing of the import', async () => {
    await saveReflection(richReflection(1));
    const controller = new AbortController();
    const incoming = Array.from({ length: 30 }, (_, n) => richReflection(200 + n));
    const run = importReflections(incoming, {
      progressEvery: 10,
      signal: controller.signal,
      onProgress: (done) => {
        if (done === 20) controller.abort();
      },
    });
    await expect(run).rejects.toThrow();
    expect(await allReflections()).toEqual([richReflection(1)]);
  });

  it('no other connection ever sees part of an import', async () => {
    // What a closed tab or a crash mid-import would leave is what another connection can read
    // while it runs: with one transaction, nothing until it commits, then all of it.
    await getReflection('none'); // the app's own code creates the schema
    const other = await openDB(DB_NAME, DB_VERSION);
    const incoming = Array.from({ length: 2_600 }, (_, n) => richReflection(1_000 + n));
    const seen: Promise<number>[] = [];
    await importReflections(incoming, {
      onProgress: () => {
        if (seen.length === 0) seen.push(other.count('reflections'));
      },
    });
    expect(await Promise.all(seen)).toEqual([2_600]);
    other.close();
  });

  it('an edit made in another connection during an import that then fails is kept', async () => {
    const stored = richReflection(1);
    await saveReflection(stored);
    const incoming: Reflection[] = [
      {
        ...stored,
        updatedAt: stored.updatedAt + 1,
        answers: { ...stored.answers, learned: 'imported' },
      },
      ...Array.from({ length: 30 }, (_, n) => richReflection(400 + n)),
    ];
    const other = await openDB(DB_NAME, DB_VERSION);
    const controller = new AbortController();
    let edit: Promise<unknown> = Promise.resolve();
    const run = importReflections(incoming, {
      progressEvery: 10,
      signal: controller.signal,
      onProgress: (done) => {
        if (done === 10) {
          // Another page pins the lesson: its transaction waits for the import's to end.
          edit = (async () => {
            const tx = other.transaction('reflections', 'readwrite');
            const current = await tx.store.get(stored.id);
            await tx.store.put({ ...current, pinned: true });
            await tx.done;
          })();
        }
        if (done === 20) controller.abort();
      },
    });
    await expect(run).rejects.toThrow();
    await edit;
    expect(await getReflection(stored.id)).toEqual({ ...stored, pinned: true });
    expect(await allReflections()).toHaveLength(1);
    other.close();
  });
});

describe('reading for export', () => {
  it('gives every record oldest first, in chunks, keeping runs of equal dates whole', async () => {
    // 7 records share one createdAt, so a chunk of 4 must stretch to keep them together.
    const shared = 1_750_000_000_000;
    const records = [
      ...Array.from({ length: 7 }, (_, n) => richReflection(n, { createdAt: shared })),
      ...Array.from({ length: 6 }, (_, n) => richReflection(50 + n)),
    ];
    for (const r of [...records].reverse()) await saveReflection(r);
    const chunks: string[][] = [];
    for await (const chunk of reflectionsOldestFirst(4)) chunks.push(chunk.map((r) => r.id));
    const ids = chunks.flat();
    expect(ids).toHaveLength(records.length);
    expect(new Set(ids).size).toBe(records.length);
    const dates = chunks.flat().map((id) => records.find((r) => r.id === id)?.createdAt ?? 0);
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
    expect(chunks.every((c) => c.length > 0)).toBe(true);
  });

  it('reads every record once in id order, chunk by chunk', async () => {
    const records = Array.from({ length: 11 }, (_, n) => richReflection(n));
    await importReflections(records);
    const chunks: string[][] = [];
    for await (const chunk of reflectionsById(4)) chunks.push(chunk.map((r) => r.id));
    expect(chunks.map((c) => c.length)).toEqual([4, 4, 3]);
    expect(chunks.flat()).toEqual(records.map((r) => r.id).sort());
  });

  it('reads nothing from an empty store', async () => {
    const chunks = [];
    for await (const chunk of reflectionsOldestFirst()) chunks.push(chunk);
    for await (const chunk of reflectionsById()) chunks.push(chunk);
    expect(chunks).toEqual([]);
  });
});

describe('deleting everything', () => {
  it('removes every record, says how many, and announces it', async () => {
    for (const n of [1, 2, 3]) await saveReflection(richReflection(n));
    const changes: ReflectionsChange[] = [];
    const off = onReflectionsChanged((change) => changes.push(change));
    expect(await deleteEverything()).toBe(3);
    expect(await allReflections()).toEqual([]);
    await vi.waitFor(() => expect(changes).toEqual([{ type: 'bulk' }]));
    off();
  });
});

describe('when the database cannot be used', () => {
  it('explains "never remember history" (open fails) and keeps trying later', async () => {
    const open = vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException(
        'A mutation operation was attempted on a database that did not allow mutations.',
        'InvalidStateError',
      );
    });
    const error = await saveReflection(richReflection(1)).catch((e: unknown) => e);
    expect(describeDbError(error)).toBe(
      'This browser is not letting Fail Well open its storage (private mode or "never remember history"?). Your draft is kept in the popup; reflections can be saved once history is remembered.',
    );
    open.mockRestore();
    await saveReflection(richReflection(1));
    expect(await getReflection(richReflection(1).id)).toEqual(richReflection(1));
  });

  it('explains a page older than the stored schema', async () => {
    const newer = await openDB(DB_NAME, DB_VERSION + 1, {
      upgrade(db) {
        db.createObjectStore('reflections', { keyPath: 'id' });
      },
    });
    newer.close();
    const error = await saveReflection(richReflection(1)).catch((e: unknown) => e);
    expect(describeDbError(error)).toBe(
      'Fail Well was updated since this page opened. Reload it to keep going — your draft is kept.',
    );
  });

  it('opens afresh after a write finds the connection closed', async () => {
    await saveReflection(richReflection(1));
    // The browser closes the connection under us (as on "Clear browsing data").
    const db = await openDB(DB_NAME);
    db.close();
    const spy = vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementationOnce(() => {
      throw new DOMException('The database connection is closing.', 'InvalidStateError');
    });
    await expect(saveReflection(richReflection(2))).rejects.toThrow(/closing/);
    spy.mockRestore();
    await saveReflection(richReflection(2));
    expect(await getReflection(richReflection(2).id)).toBeDefined();
  });
});

describe('schema upgrades with another page open', () => {
  it('steps aside for a newer version: the page is told to reload, the upgrade never waits', async () => {
    const events: DbEvent[] = [];
    const off = onDbEvent((event) => events.push(event));
    await saveReflection(richReflection(1)); // this page holds version DB_VERSION open
    const newer = await openDB(DB_NAME, DB_VERSION + 1, {
      upgrade(_db, oldVersion) {
        expect(oldVersion).toBe(DB_VERSION);
      },
      blocked() {
        throw new Error('the upgrade was blocked by the older page');
      },
    });
    expect(newer.version).toBe(DB_VERSION + 1);
    expect(events).toEqual([{ type: 'versionchange' }]);
    expect(await newer.count('reflections')).toBe(1);
    newer.close();
    off();
  });

  it('says "blocked" while an older page holds on, and finishes once it lets go', async () => {
    globalThis.indexedDB = new IDBFactory();
    const v1 = await openDB(DB_NAME, 1, {
      upgrade(db) {
        const store = db.createObjectStore('reflections', { keyPath: 'id' });
        store.createIndex('by-createdAt', 'createdAt');
        store.createIndex('by-updatedAt', 'updatedAt');
        store.createIndex('by-tag', 'tags', { multiEntry: true });
        store.createIndex('by-deletedAt', 'deletedAt');
      },
    });
    const { review: _, ...old } = richReflection(1);
    await v1.put('reflections', { ...old, review: null });
    const events: DbEvent[] = [];
    const off = onDbEvent((event) => events.push(event));
    // An old page that ignores versionchange: the upgrade must wait for it, not deadlock.
    const saved = saveReflection(richReflection(2));
    await vi.waitFor(() => expect(events).toEqual([{ type: 'blocked' }]));
    v1.close();
    await saved;
    expect((await getReflection(old.id))?.review).not.toBeNull();
    off();
    await closeDb();
  });
});
