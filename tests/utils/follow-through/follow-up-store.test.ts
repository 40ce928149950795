import { describe, expect, it, vi } from 'vitest';
import { dueFollowUps } from '../../../utils/follow-through/follow-up';
import {
  reflectionsWithDueFollowUp,
  storeFollowUpAnswer,
} from '../../../utils/follow-through/follow-up-store';
import { importReflections } from '../../../utils/reflections/db-bulk-store';
import { allReflections, getReflection, saveReflection } from '../../../utils/reflections/db-store';
import {
  createReflection,
  type FollowUp,
  type FollowUpOutcome,
  type Reflection,
} from '../../../utils/reflections/reflection';
import { followUpIndex, withChecks } from '../../helpers/follow-up-index';

/**
 * How many stored reflections `run` reads: fake-indexeddb hands out each value it reads as a
 * structured clone (writes clone too, so nothing may be written meanwhile).
 */
async function rowsRead<T>(run: () => Promise<T>): Promise<{ result: T; read: number }> {
  const clone = globalThis.structuredClone;
  let read = 0;
  const spy = vi.spyOn(globalThis, 'structuredClone').mockImplementation((value, options) => {
    if (typeof value === 'object' && value !== null && 'followUps' in value) read++;
    return clone(value, options);
  });
  try {
    return { result: await run(), read };
  } finally {
    spy.mockRestore();
  }
}

describe('follow-ups in the database', () => {
  const DAY = 86_400_000;
  const T0 = Date.parse('2026-11-01T09:00:00Z');
  const withFollowUp = (id: string, dueAt: number) => ({
    ...createReflection(
      { template: 'quick', answers: { nextTime: `commit ${id}` }, tags: [], sting: null },
      id,
      T0,
    ),
    followUps: [{ dueAt, answeredAt: null, outcome: null, note: '' }],
  });

  it('returns exactly the reflections with a due follow-up, most overdue first', async () => {
    await saveReflection(withFollowUp('later', T0 + 10 * DAY));
    await saveReflection(withFollowUp('due-2', T0 + 2 * DAY));
    await saveReflection(withFollowUp('due-1', T0 + DAY));
    await saveReflection({ ...withFollowUp('deleted', T0 + DAY), deletedAt: T0 });
    const due = await reflectionsWithDueFollowUp(T0 + 3 * DAY);
    expect(due.map((r) => r.id)).toEqual(['due-1', 'due-2']);
  });

  it('stores an answer with its note; "applied" closes the commitment', async () => {
    await saveReflection(withFollowUp('a', T0 + DAY));
    const now = T0 + 2 * DAY;
    await storeFollowUpAnswer('a', 'applied', '  did it in the Monday release ', now, {
      retryDays: 7,
    });
    const stored = await getReflection('a');
    expect(stored?.followUps).toEqual([
      {
        dueAt: T0 + DAY,
        answeredAt: now,
        outcome: 'applied',
        note: 'did it in the Monday release',
      },
    ]);
    expect(stored?.updatedAt).toBe(now);
    expect(await reflectionsWithDueFollowUp(T0 + 100 * DAY)).toEqual([]);
  });

  it('"not yet" asks again after the retry days', async () => {
    await saveReflection(withFollowUp('b', T0 + DAY));
    const now = T0 + 2 * DAY;
    await storeFollowUpAnswer('b', 'not-yet', '', now, { retryDays: 3 });
    expect(await reflectionsWithDueFollowUp(now + 3 * DAY - 1)).toEqual([]);
    expect((await reflectionsWithDueFollowUp(now + 3 * DAY)).map((r) => r.id)).toEqual(['b']);
  });

  it('reads only the due rows: 1,000 stored, 3 due, 3 read', async () => {
    const now = T0 + 10 * DAY;
    const rows: Reflection[] = Array.from({ length: 1_000 }, (_, n) => {
      const id = `r-${String(n).padStart(4, '0')}`;
      if (n % 3 === 0) return withChecks(id, T0, []); // no commitment
      if (n % 3 === 1) return withChecks(id, now, [1, 7, 30]); // next check still to come
      // Due once, and answered: closed.
      return {
        ...withChecks(id, T0, [1]),
        followUps: [{ dueAt: T0 + DAY, answeredAt: T0 + DAY, outcome: 'applied', note: '' }],
      };
    });
    rows.push(withChecks('due-a', T0, [1, 7, 30]), withChecks('due-b', T0, [9]));
    rows.push(withChecks('due-c', T0, [2]), { ...withChecks('gone', T0, [1]), deletedAt: T0 });
    await importReflections(rows);
    const { result, read } = await rowsRead(() => reflectionsWithDueFollowUp(now));
    expect(result.map((r) => r.id)).toEqual(['due-c', 'due-a', 'due-b']);
    expect(read).toBe(3);
  });

  it('names the same reminders as reading every row did, at every moment', async () => {
    // Every mix of check states that matters, written 0–40 days before a range of moments.
    const outcomes: Array<FollowUpOutcome | null> = [null, 'partly', 'not-yet', 'applied'];
    const rows: Reflection[] = [];
    let n = 0;
    for (const first of outcomes) {
      for (const second of outcomes) {
        for (const deleted of [false, true]) {
          const id = `m-${n++}`;
          const followUps: FollowUp[] = [
            { dueAt: T0 + DAY, answeredAt: first && T0 + DAY, outcome: first, note: '' },
            { dueAt: T0 + 7 * DAY, answeredAt: second && T0 + 7 * DAY, outcome: second, note: '' },
            { dueAt: T0 + 30 * DAY, answeredAt: null, outcome: null, note: '' },
          ];
          rows.push({ ...withChecks(id, T0, []), followUps, deletedAt: deleted ? T0 : null });
        }
      }
    }
    await importReflections(rows);
    const every = await allReflections();
    for (const day of [0, 1, 2, 7, 8, 29, 30, 31, 400]) {
      const now = T0 + day * DAY;
      expect(await reflectionsWithDueFollowUp(now)).toEqual(dueFollowUps(every, now));
    }
  });

  it('an answer moves the reflection in the index: out when applied, to the retry when not yet', async () => {
    await saveReflection(withFollowUp('a', T0 + DAY));
    await saveReflection(withFollowUp('b', T0 + DAY));
    expect(await followUpIndex()).toEqual({ a: T0 + DAY, b: T0 + DAY });
    await storeFollowUpAnswer('a', 'applied', '', T0 + 2 * DAY, { retryDays: 7 });
    await storeFollowUpAnswer('b', 'not-yet', '', T0 + 2 * DAY, { retryDays: 7 });
    expect(await followUpIndex()).toEqual({ b: T0 + 9 * DAY });
  });

  it('answering a missing reflection stores nothing', async () => {
    expect(await storeFollowUpAnswer('gone', 'applied', '', T0, { retryDays: 7 })).toBeUndefined();
  });
});
