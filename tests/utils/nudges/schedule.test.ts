import { describe, expect, it } from 'vitest';
import { instantOf, wallTime } from '../../../utils/core/wall-clock';
import { DEFAULT_NUDGE_SETTINGS, type NudgeSettings } from '../../../utils/nudges/nudge-settings';
import { EMPTY_NUDGE_STATE, type NudgeState } from '../../../utils/nudges/nudge-state';
import {
  absorbAnswer,
  applyAttention,
  BACKOFF_CEILING_MS,
  backoffFactor,
  inQuietHours,
  mayNudge,
  nextNudge,
  nudgeDay,
  onScheduleAlarm,
  recordNudge,
  replan,
} from '../../../utils/nudges/schedule';

const HOUR = 3_600_000;
const BERLIN = 'Europe/Berlin';

/** The instant of a local wall-clock time, "2026-11-30 17:30", in `zone`. */
function local(text: string, zone = BERLIN): number {
  const [date = '', time = '00:00'] = text.split(' ');
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [h, m] = time.split(':').map(Number) as [number, number];
  return instantOf({ year, month, day }, h * 60 + m, zone);
}

/** "Mon 2026-11-30 17:30": how an instant reads on a wall clock in `zone`. */
function show(at: number | undefined, zone = BERLIN): string {
  if (at === undefined) return 'none';
  const w = wallTime(at, zone);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${days[w.weekday]} ${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}`;
}

function settings(patch: {
  schedule?: Partial<NudgeSettings['schedule']>;
  quietHours?: Partial<NudgeSettings['quietHours']>;
  dailyCap?: number;
  backoffAfter?: number;
}): NudgeSettings {
  const d = DEFAULT_NUDGE_SETTINGS;
  return {
    ...d,
    schedule: { ...d.schedule, ...patch.schedule },
    quietHours: { ...d.quietHours, ...patch.quietHours },
    dailyCap: patch.dailyCap ?? d.dailyCap,
    backoffAfter: patch.backoffAfter ?? d.backoffAfter,
  };
}

function state(patch: Partial<NudgeState> = {}): NudgeState {
  return { ...EMPTY_NUDGE_STATE, ...patch };
}

describe('nextNudge: set times on chosen weekdays', () => {
  // 30 Nov 2026 is a Monday.
  it.each([
    ['Mon 09:00 → the same day', '2026-11-30 09:00', [1, 2, 3, 4, 5], 'Mon 2026-11-30 17:30'],
    [
      'Mon 17:30 exactly → the next day',
      '2026-11-30 17:30',
      [1, 2, 3, 4, 5],
      'Tue 2026-12-01 17:30',
    ],
    ['Fri evening → Monday', '2026-12-04 18:00', [1, 2, 3, 4, 5], 'Mon 2026-12-07 17:30'],
    ['Saturday → Monday', '2026-12-05 12:00', [1, 2, 3, 4, 5], 'Mon 2026-12-07 17:30'],
    ['weekends only, from Monday', '2026-11-30 09:00', [0, 6], 'Sat 2026-12-05 17:30'],
    ['Wednesdays only, from Wednesday night', '2026-12-02 20:00', [3], 'Wed 2026-12-09 17:30'],
  ])('%s', (_name, now, weekdays, expected) => {
    const s = settings({ schedule: { weekdays }, quietHours: { enabled: false } });
    expect(show(nextNudge(s, state(), local(now), BERLIN)?.at)).toBe(expected);
  });

  it.each([
    ['before the first', '2026-11-30 08:00', 'Mon 2026-11-30 09:00'],
    ['between the two', '2026-11-30 10:00', 'Mon 2026-11-30 13:15'],
    ['after the last', '2026-11-30 14:00', 'Tue 2026-12-01 09:00'],
  ])('several times a day: %s', (_name, now, expected) => {
    const s = settings({ schedule: { times: ['09:00', '13:15'] }, quietHours: { enabled: false } });
    expect(show(nextNudge(s, state(), local(now), BERLIN)?.at)).toBe(expected);
  });

  it('says nothing when the schedule is off', () => {
    const s = settings({ schedule: { enabled: false } });
    expect(nextNudge(s, state(), local('2026-11-30 09:00'), BERLIN)).toBeNull();
  });
});

describe('nextNudge: every N hours inside working hours, or a random moment in a window', () => {
  it.each([
    [2, '2026-11-30 08:00', 'Mon 2026-11-30 09:00'],
    [2, '2026-11-30 09:00', 'Mon 2026-11-30 11:00'],
    [2, '2026-11-30 16:59', 'Mon 2026-11-30 17:00'],
    [3, '2026-11-30 12:30', 'Mon 2026-11-30 15:00'],
    [3, '2026-11-30 15:00', 'Tue 2026-12-01 09:00'], // 18:00 is after working hours
  ])('every %i hours from %s → %s', (everyHours, now, expected) => {
    const s = settings({
      schedule: { mode: 'interval', everyHours, workStart: '09:00', workEnd: '17:00' },
      quietHours: { enabled: false },
    });
    expect(show(nextNudge(s, state(), local(now), BERLIN)?.at)).toBe(expected);
  });

  it('picks one moment inside the window per day, the same on every wake-up', () => {
    const s = settings({
      schedule: {
        mode: 'random',
        windowStart: '14:00',
        windowEnd: '16:00',
        weekdays: [0, 1, 2, 3, 4, 5, 6],
      },
      quietHours: { enabled: false },
    });
    const seen = new Set<string>();
    let now = local('2026-11-30 00:00');
    for (let day = 0; day < 14; day++) {
      const first = nextNudge(s, state({ seed: 7 }), now, BERLIN);
      const again = nextNudge(s, state({ seed: 7 }), now, BERLIN);
      expect(first?.at).toBe(again?.at);
      const w = wallTime(first?.at ?? 0, BERLIN);
      const minute = w.hour * 60 + w.minute;
      expect(minute).toBeGreaterThanOrEqual(14 * 60);
      expect(minute).toBeLessThan(16 * 60);
      seen.add(`${w.hour}:${w.minute}`);
      now = (first?.at ?? 0) + 60_000;
    }
    // Fixed times get ignored; a moment that moves does not.
    expect(seen.size).toBeGreaterThan(7);
  });
});

describe('time zones and DST: the wall clock decides', () => {
  it.each([
    ['Europe/Berlin', '2026-11-30T16:30:00Z'],
    ['America/New_York', '2026-11-30T22:30:00Z'],
    ['Asia/Kolkata', '2026-11-30T12:00:00Z'],
    ['Asia/Tokyo', '2026-11-30T08:30:00Z'],
    ['Australia/Sydney', '2026-11-30T06:30:00Z'],
  ])('17:30 in %s is %s', (zone, utc) => {
    const s = settings({ quietHours: { enabled: false } });
    const now = local('2026-11-30 06:00', zone);
    expect(new Date(nextNudge(s, state(), now, zone)?.at ?? 0).toISOString()).toBe(
      utc.replace('Z', '.000Z'),
    );
  });

  it.each([
    // Europe springs forward on 29 March 2026 and falls back on 25 October.
    [
      'Berlin, the day before spring forward',
      BERLIN,
      '2026-03-28 12:00',
      '2026-03-28T16:30:00.000Z',
    ],
    ['Berlin, spring-forward day', BERLIN, '2026-03-29 12:00', '2026-03-29T15:30:00.000Z'],
    ['Berlin, fall-back day', BERLIN, '2026-10-25 12:00', '2026-10-25T16:30:00.000Z'],
    [
      'Berlin, across the jump from Saturday night',
      BERLIN,
      '2026-03-28 18:00',
      '2026-03-29T15:30:00.000Z',
    ],
    [
      'New York, spring forward (8 March)',
      'America/New_York',
      '2026-03-08 12:00',
      '2026-03-08T21:30:00.000Z',
    ],
    [
      'New York, fall back (1 November)',
      'America/New_York',
      '2026-11-01 12:00',
      '2026-11-01T22:30:00.000Z',
    ],
  ])('%s: 17:30 stays 17:30', (_name, zone, now, utc) => {
    const s = settings({
      schedule: { weekdays: [0, 1, 2, 3, 4, 5, 6] },
      quietHours: { enabled: false },
    });
    const at = nextNudge(s, state(), local(now, zone), zone)?.at;
    expect(new Date(at ?? 0).toISOString()).toBe(utc);
    expect(show(at, zone)).toMatch(/17:30$/);
  });

  it('a time skipped by the spring-forward jump rings just after it, once', () => {
    const s = settings({
      schedule: { times: ['02:30'], weekdays: [0, 1, 2, 3, 4, 5, 6] },
      quietHours: { enabled: false },
    });
    const at = nextNudge(s, state(), local('2026-03-29 00:00'), BERLIN)?.at ?? 0;
    expect(show(at)).toBe('Sun 2026-03-29 03:30');
    expect(show(nextNudge(s, state(), at, BERLIN)?.at)).toBe('Mon 2026-03-30 02:30');
  });

  it('a time repeated by the fall-back night rings once, not twice', () => {
    const s = settings({
      schedule: { times: ['02:30'], weekdays: [0, 1, 2, 3, 4, 5, 6] },
      quietHours: { enabled: false },
    });
    const first = nextNudge(s, state(), local('2026-10-25 00:00'), BERLIN)?.at ?? 0;
    expect(show(first)).toBe('Sun 2026-10-25 02:30');
    expect(show(nextNudge(s, state(), first, BERLIN)?.at)).toBe('Mon 2026-10-26 02:30');
  });
});

describe('quiet hours (they may cross midnight)', () => {
  it.each([
    ['22:00', '07:00', '23:30', true],
    ['22:00', '07:00', '02:00', true],
    ['22:00', '07:00', '06:59', true],
    ['22:00', '07:00', '07:00', false],
    ['22:00', '07:00', '21:59', false],
    ['12:00', '13:00', '12:30', true],
    ['12:00', '13:00', '13:30', false],
    ['08:00', '08:00', '08:00', false], // an empty range is no quiet hours
  ])('%s–%s contains %s: %s', (start, end, time, expected) => {
    expect(inQuietHours({ enabled: true, start, end }, local(`2026-11-30 ${time}`), BERLIN)).toBe(
      expected,
    );
  });

  it.each([
    ['from midnight: 06:30 is quiet, so 12:00', '2026-11-30 00:00', 'Mon 2026-11-30 12:00'],
    ['after noon: 23:00 is quiet, so tomorrow 12:00', '2026-11-30 12:30', 'Tue 2026-12-01 12:00'],
  ])('slots inside are dropped, never queued: %s', (_name, now, expected) => {
    const s = settings({
      schedule: { times: ['06:30', '12:00', '23:00'] },
      quietHours: { enabled: true, start: '22:00', end: '07:00' },
    });
    expect(show(nextNudge(s, state(), local(now), BERLIN)?.at)).toBe(expected);
  });

  it('an alarm that rings inside quiet hours is dropped and the next is planned after them', () => {
    const s = settings({ schedule: { times: ['12:00', '23:00'] } });
    const ring = local('2026-11-30 23:00');
    const outcome = onScheduleAlarm(s, state({ scheduledAt: ring }), ring, BERLIN);
    expect(outcome.show).toBe(false);
    expect(outcome.blocked).toBe('quiet');
    expect(show(outcome.next?.at)).toBe('Tue 2026-12-01 12:00');
  });

  it('blocks event nudges inside quiet hours', () => {
    const s = settings({});
    expect(mayNudge(s, state(), 'idle', local('2026-11-30 23:30'), BERLIN)).toBe('quiet');
    expect(mayNudge(s, state(), 'idle', local('2026-11-30 12:00'), BERLIN)).toBeNull();
  });
});

describe('snooze and pause', () => {
  const now = local('2026-11-30 17:30');
  const s = settings({ schedule: { times: ['17:30', '18:00', '20:00'] }, dailyCap: 5 });

  it('snooze 1 hour: the nudge comes back in an hour; slots during the snooze are dropped', () => {
    const snoozed = applyAttention(state(), 'snooze-hour', now, BERLIN);
    expect(nextNudge(s, snoozed, now, BERLIN)).toEqual({ at: now + HOUR, reason: 'snooze' });
    expect(mayNudge(s, snoozed, 'idle', now + 30 * 60_000, BERLIN)).toBe('snoozed');
    const rung = onScheduleAlarm(s, { ...snoozed, scheduledAt: now + HOUR }, now + HOUR, BERLIN);
    expect(rung.show).toBe(true);
    expect(rung.reason).toBe('snooze');
    expect(rung.state.snooze).toBeNull();
    expect(show(rung.next?.at)).toBe('Mon 2026-11-30 20:00');
  });

  it('snooze until tomorrow: nothing more today, the schedule resumes tomorrow', () => {
    const snoozed = applyAttention(state(), 'snooze-tomorrow', now, BERLIN);
    expect(show(snoozed.snooze?.until)).toBe('Tue 2026-12-01 00:00');
    expect(show(nextNudge(s, snoozed, now, BERLIN)?.at)).toBe('Tue 2026-12-01 17:30');
  });

  it('pause for a day drops everything for 24 hours', () => {
    const paused = applyAttention(state(), 'pause-day', now, BERLIN);
    // Paused at 17:30 until the same time tomorrow: today's 18:00 and 20:00 are dropped.
    expect(show(nextNudge(s, paused, now, BERLIN)?.at)).toBe('Tue 2026-12-01 17:30');
    expect(mayNudge(s, paused, 'site', now + 23 * HOUR, BERLIN)).toBe('paused');
  });

  it('pause until turned back on: no next nudge at all, until resumed', () => {
    const paused = applyAttention(state(), 'pause-forever', now, BERLIN);
    expect(nextNudge(s, paused, now, BERLIN)).toBeNull();
    expect(mayNudge(s, paused, 'idle', now + 400 * 24 * HOUR, BERLIN)).toBe('paused');
    const resumed = applyAttention(paused, 'resume', now, BERLIN);
    expect(show(nextNudge(s, resumed, now, BERLIN)?.at)).toBe('Mon 2026-11-30 18:00');
  });
});

describe('the daily cap', () => {
  const s = settings({ schedule: { times: ['09:00', '11:00', '13:00', '15:00'] }, dailyCap: 2 });

  it.each([
    [0, 'Mon 2026-11-30 11:00'],
    [1, 'Mon 2026-11-30 11:00'],
    [2, 'Tue 2026-12-01 09:00'],
  ])('with %i shown today, the next is %s', (count, expected) => {
    const st = state({ today: { day: '2026-11-30', count } });
    expect(show(nextNudge(s, st, local('2026-11-30 10:00'), BERLIN)?.at)).toBe(expected);
  });

  it('counts every trigger together and starts over on a new local day', () => {
    let st = state();
    st = recordNudge(st, 'idle', local('2026-11-30 10:00'), BERLIN);
    st = recordNudge(st, 'site', local('2026-11-30 12:00'), BERLIN);
    expect(mayNudge(s, st, 'schedule', local('2026-11-30 13:00'), BERLIN)).toBe('cap');
    expect(mayNudge(s, st, 'schedule', local('2026-12-01 09:00'), BERLIN)).toBeNull();
  });
});

describe('back-off', () => {
  it.each([
    [0, 1],
    [2, 1],
    [3, 2],
    [4, 4],
    [5, 8],
    [6, 16],
  ])('after %i ignored nudges in a row the gaps stretch ×%i', (ignoredInARow, factor) => {
    expect(backoffFactor(settings({ backoffAfter: 3 }), state({ ignoredInARow }))).toBe(factor);
  });

  it.each([
    // Daily at 17:30, every day: the usual gap is a day.
    [2, 'Tue 2026-12-01 17:30'],
    [3, 'Wed 2026-12-02 17:30'], // ×2: every other day
    [4, 'Fri 2026-12-04 17:30'], // ×4
    [5, 'Mon 2026-12-07 17:30'], // ×8 would be 7.5 days: held at the one-week ceiling
    [12, 'Mon 2026-12-07 17:30'], // never more than a week apart
  ])('with %i ignored after Monday’s nudge, the next is %s', (ignoredInARow, expected) => {
    const s = settings({ schedule: { weekdays: [0, 1, 2, 3, 4, 5, 6] }, backoffAfter: 3 });
    const last = local('2026-11-30 17:30');
    const st = state({ ignoredInARow, lastScheduleFiredAt: last });
    expect(show(nextNudge(s, st, last, BERLIN)?.at)).toBe(expected);
  });

  it('an answer resets it at once', () => {
    const st = state({ ignoredInARow: 9, answerSeenAt: 100 });
    expect(absorbAnswer(st, 50)).toBe(st); // an answer already counted changes nothing
    const answered = absorbAnswer(st, 200);
    expect(answered.ignoredInARow).toBe(0);
    expect(backoffFactor(settings({}), answered)).toBe(1);
  });

  it('stretches the cooldown between event nudges too, up to the ceiling', () => {
    const s = settings({ quietHours: { enabled: false }, dailyCap: 24 });
    const last = local('2026-11-30 12:00');
    expect(
      mayNudge(s, state({ lastFiredAt: last }), 'idle', last + 31 * 60_000, BERLIN),
    ).toBeNull();
    const tired = state({ lastFiredAt: last, ignoredInARow: 5 }); // ×8: four hours
    expect(mayNudge(s, tired, 'idle', last + 3 * HOUR, BERLIN)).toBe('cooldown');
    expect(mayNudge(s, tired, 'idle', last + 4 * HOUR, BERLIN)).toBeNull();
    const exhausted = state({ lastFiredAt: last, ignoredInARow: 40 });
    expect(mayNudge(s, exhausted, 'idle', last + BACKOFF_CEILING_MS, BERLIN)).toBeNull();
  });
});

describe('missed alarms', () => {
  const s = settings({ schedule: { weekdays: [0, 1, 2, 3, 4, 5, 6] } });

  it('a ring that passed while the browser was closed fires once, not once per missed day', () => {
    const planned = local('2026-11-27 17:30');
    const wake = local('2026-11-30 10:00'); // three missed days later
    const st = state({ scheduledAt: planned });
    expect(nextNudge(s, st, wake, BERLIN)).toEqual({ at: wake, reason: 'missed' });

    const first = onScheduleAlarm(s, st, wake, BERLIN);
    expect(first.show).toBe(true);
    expect(first.reason).toBe('missed');
    expect(first.state.today.count).toBe(1);
    expect(show(first.next?.at)).toBe('Mon 2026-11-30 17:30');

    // A second ring right after (another wake-up, a duplicate alarm) shows nothing.
    const second = onScheduleAlarm(s, first.state, wake + 1000, BERLIN);
    expect(second.show).toBe(false);
    expect(second.state.scheduledAt).toBe(first.state.scheduledAt);
  });

  it('a missed ring that wakes inside quiet hours is dropped', () => {
    const st = state({ scheduledAt: local('2026-11-29 17:30') });
    const outcome = onScheduleAlarm(s, st, local('2026-11-30 06:00'), BERLIN);
    expect(outcome.show).toBe(false);
    expect(outcome.blocked).toBe('quiet');
    expect(show(outcome.next?.at)).toBe('Mon 2026-11-30 17:30');
  });

  it('re-planning after a settings change never fires a stale ring', () => {
    const st = state({ scheduledAt: local('2026-11-29 17:30') });
    const next = replan(s, st, local('2026-11-30 10:00'), BERLIN);
    expect(show(next.scheduledAt ?? undefined)).toBe('Mon 2026-11-30 17:30');
  });
});

describe('nudgeDay', () => {
  const now = local('2026-11-30 10:00');
  it.each([
    ['2026-11-30 17:30', 'today'],
    ['2026-11-30 23:59', 'today'],
    ['2026-12-01 00:00', 'tomorrow'],
    ['2026-12-01 09:05', 'tomorrow'],
    ['2026-12-03 17:30', 'this-week'],
    ['2026-12-06 09:59', 'this-week'],
    ['2026-12-06 10:00', 'later'],
    ['2026-12-14 17:30', 'later'],
  ])('%s is %s', (at, expected) => {
    expect(nudgeDay(local(at), now, BERLIN)).toBe(expected);
  });

  it('counts days on the wall clock of the zone given', () => {
    // 23:30 in Berlin on 30 November is already 1 December in Tokyo.
    const at = local('2026-11-30 23:30');
    expect(nudgeDay(at, now, BERLIN)).toBe('today');
    expect(nudgeDay(at, now, 'Asia/Tokyo')).toBe('tomorrow');
  });
});
