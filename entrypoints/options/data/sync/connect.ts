/**
 * Connecting a server from the Data section: the host permission asked for in the click, the
 * connection tested, the password sealed under sync's key, the whole journal queued and the
 * background asked to run. Returns what to say when it could not (nothing is saved then).
 */
import { browser } from 'wxt/browser';
import { t } from '../../../../utils/i18n/i18n';
import { fromBase64 } from '../../../../utils/lock/bytes';
import { readSession } from '../../../../utils/lock/lock-read-store';
import { queueEverything } from '../../../../utils/reflections/sync-store';
import { SyncHttpError } from '../../../../utils/sync/couch-errors';
import type { ServerAddress } from '../../../../utils/sync/server-address';
import { serverClient } from '../../../../utils/sync/server-client';
import { saveSyncConfig, sealPassword } from '../../../../utils/sync/sync-config-store';
import { httpProblem } from '../../../../utils/sync/sync-http-messages';
import { syncKeysFrom } from '../../../../utils/sync/sync-keys';
import type { SyncNowRequest } from '../../../../utils/sync/worker/sync-runner';

/**
 * Firefox asks, with the host, for the data collection its manifest declares as optional
 * (wxt.config.ts): what sync sends holds pages' titles, addresses and chosen text.
 */
export const FIREFOX_DATA = (
  import.meta.env.FIREFOX ? { data_collection: ['browsingActivity', 'websiteContent'] } : {}
) as Record<string, never>;

/** Ask the background to sync now (it owns the runs); a sleeping worker is woken by this. */
export function requestSync(allowDeletes = false): Promise<unknown> {
  const request: SyncNowRequest = { type: 'fail-well:sync-now', allowDeletes };
  return browser.runtime.sendMessage(request).catch(() => undefined);
}

/** Ask for the host permission for exactly this server: first thing in the click (a gesture). */
export function askForServer(address: ServerAddress): Promise<boolean> {
  return browser.permissions
    .request({ origins: [address.permission], ...FIREFOX_DATA })
    .catch(() => false);
}

/**
 * Connect `address`. Call straight from the click: the permission prompt needs the gesture,
 * so nothing is awaited before it. Resolves to null when connected, else the words to show.
 */
export async function connect(
  address: ServerAddress,
  user: string,
  password: string,
): Promise<string | null> {
  if (!(await askForServer(address))) return t('syncRefused');
  return connectGranted(address, user, password);
}

/** Connect once the permission is held: test, seal the password, queue the journal, run. */
export async function connectGranted(
  address: ServerAddress,
  user: string,
  password: string,
): Promise<string | null> {
  try {
    await clientFor(address, user, password).testConnection();
  } catch (error) {
    if (error instanceof SyncHttpError) return httpProblem(error.code);
    throw error;
  }
  const session = await readSession();
  if (!session) return t('syncNeedsUnlock');
  const keys = await syncKeysFrom(fromBase64(session.dataKey), session.kid);
  // The journal is queued before sync counts as connected: a tab closed while 100,000
  // entries are written (about 20 s) leaves it not connected, to try again, never connected
  // with nothing to send.
  await queueEverything();
  await saveSyncConfig({
    dbUrl: address.dbUrl,
    user,
    password: await sealPassword(password, keys),
    paused: false,
  });
  void requestSync();
  return null;
}

/** A client for the page's own requests (testing and joining). */
export function clientFor(address: ServerAddress, user: string, password: string) {
  return serverClient(address.dbUrl, user, password);
}
