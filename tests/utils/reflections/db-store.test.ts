import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import {
  closeDb,
  DB_NAME,
  DB_VERSION,
  deleteReflection,
  describeDbError,
  getReflection,
  listReflections,
  listTags,
  onReflectionsChanged,
  purgeDeleted,
  reflectionsWithTag,
  restoreReflection,
  saveReflection,
  updateReflection,
} from '../../../utils/reflections/db-store';
import {
  createReflection,
  FIRST_REVIEW_AFTER_MS,
  type Reflection,
} from '../../../utils/reflections/reflection';

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
});
