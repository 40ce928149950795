import { describe, expect, it } from 'vitest';
import { fixedZone } from '../../../utils/core/calendar';
import {
  createReflection,
  type Reflection,
  type ReviewState,
} from '../../../utils/reflections/reflection';
import {
  isDue,
  nextToResurface,
  onThisDay,
  type ReviewAction,
  resurfaceQueue,
  reviewAfter,
  reviewGapDays,
} from '../../../utils/review/resurface';

const DAY = 86_400_000;
const at = (iso: string) => Date.parse(iso);
const NOW = at('2026-11-25T12:00:00Z');

function make(
  id: string,
  iso: string,
  review?: Partial<ReviewState>,
  deletedAt: number | null = null,
) {
  const r = createReflection(
    { template: 'quick', answers: { learned: id }, tags: [], sting: null },
    id,
    at(iso),
  );
  return { ...r, review: { ...(r.review as ReviewState), ...review }, deletedAt } as Reflection;
}

describe('reviewAfter', () => {
  it.each<[number, ReviewAction, ReviewState]>([
    [0, 'seen', { count: 1, nextDueAt: NOW + 7 * DAY, retired: false }],
    [1, 'seen', { count: 2, nextDueAt: NOW + 18 * DAY, retired: false }],
    [2, 'seen', { count: 3, nextDueAt: NOW + 45 * DAY, retired: false }],
    [9, 'seen', { count: 10, nextDueAt: NOW + 365 * DAY, retired: false }],
    [1, 'relevant', { count: 2, nextDueAt: NOW + 6 * DAY, retired: false }],
    [1, 'retire', { count: 1, nextDueAt: 0, retired: true }],
  ])('count %i, %s', (count, action, expected) => {
    expect(reviewAfter({ count, nextDueAt: 0, retired: false }, action, NOW)).toEqual(expected);
  });

  it('brings a lesson back less often every time it is seen, either way', () => {
    for (const action of ['seen', 'relevant'] as const) {
      let review: ReviewState = { count: 0, nextDueAt: 0, retired: false };
      let previousGap = 0;
      for (let i = 0; i < 6; i++) {
        review = reviewAfter(review, action, NOW);
        const gap = review.nextDueAt - NOW;
        expect(gap).toBeGreaterThanOrEqual(previousGap);
        previousGap = gap;
      }
      expect(previousGap).toBeGreaterThan(reviewGapDays(1) * DAY * (action === 'seen' ? 10 : 3));
    }
  });
});

describe('resurfacing order', () => {
  const list = [
    make('due-later', '2026-01-01T00:00:00Z', { nextDueAt: NOW - DAY }),
    make('due-first', '2026-05-01T00:00:00Z', { nextDueAt: NOW - 10 * DAY }),
    make('tie-older', '2026-02-01T00:00:00Z', { nextDueAt: NOW - 5 * DAY }),
    make('tie-newer', '2026-03-01T00:00:00Z', { nextDueAt: NOW - 5 * DAY }),
    make('not-yet', '2026-01-01T00:00:00Z', { nextDueAt: NOW + DAY }),
    make('retired', '2026-01-01T00:00:00Z', { nextDueAt: NOW - 20 * DAY, retired: true }),
    make('deleted', '2026-01-01T00:00:00Z', { nextDueAt: NOW - 20 * DAY }, NOW),
  ];

  it('longest overdue first, then the oldest; retired, deleted and future left out', () => {
    expect(resurfaceQueue(list, NOW).map((r) => r.id)).toEqual([
      'due-first',
      'tie-older',
      'tie-newer',
      'due-later',
    ]);
    expect(nextToResurface(list, NOW)?.id).toBe('due-first');
    expect(nextToResurface([...list].reverse(), NOW)?.id).toBe('due-first');
  });

  it('moves on after "seen it", and the seen lesson is not due again soon', () => {
    const first = list[1] as Reflection;
    const seen = { ...first, review: reviewAfter(first.review as ReviewState, 'seen', NOW) };
    const after = list.map((r) => (r.id === first.id ? seen : r));
    expect(nextToResurface(after, NOW)?.id).toBe('tie-older');
    expect(isDue(seen, NOW + 6 * DAY)).toBe(false);
    expect(isDue(seen, NOW + 7 * DAY)).toBe(true);
  });

  it('has nothing to show when nothing is due', () => {
    expect(nextToResurface([list[4] as Reflection], NOW)).toBeNull();
  });
});

describe('on this day', () => {
  it('finds the same date in earlier months and years, most recent of each', () => {
    const list = [
      make('today', '2026-11-25T08:00:00Z'),
      make('month', '2026-10-25T09:00:00Z'),
      make('month-earlier', '2026-10-25T07:00:00Z'),
      make('year', '2025-11-25T09:00:00Z'),
      make('two-years', '2024-11-25T09:00:00Z'),
      make('other-day', '2026-10-24T09:00:00Z'),
      make('deleted', '2026-09-25T09:00:00Z', {}, 1),
    ];
    expect(onThisDay(list, NOW, fixedZone(0)).map((e) => [e.reflection.id, e.monthsAgo])).toEqual([
      ['month', 1],
      ['year', 12],
      ['two-years', 24],
    ]);
  });

  it('uses the local date', () => {
    // 23:30 UTC on 24 Oct is 25 Oct in UTC+2.
    const list = [make('late', '2026-10-24T23:30:00Z')];
    expect(onThisDay(list, NOW, fixedZone(120)).map((e) => e.reflection.id)).toEqual(['late']);
    expect(onThisDay(list, NOW, fixedZone(0))).toEqual([]);
  });
});
