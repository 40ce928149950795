/**
 * Thirty days of the scheduler, ring by ring, as the background would run it: the alarm rings
 * at `scheduledAt`, `onScheduleAlarm` decides, the next ring is planned. One user never
 * answers; another answers every nudge a few minutes later. Crosses the March DST change.
 */
import { describe, expect, it } from 'vitest';
import { addDays, dayKey, instantOf } from '../../../utils/core/wall-clock';
import { DEFAULT_NUDGE_SETTINGS, type NudgeSettings } from '../../../utils/nudges/nudge-settings';
import { EMPTY_NUDGE_STATE } from '../../../utils/nudges/nudge-state';
import {
  absorbAnswer,
  inQuietHours,
  onScheduleAlarm,
  replan,
} from '../../../utils/nudges/schedule';

const ZONE = 'Europe/Berlin';
// Monday 16 March 2026: the month crosses the spring-forward night (29 March).
const START = { year: 2026, month: 3, day: 16 };

const CONFIGS: Array<[string, NudgeSettings]> = [
  ['the default (17:30 on weekdays)', DEFAULT_NUDGE_SETTINGS],
  [
    'every 2 hours 07:00–23:00, every day, quiet 21:00–08:00',
    {
      ...DEFAULT_NUDGE_SETTINGS,
      schedule: {
        ...DEFAULT_NUDGE_SETTINGS.schedule,
        mode: 'interval',
        everyHours: 2,
        workStart: '07:00',
        workEnd: '23:00',
        weekdays: [0, 1, 2, 3, 4, 5, 6],
      },
      quietHours: { enabled: true, start: '21:00', end: '08:00' },
      dailyCap: 12,
    },
  ],
];

/** Nudges shown on each of 30 days (index 0 = day 1), and every instant one was shown. */
function simulate(settings: NudgeSettings, answers: boolean) {
  const days = Array.from({ length: 30 }, (_, i) =>
    dayKey(instantOf(addDays(START, i), 720, ZONE), ZONE),
  );
  const end = instantOf(addDays(START, 30), 0, ZONE);
  const perDay = new Map<string, number>();
  const shownAt: number[] = [];
  let now = instantOf(START, 0, ZONE);
  let state = replan(settings, { ...EMPTY_NUDGE_STATE, seed: 3 }, now, ZONE);
  let answeredAt = 0;
  let rings = 0;
  while (state.scheduledAt !== null && state.scheduledAt < end) {
    now = state.scheduledAt;
    // Whatever the popup wrote since the last ring, the background absorbs on wake-up.
    state = absorbAnswer(state, answeredAt);
    const outcome = onScheduleAlarm(settings, state, now, ZONE);
    state = outcome.state;
    if (outcome.show) {
      shownAt.push(now);
      perDay.set(dayKey(now, ZONE), (perDay.get(dayKey(now, ZONE)) ?? 0) + 1);
      if (answers) answeredAt = now + 5 * 60_000;
    }
    rings += 1;
    if (rings > 10_000) throw new Error('runaway schedule');
  }
  return { counts: days.map((day) => perDay.get(day) ?? 0), shownAt };
}

function average(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

describe('30 days of nudges', () => {
  it.each(CONFIGS)(
    'a user who never answers: %s — at least 75 % fewer by day 14',
    (_n, settings) => {
      const { counts, shownAt } = simulate(settings, false);
      const firstDay = counts[0] ?? 0;
      expect(firstDay).toBeGreaterThan(0);
      // From day 14 on, the daily average is at most a quarter of the configured cadence.
      const later = average(counts.slice(13));
      expect(later).toBeLessThanOrEqual(firstDay * 0.25);
      // Still not silence: back-off stops at a week, so a quiet user hears from us weekly.
      expect(counts.slice(13).some((count) => count > 0)).toBe(true);
      expect(shownAt.filter((at) => inQuietHours(settings.quietHours, at, ZONE))).toEqual([]);
    },
  );

  it.each(CONFIGS)('a user who answers keeps the configured cadence: %s', (_n, settings) => {
    const { counts, shownAt } = simulate(settings, true);
    // The cadence the settings ask for: weekdays get their slots outside quiet hours, up to the cap.
    const expected = Array.from({ length: 30 }, (_, i) => {
      const date = addDays(START, i);
      const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
      if (!settings.schedule.weekdays.includes(weekday)) return 0;
      const slots =
        settings.schedule.mode === 'interval'
          ? // 07:00, 09:00 … 23:00, minus the ones inside 21:00–08:00.
            [9, 11, 13, 15, 17, 19].length
          : settings.schedule.times.length;
      return Math.min(slots, settings.dailyCap);
    });
    expect(counts).toEqual(expected);
    expect(shownAt.filter((at) => inQuietHours(settings.quietHours, at, ZONE))).toEqual([]);
  });
});
