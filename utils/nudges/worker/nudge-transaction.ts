/**
 * The worker's one queue for the nudge state: every handler that changes it goes through
 * `transact`, which loads settings and state, lets the handler decide, saves what it returns
 * and makes the schedule alarm match. Its own file because every job (schedule,
 * notifications, triggers, reminders) shares it and none of them owns it.
 */

import { browser } from 'wxt/browser';
import { withLock } from '../../core/cross-context-lock-browser';
import { ensureMessages } from '../../i18n/i18n';
import { getSettings } from '../../settings/settings-store';
import { nudgeAnsweredAt } from '../nudge-answer-store';
import { grantedPermissions, permittedSettings } from '../nudge-permissions-browser';
import type { NudgeSettings } from '../nudge-settings';
import type { NudgeState } from '../nudge-state';
import { getNudgeState, saveNudgeState } from '../nudge-state-store';
import { absorbAnswer } from '../schedule';

/** The one alarm the schedule uses; it always rings at `state.scheduledAt`. */
export const NUDGE_ALARM = 'fail-well-nudge';

/** What every handler starts from: settings as they can act now, and the nudge state. */
export interface Loaded {
  settings: NudgeSettings;
  state: NudgeState;
}

/** Settings as they can act now (missing permissions switch opt-ins off) and fresh state. */
export async function load(): Promise<Loaded> {
  const [settings, state, answeredAt, granted] = await Promise.all([
    // Nudges speak the user's language even when the browser hands us an empty bundle.
    ensureMessages().then(() => getSettings()),
    getNudgeState(),
    nudgeAnsweredAt(),
    grantedPermissions().catch(() => []),
  ]);
  return {
    settings: permittedSettings(settings.nudges, granted),
    state: absorbAnswer(state, answeredAt),
  };
}

/**
 * Change the nudge state as one step: under the cross-context lock (the review page snoozes
 * while the worker handles an alarm), load settings and state, let `change` decide, then
 * save the state it returns and make the alarm match. `state: undefined` changes nothing.
 */
export function transact<R>(
  now: number,
  change: (loaded: Loaded) => Promise<{ state?: NudgeState; result: R }>,
): Promise<R> {
  return withLock('fail-well:nudge-state', async () => {
    const { state, result } = await change(await load());
    if (state) {
      await saveNudgeState(state);
      await syncAlarm(state, now);
    }
    return result;
  });
}

/** Make the alarm ring at `state.scheduledAt`; an alarm already set for then is left alone. */
export async function syncAlarm(state: NudgeState, now: number): Promise<void> {
  if (state.scheduledAt === null) {
    await browser.alarms.clear(NUDGE_ALARM);
    return;
  }
  // Re-creating an alarm restarts its countdown: only create when the time really changed.
  const existing = await browser.alarms.get(NUDGE_ALARM);
  if (existing?.scheduledTime === state.scheduledAt) return;
  await browser.alarms.create(NUDGE_ALARM, { when: Math.max(state.scheduledAt, now) });
}
