import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type DaylioScan, planDaylio, scanDaylio } from '../../../../utils/data/importers/daylio';

const NOW = Date.UTC(2026, 0, 15, 12);
const fixture = (name: string) =>
  readFileSync(new URL(`../../../fixtures/importers/${name}`, import.meta.url), 'utf8');
const HEADER = 'full_date,date,weekday,time,mood,activities,note_title,note';

function scan(text: string): DaylioScan {
  const result = scanDaylio(text, 'daylio.csv');
  if (!result.ok) throw new Error(result.message);
  return result.scan;
}

describe('scanDaylio', () => {
  it('finds the custom moods with their counts, most used first', () => {
    expect(scan(fixture('daylio_export.csv')).moods).toEqual([
      { mood: 'meh-ish', count: 2 },
      { mood: 'awful', count: 1 },
      { mood: 'good', count: 1 },
      { mood: 'super happy', count: 1 },
    ]);
  });

  it.each([
    [
      'a CSV of something else',
      'name,email\nAda,ada@example.com\n',
      'the columns full_date, time, mood, and note are missing',
    ],
    [
      'a file cut off inside a note',
      fixture('broken-daylio.csv'),
      'a quoted cell that starts on line 2 never ends',
    ],
    ['an empty file', '', 'is not a Daylio export'],
  ])('refuses %s, saying what is wrong', (_name, text, message) => {
    const result = scanDaylio(text, 'daylio.csv');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(message);
  });
});

describe('planDaylio', () => {
  it('reads the fixture: BOM, CRLF, quoted commas and line breaks, wall times in the chosen zone', () => {
    const plan = planDaylio(
      scan(fixture('daylio_export.csv')),
      { zone: 'Pacific/Chatham', stings: {} },
      NOW,
    );
    expect(plan.seen).toBe(5);
    expect(plan.skipped).toEqual({ empty: 1 });
    expect(plan.notes).toEqual({});
    const [first, second, third, fourth] = plan.reflections;
    // 9:41 pm on 11 February in Chatham (UTC+13:45 in summer).
    expect(new Date(first?.createdAt ?? 0).toISOString()).toBe('2024-02-11T07:56:00.000Z');
    expect(first).toMatchObject({
      answers: { happened: 'Dinner worked out\n\nPlanned the shopping, nothing forgotten.' },
      tags: ['family', 'cooking'],
      sting: null,
      trigger: 'import',
    });
    expect(second?.answers.happened).toBe(
      'Pushed to main by accident, "reverted" at once.\nNext time: branch protection.',
    );
    // Two entries in the same minute are two reflections.
    expect(third?.createdAt).toBe(second?.createdAt);
    expect(third?.id).not.toBe(second?.id);
    expect(fourth?.answers.happened).toBe(
      'Quoted, with commas\n\nA note, with commas, and \na line break.',
    );
    expect(fourth?.tags).toEqual(['reading', 'writing']);
  });

  it('gives a sting only to the moods the person mapped', () => {
    const plan = planDaylio(
      scan(fixture('daylio_export.csv')),
      { zone: 'UTC', stings: { 'meh-ish': 3 } },
      NOW,
    );
    expect(plan.reflections.map((r) => r.sting)).toEqual([null, 3, 3, null]);
    expect(plan.notes).toEqual({ stings: 2 });
  });

  it('reads the same wall time as different instants in different zones, with the same ids', () => {
    const rows = scan(fixture('daylio_export.csv'));
    const berlin = planDaylio(rows, { zone: 'Europe/Berlin', stings: {} }, NOW);
    const tokyo = planDaylio(rows, { zone: 'Asia/Tokyo', stings: {} }, NOW);
    expect((berlin.reflections[0]?.createdAt ?? 0) - (tokyo.reflections[0]?.createdAt ?? 0)).toBe(
      8 * 3_600_000,
    );
    expect(berlin.reflections.map((r) => r.id)).toEqual(tokyo.reflections.map((r) => r.id));
  });

  it.each([
    ['a mood without a note', '2024-01-01,Jan 1,Monday,10:00,good,work,,', 'empty'],
    ['an unreadable date', 'January 1st,Jan 1,Monday,10:00,good,,,Note', 'noDate'],
    ['an unreadable time', '2024-01-01,Jan 1,Monday,teatime,good,,,Note', 'noDate'],
    ['a date after tomorrow', '2026-03-01,Mar 1,Sunday,10:00,good,,,Note', 'future'],
    ['a cut row', '2024-01-01,Jan 1', 'broken'],
    [
      '21 activities',
      `2024-01-01,Jan 1,Monday,10:00,good,${Array.from({ length: 21 }, (_, i) => `a${i}`).join(' | ')},,Note`,
      'tags',
    ],
  ])('skips %s', (_name, row, reason) => {
    const plan = planDaylio(scan(`${HEADER}\n${row}\n`), { zone: 'UTC', stings: {} }, NOW);
    expect(plan).toMatchObject({ reflections: [], skipped: { [reason]: 1 } });
  });

  it('keeps a newer export’s extra columns out of the way', () => {
    const plan = planDaylio(
      scan(`${HEADER},scales\n2024-01-01,Jan 1,Monday,10:00,good,,Title,Note,7\n`),
      { zone: 'UTC', stings: {} },
      NOW,
    );
    expect(plan.reflections[0]?.answers).toEqual({ happened: 'Title\n\nNote' });
  });
});
