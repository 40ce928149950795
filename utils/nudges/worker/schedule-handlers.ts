/**
 * The schedule's handlers: plan it (install, update, start-up, a settings change, an answer),
 * ring it, snooze or pause it, and the start-up lesson. Separate from the event triggers and
 * reminders because these are the only handlers that move the schedule on their own.
 */

import { browser } from 'wxt/browser';
import { listReflections } from '../../reflections/db-store';
import type { AttentionChoice, NudgeState } from '../nudge-state';
import { lessonFromBefore, pickLesson } from '../nudge-wording';
import {
  applyAttention,
  type Blocked,
  mayNudge,
  nextNudge,
  onScheduleAlarm,
  recordNudge,
  replan,
} from '../schedule';
import { deliverInTurn, deliverNudge, deliveryFor } from './nudge-delivery';
import { load, NUDGE_ALARM, transact } from './nudge-transaction';

/**
 * Plan the schedule from stored settings (install, update, start-up, settings change, an
 * answer). On start-up a ring that passed while the browser was closed is kept, so it fires
 * once; on the other occasions the plan starts fresh from now.
 */
export function restoreSchedule(
  occasion: 'install' | 'update' | 'startup' | 'settings' | 'answer',
  now = Date.now(),
): Promise<NudgeState> {
  return transact(now, async ({ settings, state }) => {
    let next: NudgeState;
    if (occasion === 'startup') {
      const alarm = await browser.alarms.get(NUDGE_ALARM);
      const planned = nextNudge(settings, state, now);
      next =
        alarm && alarm.scheduledTime === state.scheduledAt
          ? state // the browser kept the alarm: its countdown stands
          : planned?.reason === 'missed'
            ? state // keep the past time: the alarm rings at once and fires it, once
            : { ...state, scheduledAt: planned?.at ?? null };
    } else {
      next = replan(settings, state, now);
    }
    return { state: next, result: next };
  });
}

/** The schedule alarm rang: show the nudge unless something blocks it, and plan the next. */
export function handleAlarm(name: string, now = Date.now()): Promise<boolean> {
  if (name !== NUDGE_ALARM) return Promise.resolve(false);
  return transact(now, async ({ settings, state }) => {
    const outcome = onScheduleAlarm(settings, state, now);
    let next = outcome.state;
    if (outcome.show) {
      const snoozed = outcome.reason === 'snooze' ? state.snooze : null;
      const trigger = snoozed?.trigger ?? 'schedule';
      const context = snoozed?.context ?? null;
      next = await deliverInTurn(settings, trigger, context, state.wordingIndex, next, now);
    }
    return { state: next, result: outcome.show };
  });
}

/** Snooze, pause or resume (settings page or a notification), and re-plan at once. */
export function setAttention(choice: AttentionChoice, now = Date.now()): Promise<NudgeState> {
  return transact(now, async ({ settings, state }) => {
    const next = replan(settings, applyAttention(state, choice, now), now);
    return { state: next, result: next };
  });
}

/** Browser start-up: restore the schedule, then show one past lesson if the user asked. */
export async function handleStartup(now = Date.now()): Promise<Blocked | null> {
  await restoreSchedule('startup', now);
  const { settings } = await load();
  if (!settings.startup.enabled) return 'off';
  const { items } = await listReflections({ limit: 100 });
  const lesson = pickLesson(items, now);
  if (!lesson) return 'off'; // nothing learned yet: no lesson to show, so no nudge
  return transact(now, async ({ settings: current, state }) => {
    const blocked = mayNudge(current, state, 'startup', now);
    if (blocked) return { result: blocked };
    const delivery = deliveryFor(current, 'startup');
    let next = recordNudge(state, 'startup', now);
    next = await deliverNudge(delivery, 'startup', null, lessonFromBefore(lesson), next, now);
    return { state: next, result: null };
  });
}
