import { describe, expect, it } from 'vitest';
import type { FollowUp, Reflection } from '../../../utils/reflections/reflection';
import {
  fromStoredRow,
  type StoredReflection,
  toStoredRow,
} from '../../../utils/reflections/stored-row';
import { withChecks } from '../../helpers/follow-up-index';

const T0 = Date.parse('2026-11-01T09:00:00Z');
const DAY = 86_400_000;
const check = (days: number, outcome: FollowUp['outcome'] = null): FollowUp => ({
  dueAt: T0 + days * DAY,
  answeredAt: outcome && T0 + days * DAY,
  outcome,
  note: '',
});
const with_ = (followUps: FollowUp[], deletedAt: number | null = null): Reflection => ({
  ...withChecks('a', T0, []),
  followUps,
  deletedAt,
});

describe('the stored row', () => {
  it.each([
    ['no commitment', with_([]), undefined],
    ['three checks to come', with_([check(1), check(7), check(30)]), T0 + DAY],
    ['day 1 answered "partly"', with_([check(1, 'partly'), check(7), check(30)]), T0 + 7 * DAY],
    ['a "not yet" retry planned', with_([check(1, 'not-yet'), check(8)]), T0 + 8 * DAY],
    ['applied (closed)', with_([check(1, 'applied'), check(7)]), undefined],
    ['no longer relevant (closed)', with_([check(1, 'no-longer-relevant')]), undefined],
    ['soft-deleted with a check open', with_([check(1)], T0), undefined],
  ])('%s: nextFollowUpAt is %s', (_name, reflection, key) => {
    const row = toStoredRow(reflection);
    expect(row.nextFollowUpAt).toBe(key);
    expect(Object.hasOwn(row, 'nextFollowUpAt')).toBe(key !== undefined);
    expect(fromStoredRow(row)).toEqual(reflection);
  });

  it('replaces a key that came in with the record, and leaves the input as it was', () => {
    const input = { ...with_([check(7)]), nextFollowUpAt: 1 } as StoredReflection;
    expect(toStoredRow(input).nextFollowUpAt).toBe(T0 + 7 * DAY);
    expect(toStoredRow({ ...input, followUps: [] })).not.toHaveProperty('nextFollowUpAt');
    expect(input.nextFollowUpAt).toBe(1);
  });

  it('hands a row without derived fields out as it is, without a copy', () => {
    const row = toStoredRow(with_([]));
    expect(fromStoredRow(row)).toBe(row);
  });
});
