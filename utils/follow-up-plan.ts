/**
 * Planning follow-ups: the settings and the checks a new "next time" commitment gets. Apart
 * from follow-up.ts (answering, rates) because the popup needs only this, and its size
 * budget counts every byte it loads.
 */
import { bool, clampInt, ownRecord } from './parse';
import type { FollowUp } from './reflection';

const DAY_MS = 86_400_000;

export const DEFAULT_FOLLOW_UP_SETTINGS = {
  enabled: true,
  /** Days after writing when the commitment comes back. */
  afterDays: [1, 7, 30] as number[],
  /** "Not yet" asks again this many days later. */
  retryDays: 7,
};

export type FollowUpSettings = typeof DEFAULT_FOLLOW_UP_SETTINGS;

/** Follow-up settings from anything: sorted unique days in 1–365, at most five of them. */
export function parseFollowUpSettings(raw: unknown): FollowUpSettings {
  const input = ownRecord(raw);
  const d = DEFAULT_FOLLOW_UP_SETTINGS;
  const days = Array.isArray(input.afterDays)
    ? [
        ...new Set(
          input.afterDays
            .filter((n) => typeof n === 'number' && n >= 1)
            .map((n) => clampInt(n, 1, 365, 1)),
        ),
      ]
        .sort((a, b) => a - b)
        .slice(0, 5)
    : d.afterDays;
  return {
    enabled: bool(input.enabled, d.enabled),
    afterDays: days.length > 0 ? days : d.afterDays,
    retryDays: clampInt(input.retryDays, 1, 90, d.retryDays),
  };
}

/** The follow-ups a new reflection gets: none without a "next time" answer or when off. */
export function planFollowUps(
  answers: Readonly<Record<string, string>>,
  createdAt: number,
  settings: FollowUpSettings,
): FollowUp[] {
  if (!settings.enabled || !answers.nextTime?.trim()) return [];
  return settings.afterDays.map((days) => ({
    dueAt: createdAt + days * DAY_MS,
    answeredAt: null,
    outcome: null,
    note: '',
  }));
}
