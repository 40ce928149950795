import { describe, expect, it } from 'vitest';
import { fixedZone, type TimeZone } from '../../../utils/core/calendar';
import { createReflection, type Reflection } from '../../../utils/reflections/reflection';
import {
  describeTheme,
  recurringThemes,
  significantWords,
  themeWindow,
} from '../../../utils/review/patterns';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 1);

function r(
  n: number,
  learned: string,
  tags: string[] = [],
  over: Partial<Reflection> = {},
): Reflection {
  return {
    ...createReflection(
      { template: 'quick', answers: { learned }, tags, sting: null },
      `r${n}`,
      T0 + n * DAY,
    ),
    ...over,
  };
}

describe('significantWords', () => {
  it('keeps meaningful words once, dropping short and common ones', () => {
    expect([
      ...significantWords('I rushed the review; the REVIEW was rushed because of a deadline.'),
    ]).toEqual(['rushed', 'review', 'deadline']);
  });

  it('handles accents and apostrophes', () => {
    expect([...significantWords('Réunion didn’t start')]).toEqual(['réunion', 'didn’t', 'start']);
  });
});

describe('recurringThemes', () => {
  const month = [T0, T0 + 30 * DAY] as const;

  it('finds a tag used three times in the last 30 days', () => {
    const rs = [
      r(1, 'a', ['rushed-review']),
      r(2, 'b', ['rushed-review']),
      r(3, 'c', ['rushed-review', 'x']),
    ];
    expect(recurringThemes(rs, ...month)).toEqual([
      { kind: 'tag', name: 'rushed-review', count: 3 },
    ]);
  });

  it('finds a word that recurs across reflections, counting each reflection once', () => {
    const rs = [
      r(1, 'The deploy failed, deploy again'),
      r(2, 'Another deploy with no checklist'),
      r(3, 'Checklist skipped before the deploy'),
    ];
    expect(recurringThemes(rs, ...month)).toEqual([{ kind: 'word', name: 'deploy', count: 3 }]);
  });

  it('leaves out deleted reflections and those outside the window', () => {
    const rs = [
      r(1, 'a', ['x']),
      r(2, 'b', ['x'], { deletedAt: 1 }),
      r(40, 'c', ['x']),
      r(3, 'd', ['x']),
    ];
    expect(recurringThemes(rs, ...month)).toEqual([]);
    expect(recurringThemes(rs, ...month, 2)).toEqual([{ kind: 'tag', name: 'x', count: 2 }]);
  });

  it('ranks by count, tags first on a tie, and limits the list', () => {
    const rs = [1, 2, 3, 4].map((n) => r(n, 'meeting overran', n < 4 ? ['meetings'] : []));
    expect(recurringThemes(rs, ...month, 3, 2)).toEqual([
      { kind: 'word', name: 'meeting', count: 4 },
      { kind: 'word', name: 'overran', count: 4 },
    ]);
    expect(recurringThemes(rs, ...month, 3, 5).map((t) => t.name)).toEqual([
      'meeting',
      'overran',
      'meetings',
    ]);
  });
});

describe('describeTheme', () => {
  it.each([
    [
      { kind: 'tag', name: 'rushed-review', count: 3 },
      'Third reflection tagged “rushed-review” in the last 30 days',
    ],
    [
      { kind: 'word', name: 'deploy', count: 4 },
      'Fourth reflection mentioning “deploy” in the last 30 days',
    ],
    [{ kind: 'tag', name: 'x', count: 12 }, '12 reflections tagged “x” in the last 30 days'],
  ] as const)('%j', (theme, text) => {
    expect(describeTheme(theme, 'in the last 30 days')).toBe(text);
  });
});

describe('themeWindow', () => {
  const at = (iso: string) => Date.parse(iso);
  // Berlin springs forward on 28 March 2027 at 01:00 UTC.
  const berlin: TimeZone = (ms) => (ms >= at('2027-03-28T01:00:00Z') ? 120 : 60);
  it.each<[string, TimeZone, string, string]>([
    [
      'the 1st of a month, just after midnight',
      fixedZone(60),
      '2026-12-01T00:10:00+01:00',
      '2026-11-01T23:00:00.000Z',
    ],
    [
      'New Year in UTC+13:45, still 31 December in UTC',
      fixedZone(825),
      '2027-01-01T00:05:00+13:45',
      '2026-12-02T10:15:00.000Z',
    ],
    [
      "New Year's Eve, 23:30, UTC−5",
      fixedZone(-300),
      '2026-12-31T23:30:00-05:00',
      '2026-12-02T05:00:00.000Z',
    ],
    [
      'a month after the spring-forward day',
      berlin,
      '2027-04-26T09:00:00+02:00',
      '2027-03-27T23:00:00.000Z',
    ],
    [
      'the spring-forward day itself',
      berlin,
      '2027-03-28T03:30:00+02:00',
      '2027-02-26T23:00:00.000Z',
    ],
  ])('%s: 30 local days, today included, from local midnight', (_, zone, now, from) => {
    const range = themeWindow(at(now), zone);
    expect(new Date(range.from).toISOString()).toBe(from);
    expect(range.to).toBe(at(now) + 1);
  });
});
