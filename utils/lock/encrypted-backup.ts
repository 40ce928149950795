/**
 * The encrypted backup: what a JSON export becomes while the lock is on. The whole plain
 * export (utils/data/export.ts, any of its versions) is sealed as one envelope with the data
 * key, beside a copy of the keyring, so the same passphrase — or the recovery key — opens the
 * file on any device, and nothing else does:
 *
 *   { "format": "fail-well-encrypted-backup", "version": 1, "createdAt": <ms>,
 *     "keyring": <utils/lock/keyring.ts Keyring>, "payload": <dk envelope, place "backup"> }
 *
 * Opening checks the keyring, unwraps the data key with the secret and opens the payload,
 * whose additional data binds it to this format and key id: a flipped byte or a payload moved
 * under another keyring is refused with a clear error, never imported half. Pure.
 */
import { isRecord } from '../core/parse';
import {
  LockError,
  type OpeningKeys,
  openEnvelope,
  parseEnvelope,
  sealWithDataKey,
} from './envelope';
import { type Keyring, parseKeyring, unlockWithPassphrase, unlockWithRecoveryKey } from './keyring';

export const ENCRYPTED_BACKUP_FORMAT = 'fail-well-encrypted-backup';
export const ENCRYPTED_BACKUP_VERSION = 1;
const PLACE = 'backup';

/** Seal the text of a plain JSON export into an encrypted backup file's text. */
export async function sealBackup(
  plainExport: string,
  keyring: Keyring,
  keys: OpeningKeys,
  now: number,
): Promise<string> {
  const payload = await sealWithDataKey(keys, PLACE, plainExport);
  return JSON.stringify({
    format: ENCRYPTED_BACKUP_FORMAT,
    version: ENCRYPTED_BACKUP_VERSION,
    createdAt: now,
    keyring,
    payload,
  });
}

/** Whether parsed JSON is an encrypted backup (of any version), so import asks for a secret. */
export function isEncryptedBackup(parsed: unknown): boolean {
  return isRecord(parsed) && parsed.format === ENCRYPTED_BACKUP_FORMAT;
}

/**
 * The plain export inside an encrypted backup, opened with the passphrase or recovery key it
 * was made with. Throws `LockError`: `unreadable` for a wrong secret or a changed file,
 * `unsupported` for a newer version, `malformed` for a broken one.
 */
export async function openBackup(
  parsed: unknown,
  secret: { passphrase: string } | { recoveryKey: string },
): Promise<string> {
  if (!isRecord(parsed) || parsed.format !== ENCRYPTED_BACKUP_FORMAT) {
    throw new LockError('malformed');
  }
  if (typeof parsed.version === 'number' && parsed.version > ENCRYPTED_BACKUP_VERSION) {
    throw new LockError('unsupported');
  }
  if (parsed.version !== ENCRYPTED_BACKUP_VERSION) throw new LockError('malformed');
  const keyring = parseKeyring(parsed.keyring);
  if (!keyring) throw new LockError('malformed');
  const payload = parseEnvelope(parsed.payload);
  if (payload.f !== 'dk') throw new LockError('malformed');
  const keys =
    'passphrase' in secret
      ? await unlockWithPassphrase(keyring, secret.passphrase)
      : await unlockWithRecoveryKey(keyring, secret.recoveryKey);
  const plain = await openEnvelope(keys, PLACE, payload);
  if (typeof plain !== 'string') throw new LockError('malformed');
  return plain;
}
