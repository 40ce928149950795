import { describe, expect, it } from 'vitest';
import { dayOneJournal } from '../../bench/metrics/importers';
import { planDayOne } from '../../utils/data/importers/dayone';

describe('the importers bench file', () => {
  it('is a Day One journal whose every entry imports, with photos and escapes to handle', () => {
    const result = planDayOne(
      [{ name: 'Journal.json', text: dayOneJournal(500) }],
      'UTC',
      Date.UTC(2026, 0, 1),
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.plan.reflections).toHaveLength(500);
    expect(result.plan.skipped).toEqual({});
    expect(result.plan.notes).toEqual({ photos: 50, unescaped: 500 });
  });
});
