import { describe, expect, it } from 'vitest';
import {
  dayToIso,
  fixedZone,
  isoToDay,
  startOfLocalDay,
  type TimeZone,
} from '../../../utils/core/calendar';
import { CALENDAR_WEEKS, moveFocus, yearCalendar } from '../../../utils/review/year-calendar';
import { richReflection } from '../../helpers/reflections';

const HOUR = 3_600_000;
/** A zone whose offset jumps by an hour at `at` (a daylight-saving change). */
const jumping =
  (at: number): TimeZone =>
  (ms) =>
    ms < at ? 60 : 120;

const ZONES: Array<[string, TimeZone]> = [
  ['UTC+13:45', fixedZone(13 * 60 + 45)],
  ['UTC−5', fixedZone(-5 * 60)],
  ['a DST jump', jumping(Date.UTC(2027, 2, 28, 1))],
];

/** Local noon of a `YYYY-MM-DD` day in `zone`. */
const noon = (iso: string, zone: TimeZone) =>
  startOfLocalDay(isoToDay(iso) as number, zone) + 12 * HOUR;

describe.each(ZONES)('the year calendar in %s', (_, zone) => {
  // A Wednesday; and the New Year's first hour, when "this year" is a few minutes old.
  it.each(['2027-03-31', '2027-01-01'])('ends with the week of %s, Monday first', (todayIso) => {
    const now = startOfLocalDay(isoToDay(todayIso) as number, zone) + 10 * 60_000;
    const weeks = yearCalendar([], now, zone);
    expect(weeks).toHaveLength(CALENDAR_WEEKS);
    for (const week of weeks) {
      expect(week).toHaveLength(7);
      // 1970-01-05 was a Monday: every week starts a multiple of seven days after it.
      expect(((week[0]?.day as number) - 4) % 7).toBe(0);
    }
    const days = weeks.flat();
    const today = days.find((d) => d.iso === todayIso);
    expect(today?.future).toBe(false);
    expect(days.filter((d) => d.future).every((d) => d.iso > todayIso)).toBe(true);
    expect(days.filter((d) => !d.future).at(-1)?.iso).toBe(todayIso);
    // A whole year fits: the same date a year ago is in the grid.
    const yearAgo = `${Number(todayIso.slice(0, 4)) - 1}${todayIso.slice(4)}`;
    expect(days.some((d) => d.iso === yearAgo)).toBe(true);
  });

  it('counts reflections on their local day, with the highest sting and the checks due', () => {
    const now = noon('2027-03-31', zone);
    const late = startOfLocalDay(isoToDay('2027-03-10') as number, zone) + 23.5 * HOUR;
    const reflections = [
      richReflection(1, { createdAt: late, sting: 2, followUps: [] }),
      richReflection(2, { createdAt: noon('2027-03-10', zone), sting: 5, followUps: [] }),
      richReflection(3, { createdAt: noon('2027-03-10', zone), sting: null, followUps: [] }),
      // Deleted: not counted.
      richReflection(4, { createdAt: noon('2027-03-10', zone), deletedAt: now, followUps: [] }),
      richReflection(5, {
        createdAt: noon('2027-03-12', zone),
        sting: null,
        followUps: [
          { dueAt: noon('2027-03-13', zone), answeredAt: null, outcome: null, note: '' },
          { dueAt: noon('2027-03-19', zone), answeredAt: now, outcome: 'applied', note: '' },
          { dueAt: noon('2027-04-11', zone), answeredAt: null, outcome: null, note: '' },
        ],
      }),
      // Older than the grid: left out, no error.
      richReflection(6, { createdAt: noon('2025-01-01', zone), followUps: [] }),
    ];
    const byIso = new Map(
      yearCalendar(reflections, now, zone)
        .flat()
        .map((d) => [d.iso, d]),
    );
    expect(byIso.get('2027-03-10')).toMatchObject({ count: 3, sting: 5, due: 0 });
    expect(byIso.get('2027-03-12')).toMatchObject({ count: 1, sting: null, due: 0 });
    expect(byIso.get('2027-03-13')).toMatchObject({ count: 0, sting: null, due: 1 });
    // Answered: nothing left to do that day.
    expect(byIso.get('2027-03-19')).toMatchObject({ due: 0 });
    // Beyond this week: outside the grid.
    expect(byIso.has('2027-04-11')).toBe(false);
    const total = [...byIso.values()].reduce((n, d) => n + d.count, 0);
    expect(total).toBe(4);
  });
});

describe('moving the focus', () => {
  const first = isoToDay('2026-03-30') as number;
  const today = isoToDay('2027-03-31') as number;
  const mid = isoToDay('2026-10-14') as number;
  it.each([
    ['ArrowUp', mid, '2026-10-13'],
    ['ArrowDown', mid, '2026-10-15'],
    ['ArrowLeft', mid, '2026-10-07'],
    ['ArrowRight', mid, '2026-10-21'],
    ['Home', mid, '2026-03-30'],
    ['End', mid, '2027-03-31'],
    // Never past today or before the first day.
    ['ArrowRight', today - 2, '2027-03-31'],
    ['ArrowLeft', first + 3, '2026-03-30'],
  ])('%s from day %i goes to %s', (key, from, expected) => {
    expect(dayToIso(moveFocus(from, key, first, today) as number)).toBe(expected);
  });

  it('ignores other keys', () => {
    expect(moveFocus(mid, 'a', first, today)).toBeNull();
  });
});
