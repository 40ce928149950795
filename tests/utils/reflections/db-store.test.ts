import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { reflectionsWithDueFollowUp } from '../../../utils/follow-through/follow-up-store';
import {
  closeDb,
  DB_NAME,
  DB_VERSION,
  onReflectionsChanged,
} from '../../../utils/reflections/db-connection-store';
import {
  allReflections,
  deleteReflection,
  describeDbError,
  getReflection,
  getReflections,
  listReflections,
  listTags,
  purgeDeleted,
  reflectionsInKeyOrder,
  reflectionsWithCheckDueBy,
  reflectionsWithTag,
  restoreReflection,
  saveReflection,
  setReviewState,
  updateReflection,
} from '../../../utils/reflections/db-store';
import {
  createReflection,
  FIRST_REVIEW_AFTER_MS,
  type Reflection,
} from '../../../utils/reflections/reflection';
import { toStoredRow } from '../../../utils/reflections/stored-row';
import { followUpIndex, storedRows, withChecks } from '../../helpers/follow-up-index';

function reflection(n: number, over: Partial<Reflection> = {}): Reflection {
  return {
    ...createReflection(
      { template: 'quick', answers: { learned: `lesson ${n}` }, tags: [], sting: null },
      `id-${n}`,
      1_000 * n,
    ),
    ...over,
  };
}

describe('reflections database', () => {
  it('stores and reads back a reflection unchanged', async () => {
    const r = reflection(1, { tags: ['a'], context: { title: 'CI', url: 'https://ci.example/1' } });
    await saveReflection(r);
    expect(await getReflection('id-1')).toEqual(r);
  });

  it('lists newest first, page by page, skipping soft-deleted ones', async () => {
    for (let n = 1; n <= 7; n++) await saveReflection(reflection(n));
    await deleteReflection('id-6', 99_000);

    const first = await listReflections({ limit: 3 });
    expect(first.items.map((r) => r.id)).toEqual(['id-7', 'id-5', 'id-4']);
    const second = await listReflections({ before: first.next ?? undefined, limit: 3 });
    expect(second.items.map((r) => r.id)).toEqual(['id-3', 'id-2', 'id-1']);
    expect(second.next).toBeNull();
  });

  it('updates in place and moves updatedAt', async () => {
    await saveReflection(reflection(1));
    const updated = await updateReflection('id-1', (r) => ({ ...r, pinned: true }), 50_000);
    expect(updated?.pinned).toBe(true);
    expect(await getReflection('id-1')).toMatchObject({
      pinned: true,
      updatedAt: 50_000,
      createdAt: 1_000,
    });
    expect(await updateReflection('missing', (r) => r)).toBeUndefined();
  });

  it('soft-deletes, restores and purges', async () => {
    await saveReflection(reflection(1));
    await saveReflection(reflection(2));
    await deleteReflection('id-1', 10_000);
    expect((await getReflection('id-1'))?.deletedAt).toBe(10_000);
    expect((await listReflections()).items.map((r) => r.id)).toEqual(['id-2']);

    await restoreReflection('id-1', 11_000);
    expect((await listReflections()).items.map((r) => r.id)).toEqual(['id-2', 'id-1']);

    await deleteReflection('id-1', 20_000);
    expect(await purgeDeleted(20_000)).toBe(0); // not older than the cut-off yet
    expect(await purgeDeleted(20_001)).toBe(1);
    expect(await getReflection('id-1')).toBeUndefined();
    expect(await getReflection('id-2')).toBeDefined();
  });

  it('indexes every tag for suggestions and lookup', async () => {
    await saveReflection(reflection(1, { tags: ['meetings', 'deploys'] }));
    await saveReflection(reflection(2, { tags: ['deploys'] }));
    await saveReflection(reflection(3, { tags: ['code-review'] }));
    expect(await listTags()).toEqual(['code-review', 'deploys', 'meetings']);
    expect((await reflectionsWithTag('deploys')).map((r) => r.id)).toEqual(['id-2', 'id-1']);
  });

  it('announces writes to other pages', async () => {
    const heard: unknown[] = [];
    const off = onReflectionsChanged((change) => heard.push(change));
    await saveReflection(reflection(1));
    await deleteReflection('id-1');
    await new Promise((resolve) => setTimeout(resolve, 20));
    off();
    expect(heard).toContainEqual({ type: 'saved', ids: ['id-1'] });
    expect(heard).toContainEqual({ type: 'deleted', ids: ['id-1'] });
  });

  it('reopens after the connection is closed', async () => {
    await saveReflection(reflection(1));
    await closeDb();
    expect(await getReflection('id-1')).toBeDefined();
  });

  it.each([
    [new DOMException('full', 'QuotaExceededError'), /out of storage space/],
    [new DOMException('aborted', 'AbortError'), /could not write/],
    [new DOMException('no', 'SecurityError'), /not allowing Fail Well/],
    [new Error('weird'), /Your draft is kept/],
  ])('explains %s in plain words', (error, message) => {
    expect(describeDbError(error)).toMatch(message);
  });
});

describe('the follow-up index, after every write path', () => {
  const DAY = 86_400_000;
  const T0 = Date.parse('2026-11-01T09:00:00Z');
  const answered = (r: Reflection, outcome: 'applied' | 'partly'): Reflection => ({
    ...r,
    followUps: r.followUps.map((f, i) =>
      i === 0 ? { ...f, answeredAt: f.dueAt, outcome, note: '' } : f,
    ),
  });

  it('saveReflection: keyed by the earliest unanswered check of an open commitment only', async () => {
    await saveReflection(withChecks('open', T0, [1, 7, 30]));
    await saveReflection(answered(withChecks('partly', T0, [1, 7]), 'partly'));
    await saveReflection(answered(withChecks('applied', T0, [1, 7]), 'applied'));
    await saveReflection(withChecks('none', T0, []));
    await saveReflection({ ...withChecks('deleted', T0, [1]), deletedAt: T0 });
    expect(await followUpIndex()).toEqual({ open: T0 + DAY, partly: T0 + 7 * DAY });
  });

  it('updateReflection: an edit that adds checks enters it, one that closes it leaves', async () => {
    await saveReflection(withChecks('a', T0, []));
    await updateReflection('a', (r) => ({ ...r, followUps: withChecks('a', T0, [7]).followUps }));
    expect(await followUpIndex()).toEqual({ a: T0 + 7 * DAY });
    await updateReflection('a', (r) => answered(r, 'applied'));
    expect(await followUpIndex()).toEqual({});
  });

  it('setReviewState: seeing a lesson again keeps its follow-up in the index', async () => {
    await saveReflection(withChecks('a', T0, [1]));
    await setReviewState('a', { count: 1, nextDueAt: T0 + 30 * DAY, retired: false });
    expect(await followUpIndex()).toEqual({ a: T0 + DAY });
  });

  it('deleteReflection takes it out (no reminder for a deleted lesson); restore puts it back', async () => {
    await saveReflection(withChecks('a', T0, [1]));
    await deleteReflection('a', T0 + 2 * DAY);
    expect(await followUpIndex()).toEqual({});
    expect(await reflectionsWithDueFollowUp(T0 + 3 * DAY)).toEqual([]);
    await restoreReflection('a', T0 + 2 * DAY);
    expect(await followUpIndex()).toEqual({ a: T0 + DAY });
    expect((await reflectionsWithDueFollowUp(T0 + 3 * DAY)).map((r) => r.id)).toEqual(['a']);
  });

  it('no read ever hands out the derived field, though the row holds it', async () => {
    const r = { ...withChecks('a', T0, [1, 7]), tags: ['ops'] };
    await saveReflection(r);
    expect((await storedRows()).a).toEqual({ ...r, nextFollowUpAt: T0 + DAY });
    const review = { count: 1, nextDueAt: T0 + 30 * DAY, retired: false };
    const reviewed = { ...r, review };
    expect(await setReviewState('a', review)).toEqual(reviewed);
    expect(await getReflection('a')).toEqual(reviewed);
    expect(await getReflections(['a'])).toEqual([reviewed]);
    expect((await listReflections()).items).toEqual([reviewed]);
    expect(await allReflections()).toEqual([reviewed]);
    const batches: Reflection[][] = [];
    for await (const found of reflectionsInKeyOrder(10)) batches.push(found);
    expect(batches).toEqual([[reviewed]]);
    expect(await reflectionsWithTag('ops')).toEqual([reviewed]);
    expect(await reflectionsWithCheckDueBy(T0 + DAY)).toEqual([reviewed]);
    expect(await updateReflection('a', (x) => x, T0)).toEqual({ ...reviewed, updatedAt: T0 });
  });

  it('a field that came in with the record is recomputed, never trusted', async () => {
    const forged = { ...withChecks('a', T0, [7]), nextFollowUpAt: 0 } as Reflection;
    await saveReflection(forged);
    expect(await followUpIndex()).toEqual({ a: T0 + 7 * DAY });
    await saveReflection({ ...withChecks('b', T0, []), nextFollowUpAt: 0 } as Reflection);
    expect(Object.keys(await followUpIndex())).toEqual(['a']);
  });
});

describe('schema upgrades', () => {
  it(`creates version ${DB_VERSION} with the store and every index from an empty profile`, async () => {
    await saveReflection(reflection(1));
    await closeDb();
    const db = await openDB(DB_NAME);
    expect(db.version).toBe(DB_VERSION);
    const store = db.transaction('reflections').store;
    expect(store.keyPath).toBe('id');
    expect([...store.indexNames].sort()).toEqual([
      'by-createdAt',
      'by-deletedAt',
      'by-nextFollowUpAt',
      'by-reviewDue',
      'by-tag',
      'by-updatedAt',
    ]);
    expect(store.index('by-tag').multiEntry).toBe(true);
    db.close();
  });

  it('upgrades seeded version 1 data to version 2, giving every row a review due date', async () => {
    // Version 1 exactly as it shipped: the store, four indexes, records without review state.
    const v1 = await openDB(DB_NAME, 1, {
      upgrade(db) {
        const store = db.createObjectStore('reflections', { keyPath: 'id' });
        store.createIndex('by-createdAt', 'createdAt');
        store.createIndex('by-updatedAt', 'updatedAt');
        store.createIndex('by-tag', 'tags', { multiEntry: true });
        store.createIndex('by-deletedAt', 'deletedAt');
      },
    });
    const seeded = [1, 2, 3].map((n) => reflection(n, { review: null, tags: [`t${n}`] }));
    for (const r of seeded) await v1.put('reflections', r);
    v1.close();

    const page = await listReflections();
    expect(page.items).toHaveLength(3);
    for (const r of seeded) {
      expect(await getReflection(r.id)).toEqual({
        ...r,
        review: { count: 0, nextDueAt: r.createdAt + FIRST_REVIEW_AFTER_MS, retired: false },
      });
    }
    await closeDb();
    const db = await openDB(DB_NAME);
    expect(await db.getAllKeysFromIndex('reflections', 'by-reviewDue')).toEqual([
      'id-1',
      'id-2',
      'id-3',
    ]);
    expect(await db.getAllKeysFromIndex('reflections', 'by-tag', 't2')).toEqual(['id-2']);
    db.close();
  });

  it('upgrades seeded version 2 data to version 3, back-filling the follow-up index', async () => {
    const DAY = 86_400_000;
    const T0 = Date.parse('2026-11-01T09:00:00Z');
    // Version 2 exactly as it shipped: version 1's store and indexes, then `by-reviewDue`.
    const v2 = await openDB(DB_NAME, 2, {
      upgrade(db) {
        const store = db.createObjectStore('reflections', { keyPath: 'id' });
        store.createIndex('by-createdAt', 'createdAt');
        store.createIndex('by-updatedAt', 'updatedAt');
        store.createIndex('by-tag', 'tags', { multiEntry: true });
        store.createIndex('by-deletedAt', 'deletedAt');
        store.createIndex('by-reviewDue', 'review.nextDueAt');
      },
    });
    const due = { ...withChecks('due', T0, [1, 7, 30]), tags: ['ops'], pinned: true };
    const later = { ...withChecks('later', T0, [30]), sting: 4 as const };
    const settled: Reflection = {
      ...withChecks('settled', T0, [1]),
      followUps: [{ dueAt: T0 + DAY, answeredAt: T0 + DAY, outcome: 'applied', note: 'did it' }],
    };
    const deleted = { ...withChecks('deleted', T0, [1]), deletedAt: T0 + 2 * DAY };
    const plain = { ...withChecks('plain', T0, []), context: { title: 'CI', url: 'https://x' } };
    const seeded = [due, later, settled, deleted, plain];
    for (const r of seeded) await v2.put('reflections', r);
    v2.close();

    // The app opens version 3: every row keeps every field, and none shows the new one.
    expect((await allReflections()).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [...seeded].sort((a, b) => a.id.localeCompare(b.id)),
    );
    const rows = await storedRows();
    for (const r of seeded) {
      const { nextFollowUpAt, ...rest } = rows[r.id] ?? {};
      expect(rest).toEqual(r);
      expect(nextFollowUpAt).toBe(r === due ? T0 + DAY : r === later ? T0 + 30 * DAY : undefined);
    }
    expect(await followUpIndex()).toEqual({ due: T0 + DAY, later: T0 + 30 * DAY });
    expect((await reflectionsWithDueFollowUp(T0 + 8 * DAY)).map((r) => r.id)).toEqual(['due']);
    expect((await reflectionsWithDueFollowUp(T0 + 30 * DAY)).map((r) => r.id)).toEqual([
      'due',
      'later',
    ]);
    await closeDb();
    const db = await openDB(DB_NAME);
    expect(db.version).toBe(DB_VERSION);
    expect(await db.getAllKeysFromIndex('reflections', 'by-reviewDue')).toHaveLength(5);
    expect(await db.getAllKeysFromIndex('reflections', 'by-tag', 'ops')).toEqual(['due']);
    db.close();
  });

  it('upgrades seeded version 3 data to version 4: rows untouched, sync stores empty', async () => {
    const T0 = Date.parse('2026-11-01T09:00:00Z');
    // Version 3 exactly as it shipped: version 2's store and indexes, then `by-nextFollowUpAt`.
    const v3 = await openDB(DB_NAME, 3, {
      upgrade(db) {
        const store = db.createObjectStore('reflections', { keyPath: 'id' });
        store.createIndex('by-createdAt', 'createdAt');
        store.createIndex('by-updatedAt', 'updatedAt');
        store.createIndex('by-tag', 'tags', { multiEntry: true });
        store.createIndex('by-deletedAt', 'deletedAt');
        store.createIndex('by-reviewDue', 'review.nextDueAt');
        store.createIndex('by-nextFollowUpAt', 'nextFollowUpAt');
      },
    });
    const seeded = [withChecks('open', T0, [7]), { ...reflection(2), deletedAt: T0 }];
    for (const r of seeded) await v3.put('reflections', toStoredRow(r));
    const before = await v3.getAll('reflections');
    v3.close();

    expect((await allReflections()).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [...seeded].sort((a, b) => a.id.localeCompare(b.id)),
    );
    await closeDb();
    const db = await openDB(DB_NAME);
    expect(db.version).toBe(4);
    expect(await db.getAll('reflections')).toEqual(before);
    expect([...db.objectStoreNames].sort()).toEqual([
      'outbox',
      'reflections',
      'syncBase',
      'syncState',
    ]);
    // Nothing was ever sent: connecting a server queues the journal, not the upgrade.
    for (const name of ['outbox', 'syncBase', 'syncState'] as const) {
      expect(await db.count(name)).toBe(0);
    }
    expect(db.transaction('syncState').store.keyPath).toBe('key');
    db.close();
  });
});

/** The outbox as another page would read it: id → mark. */
async function outbox(): Promise<Record<string, string>> {
  const db = await openDB(DB_NAME);
  const entries = (await db.getAll('outbox')) as { id: string; mark: string }[];
  db.close();
  return Object.fromEntries(entries.map((e) => [e.id, e.mark]));
}

describe('the outbox, after every write path', () => {
  it('a save, an edit, a review, a delete and a restore each leave one entry with a new mark', async () => {
    await saveReflection(reflection(1));
    const saved = await outbox();
    expect(Object.keys(saved)).toEqual(['id-1']);
    const marks = new Set([saved['id-1']]);
    const steps = [
      () => updateReflection('id-1', (r) => ({ ...r, tags: ['ops'] }), 5_000),
      () => setReviewState('id-1', { count: 1, nextDueAt: 9_000, retired: false }),
      () => deleteReflection('id-1', 6_000),
      () => restoreReflection('id-1', 7_000),
    ];
    for (const step of steps) {
      await step();
      const now = await outbox();
      expect(Object.keys(now)).toEqual(['id-1']);
      marks.add(now['id-1']);
    }
    // A new mark each time: a change made while a push is on its way is never taken as sent.
    expect(marks.size).toBe(steps.length + 1);
  });

  it('purging a deleted reflection keeps its entry, so the server learns it is gone', async () => {
    await saveReflection({ ...reflection(1), deletedAt: 1_000 });
    await saveReflection(reflection(2));
    const before = await outbox();
    expect(await purgeDeleted(2_000)).toBe(1);
    const after = await outbox();
    expect(Object.keys(after).sort()).toEqual(['id-1', 'id-2']);
    expect(after['id-1']).not.toBe(before['id-1']);
    expect(after['id-2']).toBe(before['id-2']);
  });

  it('an edit of a missing reflection writes no entry', async () => {
    expect(await updateReflection('nope', (r) => r)).toBeUndefined();
    await saveReflection(reflection(1));
    expect(Object.keys(await outbox())).toEqual(['id-1']);
  });
});
