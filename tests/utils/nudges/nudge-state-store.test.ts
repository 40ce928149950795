import { describe, expect, it } from 'vitest';
import { EMPTY_NUDGE_STATE } from '../../../utils/nudges/nudge-state';
import { ensureSeed, getNudgeState, nudgeStateItem } from '../../../utils/nudges/nudge-state-store';

describe('the stored per-install seed', () => {
  it('ensureSeed stores one once and keeps the rest of the state', async () => {
    await nudgeStateItem.setValue({ ...EMPTY_NUDGE_STATE, ignoredInARow: 3 });
    expect(await ensureSeed(777)).toBe(777);
    expect(await ensureSeed(888)).toBe(777);
    expect(await getNudgeState()).toEqual({ ...EMPTY_NUDGE_STATE, ignoredInARow: 3, seed: 777 });
  });
});
