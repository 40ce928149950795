import { describe, expect, it } from 'vitest';
import {
  checkDeletes,
  MASS_DELETE_MIN,
  MASS_DELETE_SHARE,
} from '../../../utils/sync/mass-delete-failsafe';

describe('the mass-delete failsafe', () => {
  it.each([
    // deleting, live, asks?
    [0, 1000, false],
    [1, 1, false], // a small journal: below the floor, whatever the share
    [MASS_DELETE_MIN - 1, MASS_DELETE_MIN, false],
    [MASS_DELETE_MIN, MASS_DELETE_MIN, true], // everything, at the floor
    [250, 1000, false], // exactly the share goes ahead
    [251, 1000, true],
    [100_000, 100_000, true], // a server that came back empty
    [30, 0, false], // nothing here to lose
  ])('deleting %i of %i asks first: %s', (deleting, live, asks) => {
    expect(checkDeletes(deleting, live).kind).toBe(asks ? 'ask' : 'go');
  });

  it('says how much it would delete', () => {
    expect(checkDeletes(600, 1000)).toEqual({ kind: 'ask', deleting: 600, of: 1000, share: 0.6 });
    expect(MASS_DELETE_SHARE).toBeLessThan(0.5);
  });

  it('takes a share and a floor of its own', () => {
    expect(checkDeletes(5, 10, 0.1, 5).kind).toBe('ask');
    expect(checkDeletes(5, 10, 0.6, 5).kind).toBe('go');
  });
});
