import { describe, expect, it } from 'vitest';
import { fixedZone, type TimeZone } from '../../../utils/core/calendar';
import {
  createReflection,
  type Reflection,
  type Sting,
  type Trigger,
} from '../../../utils/reflections/reflection';
import { computeInsights } from '../../../utils/review/insights';

const at = (iso: string) => Date.parse(iso);
let n = 0;
function make(
  iso: string,
  patch: { tags?: string[]; sting?: Sting | null; trigger?: Trigger; deletedAt?: number } = {},
): Reflection {
  const r = createReflection(
    {
      template: 'quick',
      answers: { learned: 'x' },
      tags: patch.tags ?? [],
      sting: patch.sting ?? null,
      trigger: patch.trigger ?? 'manual',
    },
    `r${n++}`,
    at(iso),
  );
  return { ...r, deletedAt: patch.deletedAt ?? null };
}

// Wednesday 2026-11-25 at noon UTC; its week starts Monday 2026-11-23.
const NOW = at('2026-11-25T12:00:00Z');

describe('reflections per week', () => {
  it.each<[string, string, number, string]>([
    // [when, zone offset label, offset minutes, week it lands in]
    ['2026-11-23T00:30:00Z', 'UTC', 0, '2026-11-23'],
    ['2026-11-22T23:30:00Z', 'UTC', 0, '2026-11-16'],
    // Sunday 23:30 UTC is already Monday in UTC+1…
    ['2026-11-22T23:30:00Z', 'UTC+1', 60, '2026-11-23'],
    // …and Monday 00:30 UTC is still Sunday in New York (UTC-5).
    ['2026-11-23T00:30:00Z', 'UTC-5', -300, '2026-11-16'],
    ['2026-11-23T04:59:00Z', 'UTC-5', -300, '2026-11-16'],
    ['2026-11-23T05:00:00Z', 'UTC-5', -300, '2026-11-23'],
  ])('%s in %s lands in the week of %s', (when, _label, offset, week) => {
    const insights = computeInsights([make(when)], NOW, fixedZone(offset));
    const hit = insights.weeks.filter((w) => w.count > 0).map((w) => w.start);
    expect(hit).toEqual([week]);
  });

  it('covers the last 12 weeks, oldest first, this week last', () => {
    const insights = computeInsights([], NOW, fixedZone(0));
    expect(insights.weeks).toHaveLength(12);
    expect(insights.weeks[0]?.start).toBe('2026-09-07');
    expect(insights.weeks[11]?.start).toBe('2026-11-23');
  });

  it('follows daylight saving: a zone that moves its clock keeps local weeks', () => {
    // A zone at UTC+2 in summer and UTC+1 from 2026-10-25 01:00 UTC.
    const cet: TimeZone = (ms) => (ms < at('2026-10-25T01:00:00Z') ? 120 : 60);
    const insights = computeInsights(
      [make('2026-10-25T22:30:00Z'), make('2026-10-18T22:30:00Z')],
      NOW,
      cet,
    );
    // 22:30 UTC on Sunday 25 Oct is 23:30 local (still Sunday); on 18 Oct it is 00:30 Monday.
    expect(insights.weeks.filter((w) => w.count > 0).map((w) => w.start)).toEqual(['2026-10-19']);
    expect(insights.weeks.find((w) => w.start === '2026-10-19')?.count).toBe(2);
  });
});

describe('weeks with a reflection', () => {
  it.each<[string, string[], number, number]>([
    ['none', [], 0, 0],
    ['this week only', ['2026-11-24T10:00:00Z'], 1, 1],
    // An empty week still under way does not break the run.
    ['last two weeks, none yet this week', ['2026-11-10T10:00:00Z', '2026-11-17T10:00:00Z'], 2, 2],
    [
      'a gap breaks the run',
      ['2026-11-03T10:00:00Z', '2026-11-17T10:00:00Z', '2026-11-24T09:00:00Z'],
      3,
      2,
    ],
    ['many in one week count once', ['2026-11-24T10:00:00Z', '2026-11-24T11:00:00Z'], 1, 1],
  ])('%s', (_, dates, active, run) => {
    const insights = computeInsights(
      dates.map((d) => make(d)),
      NOW,
      fixedZone(0),
    );
    expect(insights.activeWeeks).toBe(active);
    expect(insights.weekRun).toBe(run);
  });

  it('counts active weeks ever, beyond the chart', () => {
    const insights = computeInsights(
      [make('2025-01-01T10:00:00Z'), make('2026-11-24T10:00:00Z')],
      NOW,
      fixedZone(0),
    );
    expect(insights.activeWeeks).toBe(1);
    expect(insights.activeWeeksEver).toBe(2);
  });
});

describe('check-ins count for the weekly figure', () => {
  it.each<[string, string[], string[], number, number, number]>([
    // [case, reflections, check-in days, active weeks, run, reflections counted]
    ['a check-in alone makes its week count', [], ['2026-11-24'], 1, 1, 0],
    [
      'a check-in fills the gap between two written weeks',
      ['2026-11-10T10:00:00Z', '2026-11-24T09:00:00Z'],
      ['2026-11-18'],
      3,
      3,
      2,
    ],
    ['a check-in in a written week counts once', ['2026-11-24T10:00:00Z'], ['2026-11-25'], 1, 1, 1],
    // Sunday 2026-11-22 belongs to the week of Monday 2026-11-16.
    ['a Sunday check-in counts for the week before', [], ['2026-11-22'], 1, 1, 0],
    ['malformed and impossible days are ignored', [], ['2026-02-31', 'yesterday'], 0, 0, 0],
  ])('%s', (_, dates, checkins, active, run, total) => {
    const insights = computeInsights(
      dates.map((d) => make(d)),
      NOW,
      fixedZone(0),
      checkins,
    );
    expect(insights.activeWeeks).toBe(active);
    expect(insights.weekRun).toBe(run);
    expect(insights.total).toBe(total);
  });

  it('marks the checked-in week and leaves its reflection count at zero', () => {
    const insights = computeInsights([], NOW, fixedZone(0), ['2026-11-18']);
    const week = insights.weeks.find((w) => w.start === '2026-11-16');
    expect(week).toMatchObject({ count: 0, checkedIn: true });
    expect(insights.weeks.filter((w) => w.checkedIn)).toHaveLength(1);
  });
});

describe('sting, tags and triggers', () => {
  const list = [
    make('2026-11-24T10:00:00Z', { sting: 2, tags: ['ops', 'rushed'], trigger: 'idle' }),
    make('2026-11-24T11:00:00Z', { sting: 5, tags: ['ops'], trigger: 'manual' }),
    make('2026-11-24T12:00:00Z', { sting: null, tags: ['meetings'], trigger: 'manual' }),
    make('2026-11-17T10:00:00Z', { sting: 1, tags: ['rushed'], trigger: 'manual' }),
    make('2026-11-17T10:00:00Z', { sting: 5, tags: ['ops'], deletedAt: 1 }),
  ];
  const insights = computeInsights(list, NOW, fixedZone(0));

  it('averages sting per week over rated reflections only', () => {
    expect(insights.weeks.slice(-3).map((w) => w.sting)).toEqual([null, 1, 3.5]);
  });

  it('ranks tags by use, ties alphabetically, deleted ones left out', () => {
    expect(insights.topTags).toEqual([
      { tag: 'ops', count: 2 },
      { tag: 'rushed', count: 2 },
      { tag: 'meetings', count: 1 },
    ]);
  });

  it('shares reflections by trigger', () => {
    expect(insights.total).toBe(4);
    expect(insights.triggers).toEqual([
      { trigger: 'manual', count: 3, share: 0.75 },
      { trigger: 'idle', count: 1, share: 0.25 },
    ]);
  });
});
