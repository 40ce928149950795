/**
 * A second device joining a journal that is already on the server: the host permission asked
 * for in the click, the connection tested, the server's keyring opened with that journal's
 * passphrase (or its recovery key) and taken on as this device's lock, so the same keys read
 * and seal on both; then connected as `connect` does. What this device already holds moves
 * under those keys: sealed, when it had no lock, or moved from its own lock's key, which is
 * kept (sealed with the new one) until nothing is left under it. Returns what to say when it
 * could not (nothing is kept then).
 */
import { resealDraft } from '../../../../utils/capture/draft-reseal-store';
import { t } from '../../../../utils/i18n/i18n';
import { LockError } from '../../../../utils/lock/envelope';
import { KeyMoveUnderWay, replaceLock } from '../../../../utils/lock/key-switch-store';
import { type Secret, unlockWith } from '../../../../utils/lock/keyring';
import { runMigration, startMigration } from '../../../../utils/lock/lock-migration-store';
import { readKeyring, readOpeningKeys } from '../../../../utils/lock/lock-read-store';
import { adoptLock } from '../../../../utils/lock/lock-store';
import { SyncHttpError } from '../../../../utils/sync/couch-errors';
import type { ServerAddress } from '../../../../utils/sync/server-address';
import { KEYRING_DOC_ID, parseKeyringDoc, SyncDocError } from '../../../../utils/sync/sync-doc';
import { httpProblem } from '../../../../utils/sync/sync-http-messages';
import { askForServer, clientFor, connectGranted } from './connect';

/**
 * A popup that read this device's own lock just before the switch may still save under it:
 * the records are moved only after that moment has passed (as switching the lock off waits).
 */
const SETTLE_MS = 1500;

/** Move what this device holds under the key it just took on (after the settle). */
export async function moveUnderNewKey(): Promise<void> {
  await startMigration('seal');
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  await resealDraft();
  await runMigration('seal');
}

/** What to say when the server or the secret refused a join (or a key change taken on). */
export function joinProblem(error: unknown, secret: Secret): string {
  if (error instanceof SyncHttpError) return httpProblem(error.code);
  if (error instanceof LockError) {
    if (!('recoveryKey' in secret)) return t('syncJoinWrongPassphrase');
    return t(error.code === 'malformed' ? 'unlockRecoveryMalformed' : 'unlockRecoveryWrong');
  }
  if (error instanceof SyncDocError) return t('syncProblemUnsupported');
  if (error instanceof KeyMoveUnderWay) return t('lockChangeKeyWait');
  throw error;
}

/** Join the journal at `address`. Call straight from the click. */
export async function join(
  address: ServerAddress,
  user: string,
  password: string,
  secret: Secret,
): Promise<string | null> {
  if (!(await askForServer(address))) return t('syncRefused');
  try {
    const client = clientFor(address, user, password);
    await client.testConnection();
    const onServer = await client.getDoc(KEYRING_DOC_ID);
    if (!onServer) return t('syncJoinNothingThere');
    const { keyring, past } = parseKeyringDoc(onServer);
    const keys = await unlockWith(keyring, secret);
    const own = await readKeyring();
    if (!own) {
      await adoptLock(keyring, keys, Date.now(), past);
      await startMigration('seal');
      await runMigration('seal');
    } else if (own.kid !== keyring.kid) {
      // Its own lock, which must be open: what it holds is read with it, then moved.
      const mine = await readOpeningKeys();
      if (!mine) return t('syncNeedsUnlock');
      await replaceLock(keyring, keys, mine, Date.now(), past);
      await moveUnderNewKey();
    }
    // Else this device already holds that journal's lock (it joined before): just connect.
  } catch (error) {
    return joinProblem(error, secret);
  }
  return connectGranted(address, user, password);
}
