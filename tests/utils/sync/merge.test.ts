import { beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from '../../../utils/lock/bytes';
import type { Reflection } from '../../../utils/reflections/reflection';
import {
  type FieldHashes,
  fieldHashes,
  importHashKey,
  mergeReflections,
} from '../../../utils/sync/merge';

let key: CryptoKey;
beforeAll(async () => {
  key = await importHashKey(randomBytes(32));
});

const base: Reflection = {
  id: 'r1',
  createdAt: 1_000,
  updatedAt: 2_000,
  template: 'quick',
  answers: { happened: 'Shipped late', learned: 'Ask early', nextTime: 'Plan a buffer' },
  tags: ['planning', 'ops'],
  sting: 3,
  trigger: 'manual',
  context: null,
  followUps: [
    { dueAt: 10_000, answeredAt: null, outcome: null, note: '' },
    { dueAt: 20_000, answeredAt: null, outcome: null, note: '' },
  ],
  share: null,
  pinned: false,
  review: { count: 0, nextDueAt: 5_000, retired: false },
  deletedAt: null,
};

const edit = (changes: Partial<Reflection>, updatedAt = 3_000): Reflection => ({
  ...base,
  ...changes,
  updatedAt,
});

/** Merged both ways round: the two devices must agree. */
async function merged(
  mine: Reflection,
  theirs: Reflection,
  hashes: FieldHashes | null,
): Promise<Reflection> {
  const here = await mergeReflections(mine, theirs, hashes, key);
  const there = await mergeReflections(theirs, mine, hashes, key);
  expect(there).toEqual(here);
  return here;
}

describe('merging one reflection edited on two devices', () => {
  let hashes: FieldHashes;
  beforeAll(async () => {
    hashes = await fieldHashes(base, key);
  });

  it('keeps base hashes that say nothing of the words', () => {
    expect(JSON.stringify(hashes)).not.toContain('Ask early');
    expect(Object.keys(hashes)).toContain('answers.learned');
  });

  it('takes each side’s change where they changed different fields', async () => {
    const mine = edit({ answers: { ...base.answers, learned: 'Ask in the first hour' } });
    const theirs = edit({ sting: 2, pinned: true }, 4_000);
    const result = await merged(mine, theirs, hashes);
    expect(result.answers.learned).toBe('Ask in the first hour');
    expect(result).toMatchObject({ sting: 2, pinned: true, updatedAt: 4_000 });
    expect(result.conflicts).toBeUndefined();
  });

  it('keeps both versions of an answer both devices rewrote', async () => {
    const mine = edit({ answers: { ...base.answers, learned: 'Ask sooner' } });
    const theirs = edit({ answers: { ...base.answers, learned: 'Ask on day one' } }, 9_000);
    const result = await merged(mine, theirs, hashes);
    expect(result.conflicts).toEqual([
      { field: 'answers.learned', versions: ['Ask on day one', 'Ask sooner'] },
    ]);
    expect(['Ask on day one', 'Ask sooner']).toContain(result.answers.learned);
  });

  it('does not call the same edit on both sides a conflict', async () => {
    const both = edit({ answers: { ...base.answers, learned: 'Same words' } });
    const result = await merged(both, { ...both, updatedAt: 7_000 }, hashes);
    expect(result.answers.learned).toBe('Same words');
    expect(result.conflicts).toBeUndefined();
  });

  it('treats tags as sets: an addition on one side and a removal on the other both hold', async () => {
    const mine = edit({ tags: ['planning', 'ops', 'deploys'] }); // added
    const theirs = edit({ sting: 4 }); // tags untouched
    expect((await merged(mine, theirs, hashes)).tags).toEqual(['deploys', 'ops', 'planning']);
    const removed = edit({ tags: ['planning'] });
    expect((await merged(removed, theirs, hashes)).tags).toEqual(['planning']);
    // Both changed the tags: the union, so no tag anyone added is lost.
    const added = edit({ tags: ['planning', 'ops', 'people'] });
    expect((await merged(mine, added, hashes)).tags).toEqual([
      'deploys',
      'ops',
      'people',
      'planning',
    ]);
  });

  it('keeps a follow-up answered on either device, and both answers to different checks', async () => {
    const [first, second] = base.followUps as [
      Reflection['followUps'][0],
      Reflection['followUps'][0],
    ];
    const mine = edit({
      followUps: [{ ...first, answeredAt: 11_000, outcome: 'applied', note: 'Worked' }, second],
    });
    const theirs = edit({
      followUps: [first, { ...second, answeredAt: 21_000, outcome: 'partly', note: '' }],
    });
    const result = await merged(mine, theirs, hashes);
    expect(result.followUps.map((check) => check.outcome)).toEqual(['applied', 'partly']);
  });

  it('keeps the content when one device deleted and the other edited', async () => {
    const deleted = edit({ deletedAt: 5_000 });
    const edited = edit({ answers: { ...base.answers, nextTime: 'Buffer two days' } });
    const result = await merged(deleted, edited, hashes);
    expect(result.deletedAt).toBeNull();
    expect(result.answers.nextTime).toBe('Buffer two days');
  });

  it('deletes when one device deleted and the other changed nothing', async () => {
    const deleted = edit({ deletedAt: 5_000 });
    expect((await merged(deleted, base, hashes)).deletedAt).toBe(5_000);
  });

  it('stays deleted when both deleted, at the earlier moment', async () => {
    const result = await merged(edit({ deletedAt: 6_000 }), edit({ deletedAt: 5_000 }), hashes);
    expect(result.deletedAt).toBe(5_000);
  });

  it('without a base keeps every word from both sides', async () => {
    const mine = edit({ answers: { ...base.answers, learned: 'A' }, tags: ['x'] });
    const theirs = edit({ answers: { ...base.answers, learned: 'B' }, tags: ['y'] });
    const result = await merged(mine, theirs, null);
    expect(result.conflicts).toEqual([{ field: 'answers.learned', versions: ['A', 'B'] }]);
    expect(result.tags).toEqual(['x', 'y']);
  });

  it('takes a new answer written on one side only', async () => {
    const mine = edit({ answers: { ...base.answers, extra1: 'A new question answered' } });
    const result = await merged(mine, base, hashes);
    expect(result.answers.extra1).toBe('A new question answered');
    expect(result.conflicts).toBeUndefined();
  });

  describe('a choice waiting on both devices', () => {
    const waiting = edit({
      answers: { ...base.answers, learned: 'A' },
      conflicts: [{ field: 'answers.learned', versions: ['A', 'B'] }],
    });
    let agreed: FieldHashes;
    beforeAll(async () => {
      agreed = await fieldHashes(waiting, key);
    });

    it('made on one device is not undone by the other, which changed something else', async () => {
      const chose = edit({ answers: { ...base.answers, learned: 'B' } }, 4_000);
      const other = { ...waiting, tags: ['planning', 'ops', 'later'] };
      const result = await merged(chose, other, agreed);
      expect(result.answers.learned).toBe('B');
      expect(result.conflicts).toBeUndefined();
      expect(result.tags).toEqual(['later', 'ops', 'planning']);
    });

    it('kept the version already shown is still a choice made', async () => {
      const chose = edit({ answers: { ...base.answers, learned: 'A' } }, 4_000);
      const result = await merged(chose, waiting, agreed);
      expect(result.conflicts).toBeUndefined();
    });

    it('stays waiting when neither device has chosen', async () => {
      const other = { ...waiting, pinned: true };
      const result = await merged(waiting, other, agreed);
      expect(result.conflicts).toEqual(waiting.conflicts);
      expect(result.pinned).toBe(true);
    });

    it('a new disagreement on another answer joins the one waiting', async () => {
      const mine = { ...waiting, answers: { ...waiting.answers, nextTime: 'Mine' } };
      const theirs = { ...waiting, answers: { ...waiting.answers, nextTime: 'Theirs' } };
      const result = await merged(mine, theirs, agreed);
      expect(result.conflicts).toEqual([
        { field: 'answers.learned', versions: ['A', 'B'] },
        { field: 'answers.nextTime', versions: ['Mine', 'Theirs'] },
      ]);
    });
  });
});
