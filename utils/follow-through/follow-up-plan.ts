/**
 * Planning follow-ups: the settings and the checks a new "next time" commitment gets. Apart
 * from follow-up.ts (answering, rates) because the popup needs only this, and its size
 * budget counts every byte it loads.
 */
import { bool, clampInt, ownRecord } from '../core/parse';
import { DAY_MS } from '../core/time-units';
import type { FollowUp } from '../reflections/reflection';

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

/**
 * The follow-ups of a reflection after its "next time" answer was edited to `nextTime`.
 * Emptied: the unanswered checks go (there is nothing left to ask about), answered ones stay
 * as history. Written where there was none: checks are planned from `now`, the moment the
 * commitment was made (planning from the writing date would make an old reflection's checks
 * all due at once), unless the commitment was already closed — a closed one stays closed.
 * Any other change (reworded, or unchanged) keeps the plan: it is the same commitment.
 */
export function replanFollowUps(
  before: { answers: Readonly<Record<string, string>>; followUps: readonly FollowUp[] },
  nextTime: string | undefined,
  now: number,
  settings: FollowUpSettings,
): FollowUp[] {
  const had = Boolean(before.answers.nextTime?.trim());
  const has = Boolean(nextTime?.trim());
  const answered = before.followUps.filter((f) => f.outcome !== null);
  if (!has) return answered;
  if (had) return [...before.followUps];
  const closed = answered.some(
    (f) => f.outcome === 'applied' || f.outcome === 'no-longer-relevant',
  );
  if (closed) return answered;
  return [...answered, ...planFollowUps({ nextTime: nextTime ?? '' }, now, settings)];
}
