import { IDBFactory } from 'fake-indexeddb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LockCodec } from '../../../../utils/lock/lock-codec-store';
import { closeDb } from '../../../../utils/reflections/db-connection-store';
import {
  allReflections,
  deleteReflection,
  getReflection,
  purgeDeleted,
  saveReflection,
  updateReflection,
} from '../../../../utils/reflections/db-store';
import { createReflection, type Reflection } from '../../../../utils/reflections/reflection';
import {
  countPending,
  queueEverything,
  readCheckpoint,
} from '../../../../utils/reflections/sync-store';
import { sealDoc } from '../../../../utils/sync/sync-doc';
import { type SyncKeys, syncKeysFrom } from '../../../../utils/sync/sync-keys';
import { SyncStopError, syncOnce } from '../../../../utils/sync/worker/sync-engine';
import { type MemoryCouch, memoryCouch } from '../../../helpers/memory-couch';

const MARKER = 'PLAINTEXT-MARKER-4711';
const T0 = Date.parse('2026-11-02T09:00:00Z');
const OFF: LockCodec = { seal: null, open: null };

let keys: SyncKeys;
let strangerKeys: SyncKeys;

beforeAll(async () => {
  const raw = crypto.getRandomValues(new Uint8Array(32));
  keys = await syncKeysFrom(raw, 'kid-1');
  strangerKeys = await syncKeysFrom(crypto.getRandomValues(new Uint8Array(32)), 'kid-2');
});

function reflection(n: number, over: Partial<Reflection> = {}): Reflection {
  return {
    ...createReflection(
      {
        template: 'quick',
        answers: {
          happened: `missed step ${n} ${MARKER}`,
          learned: `lesson ${n}`,
          nextTime: 'check',
        },
        tags: ['ops'],
        sting: null,
      },
      `r-${n}`,
      T0 + n,
    ),
    ...over,
  };
}

/** A browser profile of its own: its own IndexedDB. */
function device(): IDBFactory {
  return new IDBFactory();
}

/** Run `work` on `profile`'s database. */
async function on<T>(profile: IDBFactory, work: () => Promise<T>): Promise<T> {
  await closeDb();
  globalThis.indexedDB = profile;
  return work();
}

const sync = (server: MemoryCouch, options = {}) => syncOnce(server, keys, OFF, options);
const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
const journal = async () => (await allReflections()).sort(byId) as Reflection[];

describe('a first sync between two devices', () => {
  it('sends the journal as ciphertext only, and the second device gets the same journal', async () => {
    const [a, b] = [device(), device()];
    const server = memoryCouch();
    const mine = [1, 2, 3].map((n) => reflection(n));
    await on(a, async () => {
      for (const r of mine) await saveReflection(r);
      await queueEverything();
      expect(await sync(server)).toMatchObject({ outcome: 'done', pushed: 3 });
      expect(await countPending()).toBe(0);
    });
    const onServer = JSON.stringify([...server.docs.values()]);
    expect(onServer).not.toContain(MARKER);
    expect(onServer).not.toContain('lesson 1');
    expect([...server.docs.keys()].sort()).toEqual(['r:r-1', 'r:r-2', 'r:r-3']);
    const got = await on(b, async () => {
      expect(await sync(server)).toMatchObject({ outcome: 'done', pulled: 3, pushed: 0 });
      return journal();
    });
    expect(got).toEqual(mine);
    // Pulled rows are not sent back: nothing changed on the second device.
    expect(await on(b, countPending)).toBe(0);
  });

  it('pulls a large journal page by page across runs, resuming at the checkpoint', async () => {
    const [a, b] = [device(), device()];
    const server = memoryCouch();
    await on(a, async () => {
      for (let n = 0; n < 1_100; n++) await saveReflection(reflection(n));
      await queueEverything();
      expect((await sync(server)).pushed).toBe(1_100);
    });
    await on(b, async () => {
      // One page per run, as when the worker is stopped after each: nothing is pulled twice.
      const outcomes = [];
      for (let i = 0; i < 5; i++) outcomes.push((await sync(server, { maxPages: 1 })).outcome);
      expect(outcomes.slice(0, 2)).toEqual(['more', 'more']);
      expect((await journal()).length).toBe(1_100);
      expect(await readCheckpoint()).toBe(String(1_100));
      expect(await countPending()).toBe(0);
    });
  });

  it('yields between pages once the caller says its time is up', async () => {
    const [a, b] = [device(), device()];
    const server = memoryCouch();
    await on(a, async () => {
      for (let n = 1; n <= 1_100; n++) await saveReflection(reflection(n));
      await queueEverything();
      await sync(server);
    });
    await on(b, async () => {
      // Time for one page: the run yields before the second, with the first committed.
      let pages = 0;
      const report = await sync(server, { inTime: () => pages++ < 1 });
      expect(report).toMatchObject({ outcome: 'more', pulled: 500 });
      expect(await readCheckpoint()).toBe(String(500));
      expect(await sync(server)).toMatchObject({ outcome: 'done', pulled: 600 });
      expect((await journal()).length).toBe(1_100);
    });
  });
});

describe('both devices changed the same reflection offline', () => {
  async function twoDevices() {
    const [a, b] = [device(), device()];
    const server = memoryCouch();
    await on(a, async () => {
      await saveReflection(reflection(1));
      await queueEverything();
      await sync(server);
    });
    await on(b, () => sync(server));
    return { a, b, server };
  }

  it('different fields merge: both devices end with both changes', async () => {
    const { a, b, server } = await twoDevices();
    await on(a, () =>
      updateReflection(
        'r-1',
        (r) => ({ ...r, answers: { ...r.answers, learned: 'from A' } }),
        T0 + 10,
      ),
    );
    await on(b, () =>
      updateReflection(
        'r-1',
        (r) => ({ ...r, answers: { ...r.answers, nextTime: 'from B' }, tags: ['ops', 'b'] }),
        T0 + 20,
      ),
    );
    await on(a, () => sync(server));
    await on(b, () => sync(server));
    await on(a, () => sync(server));
    for (const profile of [a, b]) {
      const r = await on(profile, () => getReflection('r-1'));
      expect(r?.answers).toMatchObject({ learned: 'from A', nextTime: 'from B' });
      expect(r?.tags).toEqual(['b', 'ops']);
      expect(r?.conflicts).toBeUndefined();
    }
    expect(await on(a, countPending)).toBe(0);
    expect(await on(b, countPending)).toBe(0);
  });

  it('the same text changed on both keeps both versions on both devices', async () => {
    const { a, b, server } = await twoDevices();
    await on(a, () =>
      updateReflection('r-1', (r) => ({ ...r, answers: { ...r.answers, learned: 'A says' } })),
    );
    await on(b, () =>
      updateReflection('r-1', (r) => ({ ...r, answers: { ...r.answers, learned: 'B says' } })),
    );
    await on(a, () => sync(server));
    await on(b, () => sync(server));
    await on(a, () => sync(server));
    for (const profile of [a, b]) {
      const r = (await on(profile, () => getReflection('r-1'))) as Reflection;
      expect(r.conflicts).toEqual([{ field: 'answers.learned', versions: ['A says', 'B says'] }]);
    }
  });

  it('a delete on one and an edit on the other keeps the edited content', async () => {
    const { a, b, server } = await twoDevices();
    await on(a, () => deleteReflection('r-1', T0 + 5));
    await on(b, () =>
      updateReflection('r-1', (r) => ({ ...r, answers: { ...r.answers, learned: 'kept' } })),
    );
    await on(a, () => sync(server));
    await on(b, () => sync(server));
    await on(a, () => sync(server));
    for (const profile of [a, b]) {
      const r = await on(profile, () => getReflection('r-1'));
      expect(r?.deletedAt).toBeNull();
      expect(r?.answers.learned).toBe('kept');
    }
  });

  it('a purge reaches the server as a deletion, and the other device lets it go', async () => {
    const { a, b, server } = await twoDevices();
    await on(a, async () => {
      await deleteReflection('r-1', T0 + 5);
      await sync(server);
      await purgeDeleted(T0 + 6);
      await sync(server);
    });
    expect(server.docs.get('r:r-1')?.doc._deleted).toBe(true);
    await on(b, () => sync(server));
    expect(await on(b, () => getReflection('r-1'))).toBeUndefined();
  });
});

describe('what the server sends is checked before anything is written', () => {
  it('a byte changed or a ciphertext moved onto another id is refused; the rest goes on', async () => {
    const [a, b] = [device(), device()];
    const server = memoryCouch();
    await on(a, async () => {
      for (const n of [1, 2, 3]) await saveReflection(reflection(n));
      await queueEverything();
      await sync(server);
    });
    const one = server.docs.get('r:r-1');
    const two = server.docs.get('r:r-2');
    if (!one || !two) throw new Error('not pushed');
    const ct = String(one.doc.ct);
    one.doc.ct = `${ct[0] === 'A' ? 'B' : 'A'}${ct.slice(1)}`;
    two.doc.ct = server.docs.get('r:r-3')?.doc.ct;
    const report = await on(b, () => sync(server));
    expect(report.rejected.map((r) => [r.id, r.code]).sort()).toEqual([
      ['r-1', 'tampered'],
      ['r-2', 'tampered'],
    ]);
    expect((await on(b, journal)).map((r) => r.id)).toEqual(['r-3']);
  });

  it('a well-sealed document that is not a reflection, or names another id inside, is refused', async () => {
    const server = memoryCouch();
    await server.pushDocs([
      await sealDoc('r:odd', { id: 'odd', template: 'nope' }, keys.docKey, keys.kid),
      await sealDoc('r:moved', reflection(5), keys.docKey, keys.kid),
      await sealDoc('r:r-6', reflection(6), keys.docKey, keys.kid),
    ]);
    const report = await on(device(), () => sync(server));
    expect(report.rejected).toEqual([
      { id: 'odd', code: 'malformed' },
      { id: 'moved', code: 'malformed' },
    ]);
    expect((await journal()).map((r) => r.id)).toEqual(['r-6']);
  });

  it('documents under a key this device does not hold stop the run with nothing written', async () => {
    const [a, b] = [device(), device()];
    const server = memoryCouch();
    await on(a, async () => {
      await saveReflection(reflection(1));
      await queueEverything();
      await syncOnce(server, strangerKeys, OFF);
    });
    await on(b, async () => {
      await saveReflection(reflection(9));
      await queueEverything();
      await expect(sync(server)).rejects.toBeInstanceOf(SyncStopError);
      expect((await journal()).map((r) => r.id)).toEqual(['r-9']);
      expect(await readCheckpoint()).toBeUndefined();
    });
    // Nor did anything of device b reach the server: the pull comes first.
    expect([...server.docs.keys()]).toEqual(['r:r-1']);
  });
});

describe('interrupted runs', () => {
  it('a connection lost mid-batch resumes with no loss and no duplicate', async () => {
    const [a, b] = [device(), device()];
    const server = memoryCouch();
    await on(a, async () => {
      for (let n = 0; n < 10; n++) await saveReflection(reflection(n));
      await queueEverything();
      server.dropAfter(4);
      await expect(sync(server)).rejects.toThrow('Failed to fetch');
      expect(server.docs.size).toBe(4);
      expect(await countPending()).toBe(10); // no answer came: nothing counts as sent
      expect(await sync(server)).toMatchObject({ outcome: 'done' });
      expect(await countPending()).toBe(0);
    });
    expect(server.docs.size).toBe(10);
    // The four the server took before the answer was lost are not written a second time.
    expect([...server.docs.values()].map((d) => d.rev.split('-')[0])).toEqual(Array(10).fill('1'));
    const got = await on(b, async () => {
      await sync(server);
      return journal();
    });
    expect(got).toEqual(await on(a, journal));
  });
});

describe('the mass-delete failsafe', () => {
  it('a run that would delete most of the journal asks first, and goes ahead once allowed', async () => {
    const [a, b] = [device(), device()];
    const server = memoryCouch();
    await on(a, async () => {
      for (let n = 0; n < 40; n++) await saveReflection(reflection(n));
      await queueEverything();
      await sync(server);
    });
    await on(b, () => sync(server));
    await on(a, async () => {
      for (let n = 0; n < 30; n++) await deleteReflection(`r-${n}`, T0 + 100);
      await sync(server);
    });
    await on(b, async () => {
      const report = await sync(server);
      expect(report.outcome).toBe('ask');
      expect(report.ask).toMatchObject({ deleting: 30, of: 40 });
      expect((await journal()).filter((r) => r.deletedAt === null)).toHaveLength(40);
      expect((await sync(server, { allowDeletes: true })).outcome).toBe('done');
      expect((await journal()).filter((r) => r.deletedAt === null)).toHaveLength(10);
    });
  });
});
