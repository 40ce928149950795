import { describe, expect, it } from 'vitest';
import { fixedZone } from '../../../utils/core/calendar';
import {
  appliedRateByMonth,
  customRange,
  openTellThem,
  parseFollowUpDays,
  parseRetryDays,
  presetRange,
} from '../../../utils/follow-through/follow-through';
import {
  createReflection,
  type FollowUp,
  type Reflection,
  type ShareRecord,
} from '../../../utils/reflections/reflection';

const at = (iso: string) => Date.parse(iso);
// Wednesday 2026-11-25, noon UTC.
const NOW = at('2026-11-25T12:00:00Z');
const UTC = fixedZone(0);

let n = 0;
function make(
  iso: string,
  patch: { followUps?: FollowUp[]; share?: ShareRecord | null; deletedAt?: number } = {},
): Reflection {
  const r = createReflection(
    { template: 'quick', answers: { learned: 'x', nextTime: 'y' }, tags: [], sting: null },
    `r${n++}`,
    at(iso),
  );
  return {
    ...r,
    followUps: patch.followUps ?? [],
    share: patch.share ?? null,
    deletedAt: patch.deletedAt ?? null,
  };
}
const answered = (iso: string, outcome: FollowUp['outcome']): FollowUp => ({
  dueAt: at(iso),
  answeredAt: at(iso),
  outcome,
  note: '',
});

describe('appliedRateByMonth', () => {
  it('splits answers into the last six local months, oldest first', () => {
    const list = [
      make('2026-06-01T00:00:00Z', { followUps: [answered('2026-06-10T10:00:00Z', 'applied')] }),
      make('2026-09-01T00:00:00Z', {
        followUps: [
          answered('2026-09-10T10:00:00Z', 'not-yet'),
          answered('2026-09-20T10:00:00Z', 'applied'),
        ],
      }),
      make('2026-11-01T00:00:00Z', {
        followUps: [
          answered('2026-11-02T10:00:00Z', 'partly'),
          answered('2026-11-03T10:00:00Z', 'no-longer-relevant'),
        ],
      }),
      // Deleted reflections do not count.
      make('2026-11-01T00:00:00Z', {
        followUps: [answered('2026-11-02T10:00:00Z', 'applied')],
        deletedAt: at('2026-11-04T00:00:00Z'),
      }),
    ];
    const months = appliedRateByMonth(list, NOW, UTC);
    expect(months.map((m) => [m.month, m.applied, m.answered, m.rate])).toEqual([
      ['2026-06', 1, 1, 1],
      ['2026-07', 0, 0, null],
      ['2026-08', 0, 0, null],
      ['2026-09', 1, 2, 0.5],
      ['2026-10', 0, 0, null],
      ['2026-11', 0, 1, 0],
    ]);
  });

  it('puts an answer at 23:30 UTC on the last of the month into the next month in UTC+1', () => {
    const list = [
      make('2026-10-01T00:00:00Z', { followUps: [answered('2026-10-31T23:30:00Z', 'applied')] }),
    ];
    const inUtc = appliedRateByMonth(list, NOW, UTC, 2);
    const inPlusOne = appliedRateByMonth(list, NOW, fixedZone(60), 2);
    expect(inUtc.map((m) => m.answered)).toEqual([1, 0]);
    expect(inPlusOne.map((m) => m.answered)).toEqual([0, 1]);
  });

  it('rolls months back over a year boundary', () => {
    const months = appliedRateByMonth([], at('2027-02-10T12:00:00Z'), UTC, 4);
    expect(months.map((m) => m.month)).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });
});

describe('digest ranges', () => {
  it.each<[string, 'last-week' | 'last-month', number, string, string]>([
    ['last week in UTC', 'last-week', 0, '2026-11-16T00:00:00.000Z', '2026-11-23T00:00:00.000Z'],
    [
      'last week in UTC-5',
      'last-week',
      -300,
      '2026-11-16T05:00:00.000Z',
      '2026-11-23T05:00:00.000Z',
    ],
    ['last month in UTC', 'last-month', 0, '2026-10-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z'],
    [
      'last month in UTC+1',
      'last-month',
      60,
      '2026-09-30T23:00:00.000Z',
      '2026-10-31T23:00:00.000Z',
    ],
  ])('%s', (_, preset, offset, from, to) => {
    const range = presetRange(preset, NOW, fixedZone(offset));
    expect(new Date(range.from).toISOString()).toBe(from);
    expect(new Date(range.to).toISOString()).toBe(to);
  });

  it('last month in January is December of the year before', () => {
    const range = presetRange('last-month', at('2027-01-15T12:00:00Z'), UTC);
    expect(new Date(range.from).toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(new Date(range.to).toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it.each<[string, string, string, unknown]>([
    [
      'both days included',
      '2026-11-02',
      '2026-11-04',
      { from: at('2026-11-02T00:00:00Z'), to: at('2026-11-05T00:00:00Z') },
    ],
    [
      'a single day',
      '2026-11-02',
      '2026-11-02',
      { from: at('2026-11-02T00:00:00Z'), to: at('2026-11-03T00:00:00Z') },
    ],
    ['a missing day', '', '2026-11-02', { error: 'missing' }],
    ['an impossible date', '2026-02-30', '2026-03-02', { error: 'invalid' }],
    ['reversed days', '2026-11-04', '2026-11-02', { error: 'reversed' }],
  ])('custom range: %s', (_, from, to, expected) => {
    expect(customRange(from, to, UTC)).toEqual(expected);
  });
});

describe('follow-up days typed in settings', () => {
  it.each<[string, unknown]>([
    ['1, 7, 30', { days: [1, 7, 30] }],
    ['30 7 1', { days: [1, 7, 30] }],
    ['7;7, 14', { days: [7, 14] }],
    ['  ', { error: 'empty' }],
    ['1, seven', { error: 'not-a-number' }],
    ['1.5', { error: 'not-a-number' }],
    ['-1', { error: 'not-a-number' }],
    ['0, 7', { error: 'out-of-range' }],
    ['366', { error: 'out-of-range' }],
    ['1, 2, 3, 4, 5, 6', { error: 'too-many' }],
  ])('%j → %j', (text, expected) => {
    expect(parseFollowUpDays(text)).toEqual(expected);
  });

  it.each<[string, number | null]>([
    ['7', 7],
    [' 14 ', 14],
    ['1', 1],
    ['90', 90],
    ['0', null],
    ['91', null],
    ['a week', null],
    ['', null],
  ])('retry %j → %j', (text, expected) => {
    expect(parseRetryDays(text)).toBe(expected);
  });
});

describe('openTellThem', () => {
  it('lists reflections with someone affected and not yet told, oldest first', () => {
    const told = make('2026-11-01T00:00:00Z', {
      share: { affected: 'Sam', told: true, toldAt: 1 },
    });
    const nobody = make('2026-11-02T00:00:00Z', {
      share: { affected: '  ', told: false, toldAt: null },
    });
    const newer = make('2026-11-05T00:00:00Z', {
      share: { affected: 'the team', told: false, toldAt: null },
    });
    const older = make('2026-11-03T00:00:00Z', {
      share: { affected: 'Ana', told: false, toldAt: null },
    });
    const deleted = make('2026-11-04T00:00:00Z', {
      share: { affected: 'Kim', told: false, toldAt: null },
      deletedAt: 5,
    });
    const none = make('2026-11-06T00:00:00Z');
    expect(openTellThem([told, nobody, newer, older, deleted, none]).map((r) => r.id)).toEqual([
      older.id,
      newer.id,
    ]);
  });
});
