import { describe, expect, it } from 'vitest';
import {
  EMPTY_NUDGE_STATE,
  type NudgeState,
  newSeed,
  parseNudgeState,
  withSeed,
} from '../../../utils/nudges/nudge-state';

const NOW = Date.UTC(2026, 10, 30, 12);

describe('parseNudgeState', () => {
  it('reads back what the current version writes (JSON round trip)', () => {
    const state: NudgeState = {
      ...EMPTY_NUDGE_STATE,
      scheduledAt: NOW + 60_000,
      lastFiredAt: NOW - 60_000,
      today: { day: '2026-11-30', count: 2 },
      notifications: {
        'fail-well-nudge:1': { trigger: 'schedule', context: null, createdAt: NOW },
      },
      reminders: { followUps: { 'abc@123': NOW - 1000 }, backupAt: NOW - 5000 },
      openReminders: {
        'fail-well-reminder:follow-up': { kind: 'follow-up', reflectionId: 'abc', createdAt: NOW },
        'fail-well-reminder:backup': { kind: 'backup', reflectionId: null, createdAt: NOW },
      },
    };
    expect(parseNudgeState(JSON.parse(JSON.stringify(state)))).toEqual(state);
  });

  it('state written before reminders existed gets empty reminder records', () => {
    const old = { scheduledAt: NOW, ignoredInARow: 2, notifications: {} };
    const parsed = parseNudgeState(old);
    expect(parsed.reminders).toEqual({ followUps: {}, backupAt: null });
    expect(parsed.openReminders).toEqual({});
    expect(parsed.ignoredInARow).toBe(2);
  });

  it.each<[string, unknown]>([
    ['nothing', undefined],
    ['a string', 'oops'],
    ['reminders of the wrong shape', { reminders: [1, 2], openReminders: 'x' }],
    ['bad entries', { reminders: { followUps: { a: 'soon', b: Number.NaN }, backupAt: 'x' } }],
  ])('repairs %s', (_name, raw) => {
    const parsed = parseNudgeState(raw);
    expect(parsed.reminders).toEqual({ followUps: {}, backupAt: null });
    expect(parsed.openReminders).toEqual({});
  });

  it('drops open reminders of unknown kinds and prototype keys', () => {
    const raw = JSON.parse(
      '{"openReminders":{"__proto__":{"kind":"backup"},"x":{"kind":"lesson"},"y":{"kind":"backup","reflectionId":7}},"reminders":{"followUps":{"__proto__":5,"ok@1":5}}}',
    );
    const parsed = parseNudgeState(raw);
    expect(parsed.openReminders).toEqual({
      y: { kind: 'backup', reflectionId: null, createdAt: 0 },
    });
    expect(parsed.reminders.followUps).toEqual({ 'ok@1': 5 });
    expect(Object.getPrototypeOf(parsed.openReminders)).toBe(Object.prototype);
  });
});

describe('the per-install seed', () => {
  it.each<[string, number, number]>([
    ['not set yet: the fresh one', 0, 12345],
    ['set: kept', 42, 42],
  ])('%s', (_name, stored, expected) => {
    expect(withSeed({ ...EMPTY_NUDGE_STATE, seed: stored }, 12345).seed).toBe(expected);
  });

  it('new seeds are never 0 and survive the parser', () => {
    for (let i = 0; i < 100; i++) {
      const seed = newSeed();
      expect(seed).toBeGreaterThan(0);
      expect(parseNudgeState({ seed }).seed).toBe(seed);
    }
  });
});
