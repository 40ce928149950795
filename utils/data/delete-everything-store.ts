/**
 * "Delete everything": nothing the person wrote or visited stays on this device. Reflections
 * (and every other IndexedDB store), then all of the extension's local and session storage —
 * draft, check-ins, nudge state with its page URLs, titles and selections, the badge reminder,
 * the tabs of listed sites, the last export time —, the settings (back to their defaults, in
 * every browser that syncs them), the heartbeat in `storage.sync`, the badge, any notification
 * still showing, the popup's start hint in this page's `localStorage`, and sync's connection
 * with the host permission it was given (the copy on the person's own server is theirs to
 * delete there: this device can no longer read or reach it).
 */
import { browser } from 'wxt/browser';
import { withLock } from '../core/cross-context-lock-browser';
import { LOCK_HINT_KEY } from '../lock/lock-hint';
import { deleteEverything } from '../reflections/db-bulk-store';
import { settingsItem } from '../settings/settings-store';
import { parseServerAddress } from '../sync/server-address';
import { readSyncConfig } from '../sync/sync-config-store';
import { clearHeartbeat } from './heartbeat-store';

/**
 * popup-start.ts's `POPUP_START_KEY`, written out: importing that module here moves it into a
 * chunk shared with the options page, which pushed the popup's start past its 15 KB budget.
 * tests/utils/delete-everything.test.ts seeds the real key and checks it is gone.
 */
const POPUP_START_KEY = 'fail-well:popup-start';

/**
 * Clear everything listed above; `pageStorage` is the page's `localStorage` (the popup shares
 * the extension's origin, so its start hint lives there too). Returns how many reflections
 * were removed.
 */
export function deleteAllData(pageStorage?: Pick<Storage, 'removeItem'>): Promise<number> {
  // Not while a sync run writes: a page it pulled would bring part of the journal back.
  return withLock('fail-well:sync', () => deleteUnderSyncLock(pageStorage));
}

async function deleteUnderSyncLock(pageStorage?: Pick<Storage, 'removeItem'>): Promise<number> {
  const server = await readSyncConfig();
  // The reflections first: they matter most, and a failure here leaves the rest untouched
  // and is reported, so the person can try again.
  const removed = await deleteEverything();
  // Whole areas rather than a list of keys, so a key added later cannot be forgotten here.
  // Under the locks of what lives there (in the order every other writer takes them), so a
  // worker handler or a popup that read the old state cannot write it back afterwards.
  await withLock('fail-well:nudge-state', () =>
    withLock('fail-well:settings', () =>
      withLock('fail-well:draft', async () => {
        await browser.storage.local.clear();
        await browser.storage.session.clear();
        await settingsItem.removeValue({ removeMeta: true });
        // Else the next page would offer to rescue a journal the person chose to delete.
        await clearHeartbeat();
      }),
    ),
  );
  await browser.action.setBadgeText({ text: '' });
  const shown = await browser.notifications.getAll();
  await Promise.all(Object.keys(shown).map((id) => browser.notifications.clear(id)));
  pageStorage?.removeItem(POPUP_START_KEY);
  pageStorage?.removeItem(LOCK_HINT_KEY);
  const host = server && parseServerAddress(server.dbUrl);
  if (host?.ok) await browser.permissions.remove({ origins: [host.address.permission] });
  return removed;
}
