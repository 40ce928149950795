/**
 * What a nudge notification's click, buttons and closing do. Separate because these answer
 * the notification centre, not the schedule: they only clear what the notification left in
 * the nudge state, open the prompt or snooze.
 */

import { browser } from 'wxt/browser';
import { applyAttention, replan } from '../schedule';
import { NOTIFICATION_PREFIX, openPrompt, stagePrompt } from './nudge-delivery';
import { transact } from './nudge-transaction';

/** A notification (or its "Reflect now" button) was clicked: open the prompt with its context. */
export function handleNotificationClick(id: string, now = Date.now()): Promise<boolean> {
  if (!id.startsWith(NOTIFICATION_PREFIX)) return Promise.resolve(false);
  return transact(now, async ({ state }) => {
    const open = state.notifications[id];
    const { [id]: _done, ...rest } = state.notifications;
    await browser.notifications.clear(id);
    // An entry pruned long ago: open the prompt as it is rather than guess a trigger.
    if (open) await stagePrompt(open.trigger, open.context, now);
    await openPrompt();
    return { state: { ...state, notifications: rest }, result: true };
  });
}

/** A notification button: 0 is "Reflect now", 1 is "Snooze 1 hour". */
export async function handleNotificationButton(
  id: string,
  button: number,
  now = Date.now(),
): Promise<void> {
  if (button === 0) {
    await handleNotificationClick(id, now);
    return;
  }
  if (!id.startsWith(NOTIFICATION_PREFIX)) return;
  await transact(now, async ({ settings, state }) => {
    const open = state.notifications[id];
    const { [id]: _done, ...rest } = state.notifications;
    let next = applyAttention({ ...state, notifications: rest }, 'snooze-hour', now);
    if (next.snooze && open) {
      next = { ...next, snooze: { ...next.snooze, trigger: open.trigger, context: open.context } };
    }
    await browser.notifications.clear(id);
    return { state: replan(settings, next, now), result: undefined };
  });
}

/**
 * A notification was dismissed by the user: its context is no longer needed. Closed by the
 * system (a timeout, a move to the OS notification centre, headless Chromium at once) it may
 * still be clicked later, so its context stays until the day-old entries are pruned.
 * Firefox says `byUser` is true even when the system closed it (tests/firefox/smoke.ts saw
 * it), so there, where `byUser` cannot be told apart, every entry waits for the pruning.
 */
export function handleNotificationClosed(
  id: string,
  byUser: boolean,
  byUserIsReliable = !import.meta.env.FIREFOX,
): Promise<void> {
  if (!byUser || !byUserIsReliable) return Promise.resolve();
  return transact(Date.now(), async ({ state }) => {
    if (id in state.openReminders) {
      const { [id]: _done, ...rest } = state.openReminders;
      return { state: { ...state, openReminders: rest }, result: undefined };
    }
    if (!(id in state.notifications)) return { result: undefined };
    const { [id]: _done, ...rest } = state.notifications;
    return { state: { ...state, notifications: rest }, result: undefined };
  });
}
