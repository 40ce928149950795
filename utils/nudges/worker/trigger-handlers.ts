/**
 * The event triggers: back from a break, a listed site left, a page or download that failed,
 * and the optional permissions those need. Each asks `nudgeFor`, which shows a nudge unless
 * quiet hours, snooze, pause, the cap or the cooldown say no. Separate from the schedule
 * because these nudges come from browser events, not from the clock.
 */

import { storage } from '@wxt-dev/storage';
import type { Browser } from 'wxt/browser';
import { browser } from 'wxt/browser';
import { withLock } from '../../core/cross-context-lock-browser';
import type { ReflectionContext, Trigger } from '../../reflections/reflection';
import { updateSettings } from '../../settings/settings-store';
import { type IdleState, idleTransition } from '../idle-break';
import { type OptInTrigger, TRIGGER_PERMISSIONS, withOptIn } from '../nudge-permissions-browser';
import type { NudgeSettings } from '../nudge-settings';
import { type Blocked, mayNudge, recordNudge, replan } from '../schedule';
import { type TrackedTab, tabChanged } from '../site-tracking';
import { isOwnDownload } from './backup-handlers';
import { deliverInTurn } from './nudge-delivery';
import { load, transact } from './nudge-transaction';

/** Tabs showing a listed site: `session:` because it only matters while the browser runs. */
export const siteTabsItem = storage.defineItem<Record<string, TrackedTab>>('session:siteTabs', {
  fallback: {},
});

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
  // The extension's own backup files are not the person's downloads: their failures are
  // the backup's to report (backup-handlers.ts), once, in its own words.
  if (isOwnDownload(item)) return 'off';
  const name = item?.filename?.split(/[\\/]/).pop();
  const context = { ...(name ? { title: name } : {}), ...(item?.url ? { url: item.url } : {}) };
  return nudgeFor('download-error', context, (s) => s.failure.downloads, now);
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
