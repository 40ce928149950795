import { describe, expect, it } from 'vitest';
import { createReflection, type Reflection } from '../../../utils/reflections/reflection';
import {
  settledByEdit,
  waitingChoices,
  withVersionKept,
} from '../../../utils/reflections/two-versions';

const base = createReflection(
  {
    template: 'quick',
    answers: { happened: 'h', learned: 'A', nextTime: 'X' },
    tags: [],
    sting: 1,
  },
  'r1',
  1_000,
);
const waiting: Reflection = {
  ...base,
  conflicts: [
    { field: 'answers.learned', versions: ['A', 'B'] },
    { field: 'answers.nextTime', versions: ['X', 'Y'] },
  ],
};

describe('two versions of an answer', () => {
  it('keeping one sets the answer and leaves the other choices waiting', () => {
    const kept = withVersionKept(waiting, 'answers.learned', 'B');
    expect(kept.answers).toEqual({ happened: 'h', learned: 'B', nextTime: 'X' });
    expect(kept.conflicts).toEqual([{ field: 'answers.nextTime', versions: ['X', 'Y'] }]);
    const done = withVersionKept(kept, 'answers.nextTime', 'X');
    expect('conflicts' in done).toBe(false);
  });

  it('an edit settles only the answers it rewrote', () => {
    const edited = { ...waiting, answers: { ...waiting.answers, nextTime: 'Z' } };
    expect(settledByEdit(waiting, edited).conflicts).toEqual([
      { field: 'answers.learned', versions: ['A', 'B'] },
    ]);
    expect(settledByEdit(waiting, { ...waiting }).conflicts).toHaveLength(2);
    expect(settledByEdit(base, { ...base, pinned: true })).toEqual({ ...base, pinned: true });
  });

  it('lists the reflections with a choice waiting, in the given order', () => {
    const other = { ...waiting, id: 'r2' };
    expect(waitingChoices([other, base, waiting]).map((r) => r.id)).toEqual(['r2', 'r1']);
  });
});
