/**
 * A journal's previous key, kept while its records are rewritten under a new one: a device
 * with a lock of its own joining a journal synced from another device takes on that journal's
 * keys, and what it already holds moves under them. The old data key is stored sealed with
 * the new one, next to the old keyring (for its private key, which opens what a popup sealed
 * to the old public key). So it opens only while the journal is unlocked with the new secret,
 * a rewrite cut short by a closed browser finishes after the next unlock, and no record is
 * ever left under a key nobody holds. Versioned; AES-GCM bound to its place and both key ids,
 * so a changed or moved copy fails to open. Pure: WebCrypto only.
 */
import { isRecord } from '../core/parse';
import { fromBase64, toBase64 } from './bytes';
import {
  type DataKeyEnvelope,
  LockError,
  type OpeningKeys,
  openEnvelope,
  parseEnvelope,
  sealWithDataKey,
} from './envelope';
import {
  exportDataKey,
  importDataKey,
  type Keyring,
  openingKeysFrom,
  parseKeyring,
} from './keyring';

export const FORMER_KEY_VERSION = 1;

/** The stored former key: its keyring, and its data key sealed with the current data key. */
export interface FormerKey {
  v: 1;
  keyring: Keyring;
  dataKey: DataKeyEnvelope;
}

const place = (formerKid: string) => `lock:former/${formerKid}`;

/** Keep `former` (the keys of `formerKeyring`) readable with `current`. */
export async function sealFormerKey(
  former: OpeningKeys,
  formerKeyring: Keyring,
  current: OpeningKeys,
): Promise<FormerKey> {
  if (former.kid !== formerKeyring.kid) throw new Error("The keys are not this keyring's");
  const raw = toBase64(await exportDataKey(former.dataKey));
  const dataKey = await sealWithDataKey(current, place(former.kid), raw);
  return { v: FORMER_KEY_VERSION, keyring: formerKeyring, dataKey };
}

/** The former key's reading keys, with the current ones; throws `LockError`. */
export async function openFormerKey(stored: FormerKey, current: OpeningKeys): Promise<OpeningKeys> {
  const raw = await openEnvelope(current, place(stored.keyring.kid), stored.dataKey);
  if (typeof raw !== 'string') throw new LockError('malformed');
  return openingKeysFrom(stored.keyring, await importDataKey(fromBase64(raw)));
}

/** A stored former key, checked; null when there is none. Throws `LockError` when newer or broken. */
export function parseFormerKey(raw: unknown): FormerKey | null {
  if (raw === undefined || raw === null) return null;
  if (!isRecord(raw)) throw new LockError('malformed');
  if (typeof raw.v === 'number' && raw.v > FORMER_KEY_VERSION) throw new LockError('unsupported');
  const keyring = parseKeyring(raw.keyring);
  const dataKey = parseEnvelope(raw.dataKey);
  if (raw.v !== FORMER_KEY_VERSION || !keyring || dataKey.f !== 'dk') {
    throw new LockError('malformed');
  }
  return { v: FORMER_KEY_VERSION, keyring, dataKey };
}
