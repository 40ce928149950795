import { describe, expect, it } from 'vitest';
import {
  reflectionsWithDueFollowUp,
  storeFollowUpAnswer,
} from '../../../utils/follow-through/follow-up-store';
import { getReflection, saveReflection } from '../../../utils/reflections/db-store';
import { createReflection } from '../../../utils/reflections/reflection';

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

  it('answering a missing reflection stores nothing', async () => {
    expect(await storeFollowUpAnswer('gone', 'applied', '', T0, { retryDays: 7 })).toBeUndefined();
  });
});
