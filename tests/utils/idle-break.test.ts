import { describe, expect, it } from 'vitest';
import { IDLE_DETECTION_SECONDS, idleTransition } from '../../utils/idle-break';

describe('idleTransition', () => {
  const t = 1_000_000_000;
  it.each([
    [
      'idle starts a break a detection interval back',
      null,
      'idle',
      t,
      { idleSince: t - IDLE_DETECTION_SECONDS * 1000, breakMs: null },
    ],
    ['locked starts a break now', null, 'locked', t, { idleSince: t, breakMs: null }],
    [
      'locked after idle keeps the first start',
      t - 5000,
      'locked',
      t,
      { idleSince: t - 5000, breakMs: null },
    ],
    [
      'back to active measures the break',
      t - 45 * 60_000,
      'active',
      t,
      { idleSince: null, breakMs: 45 * 60_000 },
    ],
    [
      'active without a known start is no break',
      null,
      'active',
      t,
      { idleSince: null, breakMs: null },
    ],
  ] as const)('%s', (_name, since, next, now, expected) => {
    expect(idleTransition(since, next, now)).toEqual(expected);
  });
});
