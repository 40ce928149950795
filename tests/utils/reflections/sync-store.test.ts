import { describe, expect, it } from 'vitest';
import {
  getReflection,
  saveReflection,
  updateReflection,
} from '../../../utils/reflections/db-store';
import { createReflection } from '../../../utils/reflections/reflection';
import {
  commitPulled,
  countLive,
  countPending,
  forgetSync,
  localState,
  pendingChanges,
  queueEverything,
  readCheckpoint,
  settleSent,
} from '../../../utils/reflections/sync-store';

const reflection = (n: number) =>
  createReflection(
    { template: 'quick', answers: { learned: `lesson ${n}` }, tags: [], sting: null },
    `id-${n}`,
    1_000 * n,
  );

describe('the sync store', () => {
  it('a change made while its push was on the way stays queued; the base moves either way', async () => {
    await saveReflection(reflection(1));
    await saveReflection(reflection(2));
    const sent = await pendingChanges(10);
    await updateReflection('id-2', (r) => ({ ...r, pinned: true })); // meanwhile
    await settleSent(
      sent.map((entry) => ({ entry, base: { id: entry.id, rev: '1-a', hashes: {} } })),
    );
    expect((await pendingChanges(10)).map((e) => e.id)).toEqual(['id-2']);
    const { bases } = await localState(['id-1', 'id-2']);
    expect(bases.map((b) => b?.rev)).toEqual(['1-a', '1-a']);
  });

  it('a pulled change to a row edited since it was read is left out; the checkpoint still moves', async () => {
    await saveReflection(reflection(1));
    await saveReflection(reflection(2));
    const { rows } = await localState(['id-1', 'id-2']);
    await updateReflection('id-2', (r) => ({ ...r, pinned: true })); // an edit here, after the read
    const pulled = (i: number) => ({
      id: `id-${i + 1}`,
      expected: rows[i],
      row: { ...reflection(i + 1), answers: { learned: 'from the server' } },
      base: { id: `id-${i + 1}`, rev: '2-b', hashes: {} },
      sendBack: false,
    });
    expect(await commitPulled([pulled(0), pulled(1)], '42')).toEqual(['id-1']);
    expect((await getReflection('id-1'))?.answers.learned).toBe('from the server');
    expect((await getReflection('id-2'))?.pinned).toBe(true);
    expect(await readCheckpoint()).toBe('42');
  });

  it('queues the whole journal on connect, counts live ones, and forgets it all on disconnect', async () => {
    for (const n of [1, 2, 3]) await saveReflection(reflection(n));
    await saveReflection({ ...reflection(4), deletedAt: 5_000 });
    await settleSent((await pendingChanges(10)).map((entry) => ({ entry, base: null })));
    expect(await countPending()).toBe(0);
    expect(await queueEverything()).toBe(4);
    expect(await countPending()).toBe(4);
    expect(await countLive()).toBe(3);
    await commitPulled([], '7');
    await forgetSync();
    expect(await countPending()).toBe(0);
    expect(await readCheckpoint()).toBeUndefined();
    expect((await getReflection('id-1'))?.id).toBe('id-1'); // local data stays
  });
});
