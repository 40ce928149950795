/**
 * Sync's keys, derived from the lock's data key with HKDF-SHA-256: one AES-256-GCM key for
 * the server's documents and one HMAC key for the merge's field hashes. Separate labels keep
 * each key to one use, and a device that unlocks with the same passphrase derives the same
 * keys. Pure: WebCrypto only.
 */
import { utf8 } from '../lock/bytes';

/** The keys one sync run works with. */
export interface SyncKeys {
  /** The lock's key id: documents sealed now carry it. */
  kid: string;
  docKey: CryptoKey;
  hashKey: CryptoKey;
  /** The journal's earlier keys' sync keys, by key id (after "Change the journal's key"). */
  past?: ReadonlyMap<string, PastSyncKeys>;
}

/** An earlier key's: to open what is still under it, and to compare with bases hashed with it. */
export type PastSyncKeys = Pick<SyncKeys, 'docKey' | 'hashKey'>;

// Labels bound into the derivation: changing one changes every key (a new format version).
const DOC_INFO = 'fail-well/sync-doc/v1';
const HASH_INFO = 'fail-well/sync-hash/v1';

/** Derive sync's keys from the raw data key `kid` (32 bytes, as the unlocked session holds it). */
export async function syncKeysFrom(
  dataKey: Uint8Array<ArrayBuffer>,
  kid: string,
): Promise<SyncKeys> {
  const base = await crypto.subtle.importKey('raw', dataKey, 'HKDF', false, ['deriveKey']);
  const hkdf = (info: string) => ({
    name: 'HKDF',
    hash: 'SHA-256',
    salt: new Uint8Array(32),
    info: utf8(info),
  });
  const [docKey, hashKey] = await Promise.all([
    crypto.subtle.deriveKey(hkdf(DOC_INFO), base, { name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]),
    crypto.subtle.deriveKey(
      hkdf(HASH_INFO),
      base,
      { name: 'HMAC', hash: 'SHA-256', length: 256 },
      false,
      ['sign'],
    ),
  ]);
  return { kid, docKey, hashKey };
}
