import { describe, expect, it } from 'vitest';
import { DEFAULT_NUDGE_SETTINGS, parseNudgeSettings } from '../../../utils/nudges/nudge-settings';
import { parseSettings } from '../../../utils/settings/settings';

describe('parseNudgeSettings', () => {
  it('defaults to one trigger: a badge at 17:30 on weekdays (plus the context menu entry)', () => {
    const s = parseNudgeSettings(undefined);
    expect(s).toEqual(DEFAULT_NUDGE_SETTINGS);
    expect(s.schedule).toMatchObject({
      enabled: true,
      times: ['17:30'],
      weekdays: [1, 2, 3, 4, 5],
      delivery: 'badge',
    });
    expect([
      s.idle.enabled,
      s.startup.enabled,
      s.site.enabled,
      s.failure.navigation,
      s.failure.downloads,
    ]).toEqual([false, false, false, false, false]);
  });

  it.each([
    [
      'times that are not times',
      { schedule: { times: ['25:00', 'soon', '9:05'] } },
      (s: ReturnType<typeof parseNudgeSettings>) => s.schedule.times,
      ['09:05'],
    ],
    [
      'an empty time list',
      { schedule: { times: [] } },
      (s: ReturnType<typeof parseNudgeSettings>) => s.schedule.times,
      ['17:30'],
    ],
    [
      'weekdays out of range',
      { schedule: { weekdays: [1, 9, -1, 1.5, 3] } },
      (s: ReturnType<typeof parseNudgeSettings>) => s.schedule.weekdays,
      [1, 3],
    ],
    [
      'a cap of 1000',
      { dailyCap: 1000 },
      (s: ReturnType<typeof parseNudgeSettings>) => s.dailyCap,
      24,
    ],
    [
      'a 1-minute break',
      { idle: { minutes: 1 } },
      (s: ReturnType<typeof parseNudgeSettings>) => s.idle.minutes,
      5,
    ],
    [
      'an unknown delivery',
      { site: { delivery: 'carrier pigeon' } },
      (s: ReturnType<typeof parseNudgeSettings>) => s.site.delivery,
      'notification',
    ],
    [
      'a bad site pattern',
      { site: { patterns: ['meet.google.com', 'not a site'] } },
      (s: ReturnType<typeof parseNudgeSettings>) => s.site.patterns,
      ['meet.google.com'],
    ],
    [
      'quiet hours at 24:30',
      { quietHours: { start: '24:30' } },
      (s: ReturnType<typeof parseNudgeSettings>) => s.quietHours.start,
      '22:00',
    ],
  ])('repairs %s', (_name, raw, pick, expected) => {
    expect(pick(parseNudgeSettings(raw))).toEqual(expected);
  });

  it('is one key of the settings item', () => {
    expect(parseSettings({ nudges: { dailyCap: 5 } }).nudges.dailyCap).toBe(5);
    expect(parseSettings({}).nudges).toEqual(DEFAULT_NUDGE_SETTINGS);
  });
});
