/**
 * The background's nudge handlers. Each wake-up reads settings and state from storage, asks
 * the pure scheduler what to do, does it, writes the state back and lets the worker sleep:
 * nothing that matters is held in memory between events.
 */

import { storage } from '@wxt-dev/storage';
import type { Browser } from 'wxt/browser';
import { browser } from 'wxt/browser';
import { withLock } from '../../core/cross-context-lock-browser';
import { backupDue } from '../../data/backup';
import { getLastExportAt } from '../../data/storage-status-store';
import { reflectionsWithDueFollowUp } from '../../follow-through/follow-up-store';
import { ensureMessages, t } from '../../i18n/i18n';
import { countReflections, listReflections } from '../../reflections/db-store';
import type { ReflectionContext, Trigger } from '../../reflections/reflection';
import { getSettings, updateSettings } from '../../settings/settings-store';

import { asDueFollowUps, dueReminders, rememberFollowUps } from '../due-reminders';
import { type IdleState, idleTransition } from '../idle-break';
import { nudgeAnsweredAt } from '../nudge-answer-store';
import {
  grantedPermissions,
  type OptInTrigger,
  permittedSettings,
  TRIGGER_PERMISSIONS,
  withOptIn,
} from '../nudge-permissions-browser';
import type { NudgeSettings } from '../nudge-settings';
import {
  type AttentionChoice,
  getNudgeState,
  type NudgeState,
  nudgeStateItem,
} from '../nudge-state';
import { lessonFromBefore, nudgeWording, pickLesson } from '../nudge-wording';
import { backupWording, followUpWording } from '../reminder-wording';
import {
  absorbAnswer,
  applyAttention,
  type Blocked,
  mayNudge,
  nextNudge,
  onScheduleAlarm,
  recordNudge,
  replan,
} from '../schedule';
import { type TrackedTab, tabChanged } from '../site-tracking';
import {
  deliverNudge,
  deliveryFor,
  NOTIFICATION_PREFIX,
  openPrompt,
  raiseBadge,
  stagePrompt,
} from './nudge-delivery';
import {
  BADGE_REMINDER_KEY,
  openReviewPage,
  REMINDER_PREFIX,
  reminderId,
  reminderPath,
  showReminder,
} from './reminder-delivery';

/** The one alarm the schedule uses; it always rings at `state.scheduledAt`. */
export const NUDGE_ALARM = 'fail-well-nudge';
export const MENU_PAGE = 'fail-well-reflect-page';
export const MENU_SELECTION = 'fail-well-reflect-selection';
/** The periodic look for due follow-ups and a due backup. */
export const DUE_CHECK_ALARM = 'fail-well-due-check';
/** Hourly: a follow-up comes due on a date, not a minute, and each check opens the database. */
export const DUE_CHECK_MINUTES = 60;

/** Tabs showing a listed site: `session:` because it only matters while the browser runs. */
export const siteTabsItem = storage.defineItem<Record<string, TrackedTab>>('session:siteTabs', {
  fallback: {},
});

interface Loaded {
  settings: NudgeSettings;
  state: NudgeState;
}

/** Settings as they can act now (missing permissions switch opt-ins off) and fresh state. */
async function load(): Promise<Loaded> {
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

/** Deliver a reflect nudge the way the user chose for its trigger, in the wording whose turn it is. */
function deliverInTurn(
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

/**
 * Change the nudge state as one step: under the cross-context lock (the review page snoozes
 * while the worker handles an alarm), load settings and state, let `change` decide, then
 * save the state it returns and make the alarm match. `state: undefined` changes nothing.
 */
function transact<R>(
  now: number,
  change: (loaded: Loaded) => Promise<{ state?: NudgeState; result: R }>,
): Promise<R> {
  return withLock('fail-well:nudge-state', async () => {
    const { state, result } = await change(await load());
    if (state) {
      await nudgeStateItem.setValue(state);
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

/**
 * An event wants to nudge (back from a break, left a site, a failure): shown unless quiet
 * hours, snooze, pause, the cap or the cooldown say no. Returns what blocked it, or null.
 */
export function nudgeFor(
  trigger: Trigger,
  context: ReflectionContext | null,
  isOn: (settings: NudgeSettings) => boolean,
  now = Date.now(),
): Promise<Blocked | null> {
  return transact(now, async ({ settings, state }) => {
    if (!isOn(settings)) return { result: 'off' as const };
    const blocked = mayNudge(settings, state, trigger, now);
    if (blocked) return { result: blocked };
    let next = recordNudge(state, trigger, now);
    next = await deliverInTurn(settings, trigger, context, state.wordingIndex, next, now);
    // Back-off moved on: the schedule may ring later now.
    return { state: replan(settings, next, now), result: null };
  });
}

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

/** Snooze, pause or resume (settings page or a notification), and re-plan at once. */
export function setAttention(choice: AttentionChoice, now = Date.now()): Promise<NudgeState> {
  return transact(now, async ({ settings, state }) => {
    const next = replan(settings, applyAttention(state, choice, now), now);
    return { state: next, result: next };
  });
}

/** The idle state changed: remember when a break began; on return, nudge after a long one. */
export async function handleIdle(change: IdleState, now = Date.now()): Promise<Blocked | null> {
  const breakMs = await transact(now, async ({ state }) => {
    const { idleSince, breakMs } = idleTransition(state.idleSince, change, now);
    return { state: { ...state, idleSince }, result: breakMs };
  });
  if (breakMs === null) return 'off';
  const { settings } = await load();
  if (!settings.idle.enabled || breakMs < settings.idle.minutes * 60_000) return 'off';
  return nudgeFor('idle', null, (s) => s.idle.enabled, now);
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

/** A tab navigated or changed its title: track listed sites, nudge when one is left. */
export async function handleTabUpdated(
  tabId: number,
  change: { url?: string; title?: string },
  now = Date.now(),
): Promise<Blocked | null> {
  if (change.url === undefined && change.title === undefined) return 'off';
  const { settings } = await load();
  if (!settings.site.enabled) return 'off';
  // Two quick navigations in one tab must not lose each other's read-modify-write.
  const left = await withLock('fail-well:site-tabs', async () => {
    const tabs = await siteTabsItem.getValue();
    const { track, left } = tabChanged(
      tabs[tabId],
      change.url,
      change.title,
      settings.site.patterns,
    );
    const { [tabId]: _old, ...rest } = tabs;
    await siteTabsItem.setValue(track ? { ...rest, [tabId]: track } : rest);
    return left;
  });
  return left ? nudgeLeft(left, now) : 'off';
}

/** A tab closed: if it showed a listed site, that site was left. */
export async function handleTabRemoved(tabId: number, now = Date.now()): Promise<Blocked | null> {
  const left = await withLock('fail-well:site-tabs', async () => {
    const tabs = await siteTabsItem.getValue();
    const { [tabId]: gone, ...rest } = tabs;
    if (gone) await siteTabsItem.setValue(rest);
    return gone;
  });
  return left ? nudgeLeft(left, now) : 'off';
}

function nudgeLeft(left: TrackedTab, now: number): Promise<Blocked | null> {
  const context = { ...(left.title ? { title: left.title } : {}), url: left.url };
  return nudgeFor('site', context, (s) => s.site.enabled, now);
}

/** Errors that are the user's own doing (a stop button, a cancelled download) are not failures. */
const NOT_FAILURES = new Set(['net::ERR_ABORTED', 'USER_CANCELED', 'USER_SHUTDOWN']);

/** A page failed to load in a tab (top frame only). */
export function handleNavigationError(
  details: { frameId: number; url: string; error: string },
  now = Date.now(),
): Promise<Blocked | null> {
  if (details.frameId !== 0 || NOT_FAILURES.has(details.error)) return Promise.resolve('off');
  return nudgeFor('navigation-error', { url: details.url }, (s) => s.failure.navigation, now);
}

/** A download changed: an interruption that the user did not ask for is a failure. */
export async function handleDownloadChanged(
  delta: { id: number; state?: { current?: string }; error?: { current?: string } },
  now = Date.now(),
): Promise<Blocked | null> {
  if (delta.state?.current !== 'interrupted' || NOT_FAILURES.has(delta.error?.current ?? '')) {
    return 'off';
  }
  const [item] = await browser.downloads.search({ id: delta.id }).catch(() => []);
  const name = item?.filename?.split(/[\\/]/).pop();
  const context = { ...(name ? { title: name } : {}), ...(item?.url ? { url: item.url } : {}) };
  return nudgeFor('download-error', context, (s) => s.failure.downloads, now);
}

/** Create (or remove) the page and selection menu entries to match the settings. */
export function syncContextMenus(): Promise<void> {
  // Two quick settings changes would interleave remove-all and create: "duplicate id".
  return withLock('fail-well:context-menus', async () => {
    await ensureMessages();
    const { nudges } = await getSettings();
    await browser.contextMenus.removeAll();
    if (!nudges.contextMenu.enabled) return;
    browser.contextMenus.create({ id: MENU_PAGE, title: t('menuReflectPage'), contexts: ['page'] });
    browser.contextMenus.create({
      id: MENU_SELECTION,
      title: t('menuReflectSelection'),
      contexts: ['selection'],
    });
  });
}

/** A menu entry was chosen: open the prompt pre-filled with the page (and selection). */
export async function handleContextMenu(
  info: { menuItemId: string | number; pageUrl?: string; selectionText?: string },
  tab: { title?: string; url?: string } | undefined,
  now = Date.now(),
): Promise<boolean> {
  if (info.menuItemId !== MENU_PAGE && info.menuItemId !== MENU_SELECTION) return false;
  const url = info.pageUrl ?? tab?.url;
  const context: ReflectionContext = {
    ...(tab?.title ? { title: tab.title } : {}),
    ...(url ? { url } : {}),
    ...(info.menuItemId === MENU_SELECTION && info.selectionText
      ? { selection: info.selectionText }
      : {}),
  };
  await stagePrompt('context-menu', context, now);
  await openPrompt();
  return true;
}

/** Permissions were taken away (in the browser's settings): switch their triggers off. */
export async function handlePermissionsRemoved(removed: readonly string[]): Promise<void> {
  await updateSettings((settings) => {
    let nudges = settings.nudges;
    for (const trigger of Object.keys(TRIGGER_PERMISSIONS) as OptInTrigger[]) {
      if (removed.includes(TRIGGER_PERMISSIONS[trigger]))
        nudges = withOptIn(nudges, trigger, false);
    }
    return { ...settings, nudges };
  });
}

/** The optional events, listened to only once their permission exists (at start or when granted). */
export function listenToOptionalEvents(
  onNavigationError: (
    details: Browser.webNavigation.WebNavigationFramedErrorCallbackDetails,
  ) => void,
  onDownloadChanged: (delta: Browser.downloads.DownloadDelta) => void,
): void {
  // Without the permission these namespaces are missing altogether.
  const navigation = browser.webNavigation?.onErrorOccurred;
  if (navigation && !navigation.hasListener(onNavigationError)) {
    navigation.addListener(onNavigationError);
  }
  const downloads = browser.downloads?.onChanged;
  if (downloads && !downloads.hasListener(onDownloadChanged)) {
    downloads.addListener(onDownloadChanged);
  }
}

/** Start the periodic reminder check unless it runs already (re-creating restarts its period). */
export async function ensureDueCheck(): Promise<void> {
  if (await browser.alarms.get(DUE_CHECK_ALARM)) return;
  await browser.alarms.create(DUE_CHECK_ALARM, {
    delayInMinutes: DUE_CHECK_MINUTES,
    periodInMinutes: DUE_CHECK_MINUTES,
  });
}

/** What a reminder check did: the reminder it sent, or why a due one was held back. */
export interface ReminderOutcome {
  sent: 'follow-up' | 'backup' | null;
  blocked: Blocked | null;
}

/** The reminder check's alarm rang. */
export function handleDueAlarm(name: string, now = Date.now()): Promise<ReminderOutcome | null> {
  if (name !== DUE_CHECK_ALARM) return Promise.resolve(null);
  return checkReminders(now);
}

/**
 * Look for due follow-ups and a due backup and send one reminder, follow-ups first, unless
 * quiet hours, snooze, pause, the daily cap or back-off say no (then the next check tries
 * again: it is still due, and nothing piles up). Each follow-up check is reminded of once,
 * the backup once per period, as the nudge state records. Delivered the way the user gets
 * scheduled nudges: a notification, or a badge the popup explains with a link.
 */
export async function checkReminders(now = Date.now()): Promise<ReminderOutcome> {
  // The database is read before joining the queue: other handlers need not wait on it.
  let facts: { due: ReturnType<typeof asDueFollowUps>; lastExportAt: number | null; count: number };
  try {
    const [due, lastExportAt, count] = await Promise.all([
      reflectionsWithDueFollowUp(now).then((rs) => asDueFollowUps(rs, now)),
      getLastExportAt(),
      countReflections(),
    ]);
    facts = { due, lastExportAt, count };
  } catch {
    // No database (e.g. Firefox never remembering history): nothing to remind of, nothing lost.
    return { sent: null, blocked: 'off' };
  }
  return transact<ReminderOutcome>(now, async ({ settings, state }) => {
    const all = await getSettings();
    const { due, lastExportAt, count } = facts;
    const backup = { every: all.backupEvery, lastExportAt, hasReflections: count > 0 };
    const plan = dueReminders(due, all.followUps.enabled, backup, state.reminders, now);
    let next: NudgeState = {
      ...state,
      reminders: rememberFollowUps(state.reminders, due, [], now),
    };
    await clearStaleBadgeReminder(
      all.followUps.enabled && due.length > 0,
      backupDue(lastExportAt, all.backupEvery, now, count > 0),
    );
    const kind = plan.followUps.length > 0 ? 'follow-up' : plan.backup ? 'backup' : null;
    const blocked = kind ? mayNudge(settings, state, 'follow-up', now) : null;
    if (kind === null || blocked) return { state: next, result: { sent: null, blocked } };
    const wording =
      kind === 'follow-up' ? followUpWording(plan.followUps) : backupWording(lastExportAt, now);
    const reflectionId = kind === 'follow-up' ? (plan.followUps[0]?.id ?? null) : null;
    if (deliveryFor(settings, 'follow-up') === 'badge') {
      await raiseBadge();
      await browser.storage.local.set({ [BADGE_REMINDER_KEY]: { kind, reflectionId } });
    } else {
      const id = await showReminder(kind, wording);
      next = {
        ...next,
        openReminders: { ...next.openReminders, [id]: { kind, reflectionId, createdAt: now } },
      };
    }
    next = {
      ...recordNudge(next, 'follow-up', now),
      reminders:
        kind === 'follow-up'
          ? rememberFollowUps(next.reminders, due, plan.followUps, now)
          : { ...next.reminders, backupAt: now },
    };
    // The cap and back-off moved on: the schedule may ring later now.
    return { state: replan(settings, next, now), result: { sent: kind, blocked: null } };
  });
}

/** Forget a badge reminder whose reason is gone (answered, exported), so the popup stops showing it. */
async function clearStaleBadgeReminder(followUpDue: boolean, backupDue: boolean): Promise<void> {
  const stored = (await browser.storage.local.get(BADGE_REMINDER_KEY))[BADGE_REMINDER_KEY] as
    | { kind?: unknown }
    | undefined;
  if (!stored) return;
  const stillDue = stored.kind === 'follow-up' ? followUpDue : backupDue;
  if (!stillDue) await browser.storage.local.remove(BADGE_REMINDER_KEY);
}

/**
 * A reminder notification was clicked: open the review page where it can be acted on. The
 * click is the answer to a reminder (there is nothing to save in the popup), so back-off
 * starts over as after a saved reflection: a reminder acted on was not ignored.
 */
export function handleReminderClick(id: string, now = Date.now()): Promise<boolean> {
  if (!id.startsWith(REMINDER_PREFIX)) return Promise.resolve(false);
  return transact(now, async ({ settings, state }) => {
    const open = state.openReminders[id];
    const { [id]: _done, ...rest } = state.openReminders;
    await browser.notifications.clear(id);
    // An entry lost with old state: the id still says which kind it was.
    const kind = open?.kind ?? (id === reminderId('backup') ? 'backup' : 'follow-up');
    await openReviewPage(reminderPath(kind, open?.reflectionId ?? null));
    const next = replan(settings, { ...state, openReminders: rest, ignoredInARow: 0 }, now);
    return { state: next, result: true };
  });
}
