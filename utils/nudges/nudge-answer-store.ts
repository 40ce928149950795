/**
 * The popup's side of nudges, kept apart so the popup bundle stays tiny (plain
 * `storage.local`, no storage library): opening the popup clears the badge, and saving a
 * reflection tells the background a nudge was answered, which resets back-off. One write
 * each, no read: the background owns the rest of the nudge state.
 */
import { browser } from 'wxt/browser';

/** When the user last saved a reflection (epoch ms), in `storage.local`. */
export const NUDGE_ANSWERED_KEY = 'nudgeAnsweredAt';

/** Record that the user answered (saved a reflection), so back-off starts over. */
export async function markNudgeAnswered(now: number): Promise<void> {
  await browser.storage.local.set({ [NUDGE_ANSWERED_KEY]: now });
}

/** When the user last answered; 0 when never. */
export async function nudgeAnsweredAt(): Promise<number> {
  const value = (await browser.storage.local.get(NUDGE_ANSWERED_KEY))[NUDGE_ANSWERED_KEY];
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** Call `listener` whenever the popup records an answer. */
export function watchNudgeAnswered(listener: () => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && NUDGE_ANSWERED_KEY in changes) listener();
  });
}

/** Clear the toolbar badge: the user is here now. */
export async function clearNudgeBadge(): Promise<void> {
  await browser.action.setBadgeText({ text: '' }).catch(() => undefined);
}
