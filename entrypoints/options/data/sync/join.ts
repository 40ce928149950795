/**
 * A second device joining a journal that is already on the server: the host permission asked
 * for in the click, the connection tested, the server's keyring opened with the person's
 * passphrase (or its recovery key) and taken on as this device's lock (so the same keys read and seal both), then
 * connected as `connect` does. Returns what to say when it could not (nothing is kept then).
 */
import { t } from '../../../../utils/i18n/i18n';
import { LockError } from '../../../../utils/lock/envelope';
import { unlockWithPassphrase, unlockWithRecoveryKey } from '../../../../utils/lock/keyring';
import { runMigration, startMigration } from '../../../../utils/lock/lock-migration-store';
import { readKeyring } from '../../../../utils/lock/lock-read-store';
import { adoptLock } from '../../../../utils/lock/lock-store';
import { SyncHttpError } from '../../../../utils/sync/couch-errors';
import type { ServerAddress } from '../../../../utils/sync/server-address';
import { KEYRING_DOC_ID, parseKeyringDoc, SyncDocError } from '../../../../utils/sync/sync-doc';
import { httpProblem } from '../../../../utils/sync/sync-http-messages';
import { askForServer, clientFor, connectGranted } from './connect';

/** What opens the journal on the server: its passphrase, or its recovery key. */
export type JoinSecret = { passphrase: string } | { recoveryKey: string };

/** Join the journal at `address` with its passphrase. Call straight from the click. */
export async function join(
  address: ServerAddress,
  user: string,
  password: string,
  secret: JoinSecret,
): Promise<string | null> {
  if (!(await askForServer(address))) return t('syncRefused');
  try {
    const client = clientFor(address, user, password);
    await client.testConnection();
    const onServer = await client.getDoc(KEYRING_DOC_ID);
    if (!onServer) return t('syncJoinNothingThere');
    const { keyring } = parseKeyringDoc(onServer);
    const keys =
      'recoveryKey' in secret
        ? await unlockWithRecoveryKey(keyring, secret.recoveryKey)
        : await unlockWithPassphrase(keyring, secret.passphrase);
    if (await readKeyring()) return t('syncJoinOwnLock');
    await adoptLock(keyring, keys, Date.now());
    // What this device already holds is sealed under the joined key, like switching it on.
    await startMigration('seal');
    await runMigration('seal');
  } catch (error) {
    if (error instanceof SyncHttpError) return httpProblem(error.code);
    if (error instanceof LockError) {
      if (!('recoveryKey' in secret)) return t('syncJoinWrongPassphrase');
      return t(error.code === 'malformed' ? 'unlockRecoveryMalformed' : 'unlockRecoveryWrong');
    }
    if (error instanceof SyncDocError) return t('syncProblemUnsupported');
    throw error;
  }
  return connectGranted(address, user, password);
}
