/**
 * The journal's key was changed on another device ("Change the journal's key"): the server's
 * keyring replaced this device's, which is among its earlier keys. The person enters the
 * journal's passphrase (or the new recovery key); the new keyring becomes this device's lock,
 * what it holds moves under the new key, and its merge bases are marked as hashed with the
 * old one — so nothing changed on either side before the switch is lost or doubled. The
 * switch happens under the `fail-well:sync` Web Lock: no run sees the new key with the old
 * bases. Returns what to say when it could not (nothing is changed then).
 */
import { withLock } from '../../../../utils/core/cross-context-lock-browser';
import { t } from '../../../../utils/i18n/i18n';
import { fromBase64 } from '../../../../utils/lock/bytes';
import { replaceLock } from '../../../../utils/lock/key-switch-store';
import { type Secret, unlockWith } from '../../../../utils/lock/keyring';
import { readOpeningKeys, readSession } from '../../../../utils/lock/lock-read-store';
import { isPastKey } from '../../../../utils/lock/past-keys';
import { rekeySync } from '../../../../utils/reflections/sync-store';
import { parseServerAddress } from '../../../../utils/sync/server-address';
import type { SyncConfig } from '../../../../utils/sync/sync-config';
import { openPassword } from '../../../../utils/sync/sync-config-store';
import { KEYRING_DOC_ID, parseKeyringDoc } from '../../../../utils/sync/sync-doc';
import { syncKeysFrom } from '../../../../utils/sync/sync-keys';
import { clientFor, requestSync } from './connect';
import { joinProblem, moveUnderNewKey } from './join';

/** Take on the key the journal on `config`'s server was changed to. */
export async function followKeyChange(config: SyncConfig, secret: Secret): Promise<string | null> {
  const address = parseServerAddress(config.dbUrl);
  const [mine, session] = await Promise.all([readOpeningKeys(), readSession()]);
  if (!address.ok || !mine || !session) return t('syncNeedsUnlock');
  try {
    const keys = await syncKeysFrom(fromBase64(session.dataKey), session.kid);
    const client = clientFor(address.address, config.user, await openPassword(config, keys));
    const onServer = await client.getDoc(KEYRING_DOC_ID);
    const theirs = onServer && parseKeyringDoc(onServer);
    // Not a change of this journal's key: another journal, which this device never joins here.
    if (!theirs || !isPastKey(theirs.past, mine.kid)) return t('syncProblemUnknownKey');
    const next = await unlockWith(theirs.keyring, secret);
    await withLock('fail-well:sync', async () => {
      await replaceLock(theirs.keyring, next, mine, Date.now(), theirs.past);
      await rekeySync(mine.kid, false);
    });
  } catch (error) {
    return joinProblem(error, secret);
  }
  await moveUnderNewKey();
  await requestSync();
  return null;
}
