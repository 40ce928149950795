/**
 * The popup's side of a reminder that went to the badge: the badge only counts, and its click
 * opens the writing prompt, so the popup adds one line under the form that says what is
 * waiting and opens the review page there. Loaded after the first paint (the popup's start-up
 * budget has no room for it) and drawn outside the Preact root, which re-renders on each key.
 */
import { browser } from 'wxt/browser';
import { t } from '../i18n/i18n';
import { clearNudgeBadge, markNudgeAnswered } from './nudge-answer-store';
import { BADGE_REMINDER_KEY, openReviewPage, reminderPath } from './worker/reminder-delivery';

/** The popup opened: clear the badge, and show the waiting reminder's link, if any. */
export async function popupOpened(body: HTMLElement): Promise<void> {
  await clearNudgeBadge();
  const stored = (await browser.storage.local.get(BADGE_REMINDER_KEY))[BADGE_REMINDER_KEY] as
    | { kind?: unknown; reflectionId?: unknown }
    | undefined;
  if (stored?.kind !== 'follow-up' && stored?.kind !== 'backup') return;
  const kind = stored.kind;
  const reflectionId = typeof stored.reflectionId === 'string' ? stored.reflectionId : null;
  const path = reminderPath(kind, reflectionId);
  const line = document.createElement('p');
  line.className = 'popup-reminder';
  const link = document.createElement('a');
  link.href = browser.runtime.getURL(path as '/options.html');
  link.textContent = t(kind === 'follow-up' ? 'nudgeFollowUpLink' : 'nudgeBackupLink');
  link.addEventListener('click', (event) => {
    event.preventDefault();
    // Following the link answers the reminder, as a click on its notification does: back-off
    // starts over (the background hears this write).
    void browser.storage.local
      .remove(BADGE_REMINDER_KEY)
      .then(() => markNudgeAnswered(Date.now()))
      .then(() => openReviewPage(path))
      .then(() => window.close());
  });
  line.append(link);
  body.append(line);
}
