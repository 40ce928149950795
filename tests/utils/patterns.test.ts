import { describe, expect, it } from 'vitest';
import { describeTheme, recurringThemes, significantWords } from '../../utils/patterns';
import { createReflection, type Reflection } from '../../utils/reflection';

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

  it('finds a tag used three times this month', () => {
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
      'Third reflection tagged “rushed-review” this month',
    ],
    [
      { kind: 'word', name: 'deploy', count: 4 },
      'Fourth reflection mentioning “deploy” this month',
    ],
    [{ kind: 'tag', name: 'x', count: 12 }, '12 reflections tagged “x” this month'],
  ] as const)('%j', (theme, text) => {
    expect(describeTheme(theme, 'this month')).toBe(text);
  });
});
