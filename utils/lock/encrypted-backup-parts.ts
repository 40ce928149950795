/**
 * The encrypted backup, version 2: the plain export sealed piece by piece as it is written,
 * so a journal of 100,000 reflections is never one giant string (version 1,
 * encrypted-backup.ts, seals the whole text at once: at 100,000 reflections that measured
 * about 1 GB more peak memory and 4 s more than the plain export, with the page frozen while
 * it encoded). The file:
 *
 *   { "format": "fail-well-encrypted-backup", "version": 2, "createdAt": <ms>,
 *     "id": <16 random bytes, base64>, "keyring": <Keyring>, "parts": [<dk envelope>, …] }
 *
 * Joined in order, the parts' plaintexts are the plain export. Part i is sealed for the place
 * `backup/<id>/<i>`, the last one for `backup/<id>/<i>/last`, so a part moved, dropped,
 * repeated or taken from another backup — and a file cut after any part — does not open.
 * Reading checks every part before returning any text. Pure.
 */
import { isRecord } from '../core/parse';
import { randomBytes, toBase64 } from './bytes';
import { ENCRYPTED_BACKUP_FORMAT, openBackup } from './encrypted-backup';
import {
  type DataKeyEnvelope,
  LockError,
  type OpeningKeys,
  openEnvelope,
  parseEnvelope,
  sealWithDataKey,
} from './envelope';
import { type Keyring, parseKeyring, unlockWithPassphrase, unlockWithRecoveryKey } from './keyring';
import { openSealedBackup, SEALED_BACKUP_VERSION } from './sealed-backup';

export const BACKUP_PARTS_VERSION = 2;

const place = (id: string, index: number, last: boolean) =>
  `backup/${id}/${index}${last ? '/last' : ''}`;

/** Writes a version 2 backup: `start()`, then `part(text)` for each piece, then `end(text)`. */
export interface BackupSealer {
  /** The file's opening, up to its list of parts. */
  start(): string;
  /** One piece of the plain export, sealed, as the file holds it. */
  part(plain: string): Promise<string>;
  /** The last piece, sealed as the last, and the file's close. */
  end(plain: string): Promise<string>;
}

/** A writer that seals a plain export piece by piece into a version 2 encrypted backup. */
export function backupSealer(keyring: Keyring, keys: OpeningKeys, now: number): BackupSealer {
  const id = toBase64(randomBytes(16));
  let index = 0;
  const seal = async (plain: string, last: boolean) => {
    const envelope = await sealWithDataKey(keys, place(id, index, last), plain);
    const text = `${index === 0 ? '' : ','}\n${JSON.stringify(envelope)}`;
    index++;
    return text;
  };
  return {
    start() {
      const head = JSON.stringify({
        format: ENCRYPTED_BACKUP_FORMAT,
        version: BACKUP_PARTS_VERSION,
        createdAt: now,
        id,
        keyring,
      });
      return `${head.slice(0, -1)},"parts":[`;
    },
    part: (plain) => seal(plain, false),
    end: async (plain) => `${await seal(plain, true)}\n]}\n`,
  };
}

/** The dk envelopes of a version 2 backup, checked; `LockError('malformed')` when broken. */
function partsOf(parsed: Record<string, unknown>): DataKeyEnvelope[] {
  if (!Array.isArray(parsed.parts) || parsed.parts.length === 0) throw new LockError('malformed');
  return parsed.parts.map((raw) => {
    const envelope = parseEnvelope(raw);
    if (envelope.f !== 'dk') throw new LockError('malformed');
    return envelope;
  });
}

/**
 * The plain export inside an encrypted backup of any version (3: an automatic backup of a
 * locked journal, utils/lock/sealed-backup.ts), opened with the passphrase
 * or recovery key it was made with. Throws `LockError` like `openBackup`: `unreadable` for a
 * wrong secret or a changed, cut or reordered file, `unsupported` for a newer version.
 */
export async function openAnyBackup(
  parsed: unknown,
  secret: { passphrase: string } | { recoveryKey: string },
): Promise<string> {
  const version = isRecord(parsed) ? parsed.version : null;
  if (
    !isRecord(parsed) ||
    (version !== BACKUP_PARTS_VERSION && version !== SEALED_BACKUP_VERSION)
  ) {
    return openBackup(parsed, secret);
  }
  if (parsed.format !== ENCRYPTED_BACKUP_FORMAT) throw new LockError('malformed');
  const keyring = parseKeyring(parsed.keyring);
  if (!keyring) throw new LockError('malformed');
  const unlockKeys = () =>
    'passphrase' in secret
      ? unlockWithPassphrase(keyring, secret.passphrase)
      : unlockWithRecoveryKey(keyring, secret.recoveryKey);
  if (version === SEALED_BACKUP_VERSION) return openSealedBackup(parsed, await unlockKeys());
  const id = parsed.id;
  if (typeof id !== 'string' || id === '') throw new LockError('malformed');
  const parts = partsOf(parsed);
  const keys = await unlockKeys();
  const texts: string[] = [];
  for (const [index, envelope] of parts.entries()) {
    const plain = await openEnvelope(keys, place(id, index, index === parts.length - 1), envelope);
    if (typeof plain !== 'string') throw new LockError('malformed');
    texts.push(plain);
  }
  return texts.join('');
}
