import { describe, expect, it } from 'vitest';
import { LockError } from '../../../utils/lock/envelope';
import { createKeyring, sealingKeyOf } from '../../../utils/lock/keyring';
import {
  isSealed,
  openReflection,
  sealReflection,
  withoutWords,
} from '../../../utils/lock/sealed-reflection';
import { richReflection } from '../../helpers/reflections';

const made = createKeyring('correct horse battery', 0, 100_000);

function withNote(n: number) {
  const r = richReflection(n, { prompt: 'What surprised you?' });
  return {
    ...r,
    followUps: [
      {
        dueAt: r.createdAt + 1,
        answeredAt: r.createdAt + 2,
        outcome: 'partly' as const,
        note: 'half done',
      },
      { dueAt: r.createdAt + 3, answeredAt: null, outcome: null, note: '' },
    ],
    conflicts: [
      {
        field: 'answers.learned',
        versions: ['Kept on the laptop', 'Kept at home'] as [string, string],
      },
    ],
  };
}

describe('sealed reflections', () => {
  it.each(['public key', 'data key'])(
    'keep only what nudging needs in the clear (%s)',
    async (by) => {
      const { keyring, keys } = await made;
      const r = withNote(4);
      const row = await sealReflection(r, by === 'data key' ? keys : await sealingKeyOf(keyring));
      const stored = JSON.stringify({ ...row, sealed: undefined });
      for (const words of [
        ...Object.values(r.answers),
        'ops',
        'What surprised you?',
        'ci.example',
        'Build #4',
        'failed step',
        'The on-call team',
        'half done',
        'Kept on the laptop',
        'Kept at home',
      ]) {
        expect(stored).not.toContain(words);
      }
      expect(row).toMatchObject({
        id: r.id,
        createdAt: r.createdAt,
        updatedAt: r.updatedAt,
        template: r.template,
        trigger: r.trigger,
        sting: r.sting,
        pinned: r.pinned,
        deletedAt: null,
        review: r.review,
        tags: [],
        share: { told: r.share?.told, toldAt: null, affected: '' },
      });
      expect(row.followUps.map((f) => [f.dueAt, f.outcome])).toEqual(
        r.followUps.map((f) => [f.dueAt, f.outcome]),
      );
      expect(isSealed(row)).toBe(true);
      expect(await openReflection(row, keys)).toEqual(r);
    },
  );

  it('opens a clear row as it is', async () => {
    const { keys } = await made;
    const r = richReflection(1);
    expect(await openReflection(r, keys)).toBe(r);
    expect(isSealed(r)).toBe(false);
  });

  it('refuses a sealed row moved onto another id, and shows nothing of it', async () => {
    const { keys } = await made;
    const a = await sealReflection(richReflection(1), keys);
    const b = richReflection(2);
    const moved = { ...withoutWords(b), sealed: a.sealed };
    await expect(openReflection(moved, keys)).rejects.toBeInstanceOf(LockError);
  });
});
