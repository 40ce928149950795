/**
 * Showing a nudge and opening the prompt: the thin browser layer under the scheduler. A badge
 * nudge raises the toolbar count; a notification nudge remembers its trigger and context in
 * storage under its notification id, so a click after the worker slept still knows them.
 */

import { browser } from 'wxt/browser';
import { type Draft, emptyDraft, isDraftEmpty } from '../../capture/draft';
import { changeDraft } from '../../capture/draft-write-store';
import { t } from '../../i18n/i18n';
import { EMPTY_TEMPLATE_PREFS, templateForTrigger } from '../../reflections/own-templates';
import { readTemplatePrefs } from '../../reflections/own-templates-read-store';
import type { ReflectionContext, Trigger } from '../../reflections/reflection';
import { getSettings } from '../../settings/settings-store';

import type { Delivery, NudgeSettings } from '../nudge-settings';
import type { NudgeState } from '../nudge-state';
import { nextBadgeText, nudgeWording } from '../nudge-wording';

/** Notification ids start with this, so clicks on anyone else's are ignored. */
export const NOTIFICATION_PREFIX = 'fail-well-nudge:';

/** Firefox shows basic notifications only: no buttons; a click opens the prompt instead. */
export function notificationButtons(): Array<{ title: string }> {
  return import.meta.env.FIREFOX
    ? []
    : [{ title: t('nudgeReflectNow') }, { title: t('nudgeSnoozeHour') }];
}

/** The delivery the user chose for a trigger. */
export function deliveryFor(settings: NudgeSettings, trigger: Trigger): Delivery {
  switch (trigger) {
    case 'schedule':
    // Reminders (due follow-ups, backups) reach the user the way the everyday schedule does.
    case 'follow-up':
      return settings.schedule.delivery;
    case 'idle':
      return settings.idle.delivery;
    case 'startup':
      return settings.startup.delivery;
    case 'site':
      return settings.site.delivery;
    case 'navigation-error':
    case 'download-error':
      return settings.failure.delivery;
    default:
      return 'badge';
  }
}

/**
 * The draft with a nudge's trigger (and context) merged in: the user's typed answers stay;
 * a supplied context is attached so the reflection records the page it came from. A draft
 * with nothing in it starts with `fresh`'s template: the one chosen for the trigger. With
 * `keepStarted` (a badge, which the user has not acted on) a reflection already begun keeps
 * its own trigger and page: the nudge did not prompt it.
 */
export function stagedDraft(
  draft: Draft | null,
  trigger: Trigger,
  context: ReflectionContext | null,
  fresh: () => Draft,
  now: number,
  keepStarted = false,
): Draft {
  const started = draft ?? fresh();
  if (keepStarted && !isDraftEmpty(started)) return started;
  const base = isDraftEmpty(started) ? { ...started, template: fresh().template } : started;
  if (context) return { ...base, trigger, context, attachPage: true, updatedAt: now };
  // A nudge without a page must not carry an earlier page into a fresh reflection.
  const stale = isDraftEmpty(base) ? { context: null, attachPage: fresh().attachPage } : {};
  return { ...base, ...stale, trigger, updatedAt: now };
}

/**
 * Write the trigger and context into the popup's draft, where the popup picks them up. Read
 * and written under the draft's lock as a new revision: an open prompt merges it into what
 * is being typed, and nothing typed between the read and the write is overwritten.
 */
export async function stagePrompt(
  trigger: Trigger,
  context: ReflectionContext | null,
  now: number,
  keepStarted = false,
): Promise<void> {
  const [settings, templates] = await Promise.all([
    getSettings(),
    // Templates unreadable: the nudge still opens the popup, with its default template.
    readTemplatePrefs().catch(() => EMPTY_TEMPLATE_PREFS),
  ]);
  const template = templateForTrigger(templates, trigger, settings.defaultTemplate);
  const fresh = () => emptyDraft(template, now, settings.attachPageByDefault);
  await changeDraft('background', (draft) =>
    stagedDraft(draft, trigger, context, fresh, now, keepStarted),
  );
}

/** Open the prompt: the toolbar popup where the browser allows it, else a small window. */
export async function openPrompt(): Promise<'popup' | 'window'> {
  try {
    await browser.action.openPopup();
    // Chrome can resolve without showing anything (no focused window, no user gesture): where
    // it can tell us, check that a popup really opened before settling for it.
    const runtime = browser.runtime as { getContexts?: typeof browser.runtime.getContexts };
    if (runtime.getContexts) {
      const popups = await runtime.getContexts({ contextTypes: ['POPUP'] });
      if (popups.length === 0) throw new Error('The popup did not open.');
    }
    return 'popup';
  } catch {
    // No active window, no user gesture, or an older browser: a popup-sized window instead.
    await browser.windows.create({
      url: browser.runtime.getURL('/popup.html'),
      type: 'popup',
      width: 420,
      height: 640,
      focused: true,
    });
    return 'window';
  }
}

/** Raise the toolbar badge by one. */
export async function raiseBadge(): Promise<string> {
  const text = nextBadgeText(await browser.action.getBadgeText({}));
  await browser.action.setBadgeBackgroundColor({ color: '#B4532A' });
  await browser.action.setBadgeText({ text });
  return text;
}

/** Show a notification for a nudge; returns its id. */
export async function showNotification(
  wording: { title: string; message: string },
  now: number,
): Promise<string> {
  const id = `${NOTIFICATION_PREFIX}${now}-${Math.floor(Math.random() * 1e6)}`;
  await browser.notifications.create(id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/notification-icon.png'),
    title: wording.title,
    message: wording.message,
    // Firefox rejects the `buttons` key outright, so it is left out rather than empty.
    ...(notificationButtons().length > 0 ? { buttons: notificationButtons() } : {}),
  });
  return id;
}

/**
 * Deliver a nudge as the user chose. A badge nudge stages the draft now (the user will open
 * the popup from the toolbar); a notification keeps its context until it is clicked.
 * Returns the state with the open notification remembered.
 */
export async function deliverNudge(
  delivery: Delivery,
  trigger: Trigger,
  context: ReflectionContext | null,
  wording: { title: string; message: string },
  state: NudgeState,
  now: number,
): Promise<NudgeState> {
  if (delivery === 'badge') {
    await stagePrompt(trigger, context, now, true);
    await raiseBadge();
    return state;
  }
  const id = await showNotification(wording, now);
  // Forget notifications older than a day: the browser has long since closed them.
  const open = Object.fromEntries(
    Object.entries(state.notifications).filter(([, n]) => now - n.createdAt < 86_400_000),
  );
  return { ...state, notifications: { ...open, [id]: { trigger, context, createdAt: now } } };
}

/** Deliver a reflect nudge the way the user chose for its trigger, in the wording whose turn it is. */
export function deliverInTurn(
  settings: NudgeSettings,
  trigger: Trigger,
  context: ReflectionContext | null,
  wordingIndex: number,
  state: NudgeState,
  now: number,
): Promise<NudgeState> {
  const wording = nudgeWording(trigger, wordingIndex, context);
  return deliverNudge(deliveryFor(settings, trigger), trigger, context, wording, state, now);
}
