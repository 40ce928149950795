/**
 * Showing a follow-up or backup reminder and opening the review page where it can be acted
 * on: the thin browser layer under due-reminders.ts. Reminder notifications have their own id
 * prefix, so the click handlers tell them apart from "reflect now" nudges.
 */
import { browser } from 'wxt/browser';
import type { OpenReminder } from '../nudge-state';

/** Reminder notification ids start with this (nudges use `fail-well-nudge:`). */
export const REMINDER_PREFIX = 'fail-well-reminder:';

/**
 * One id per kind: a newer reminder of the same kind replaces the older notification instead
 * of piling up next to it.
 */
export function reminderId(kind: OpenReminder['kind']): string {
  return `${REMINDER_PREFIX}${kind}`;
}

/**
 * What the popup shows after a reminder went to the badge (the badge only counts, and its
 * click opens the writing prompt): plain `storage.local`, so the popup reads it with no
 * storage library.
 */
export const BADGE_REMINDER_KEY = 'badgeReminder';

/** The review page's address for a reminder: Follow-through (focusing one card) or Data. */
export function reminderPath(kind: OpenReminder['kind'], reflectionId: string | null): string {
  if (kind === 'backup') return '/options.html#/data';
  return reflectionId
    ? `/options.html#/follow-through?focus=${encodeURIComponent(reflectionId)}`
    : '/options.html#/follow-through';
}

/** Show (or replace) the reminder notification of its kind; returns its id. */
export async function showReminder(
  kind: OpenReminder['kind'],
  wording: { title: string; message: string },
): Promise<string> {
  const id = reminderId(kind);
  await browser.notifications.create(id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/notification-icon.png'),
    title: wording.title,
    message: wording.message,
  });
  return id;
}

/**
 * Open the review page at `path`, in the tab that already shows it when there is one.
 * `runtime.getContexts` lists the extension's own tabs without the `tabs` permission
 * (`tabs.query({ url })` ignores the URL without it in Chrome and throws in Firefox).
 */
export async function openReviewPage(path: string): Promise<'reused' | 'created'> {
  const url = browser.runtime.getURL(path as '/options.html');
  const page = browser.runtime.getURL('/options.html');
  const runtime = browser.runtime as { getContexts?: typeof browser.runtime.getContexts };
  // An older browser without getContexts (or one that throws): open a fresh tab instead.
  const contexts = await Promise.resolve()
    .then(() => runtime.getContexts?.({ contextTypes: ['TAB'] }) ?? [])
    .catch(() => []);
  const open = contexts.find((c) => c.tabId >= 0 && c.documentUrl?.startsWith(page));
  if (open) {
    try {
      // Only the hash changes: the page routes on `hashchange`, without a reload.
      await browser.tabs.update(open.tabId, { url, active: true });
      if (open.windowId >= 0) await browser.windows.update(open.windowId, { focused: true });
      return 'reused';
    } catch {
      // The tab closed in the meantime: open a fresh one below.
    }
  }
  try {
    await browser.tabs.create({ url });
  } catch {
    // No browser window is open (macOS keeps running without one): open one for the page.
    await browser.windows.create({ url, focused: true });
  }
  return 'created';
}
