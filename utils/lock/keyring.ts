/**
 * The lock's key ladder, all WebCrypto:
 *
 *   passphrase ──PBKDF2-SHA-256, 600,000 rounds──▶ KEK ─┐
 *   recovery key (160 random bits) ──HKDF-SHA-256──▶ KEK ─┴─ AES-GCM wrap ─▶ data key (AES-256)
 *   data key ── AES-GCM wrap ─▶ private key (ECDH P-256, PKCS#8)
 *   public key: stored in the clear, so writing never needs the passphrase.
 *
 * The keyring (what this file makes) lives in extension storage; it holds no key in the clear
 * except the public one. Changing the passphrase re-wraps the data key only — no record is
 * touched, so it is instant at any journal size. The recovery key unwraps the same data key,
 * which is how it resets a forgotten passphrase. Pure: runs alike in Node.
 */
import { fromBase64, randomBytes, toBase64, utf8 } from './bytes';
import { LockError, type OpeningKeys, type SealingKey } from './envelope';
import { formatRecoveryKey, parseRecoveryKey, RECOVERY_KEY_BYTES } from './recovery-key';

export const KEYRING_VERSION = 1;
/** OWASP's 2023 floor for PBKDF2-HMAC-SHA-256. */
export const PBKDF2_ITERATIONS = 600_000;

interface Wrapped {
  iv: string;
  ct: string;
}

/** The stored keyring: version, key id, the public key, and the wrapped secrets. */
export interface Keyring {
  v: 1;
  kid: string;
  createdAt: number;
  /** Raw P-256 public key, base64. */
  publicKey: string;
  /** The private key sealed with the data key. */
  privateKey: Wrapped;
  byPassphrase: Wrapped & { kdf: 'PBKDF2-SHA-256'; iterations: number; salt: string };
  byRecoveryKey: Wrapped & { kdf: 'HKDF-SHA-256'; salt: string };
}

/** A new keyring, the keys it opens, and the recovery key to show once. */
export interface NewKeyring {
  keyring: Keyring;
  keys: OpeningKeys;
  recoveryKey: string;
}

const AES = { name: 'AES-GCM', length: 256 } as const;
const ad = (kid: string, slot: string) =>
  utf8(`fail-well|keyring v${KEYRING_VERSION}|${kid}|${slot}`);

async function passphraseKek(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
) {
  const base = await crypto.subtle.importKey(
    'raw',
    utf8(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    base,
    AES,
    false,
    ['encrypt', 'decrypt'],
  );
}

async function recoveryKek(secret: Uint8Array<ArrayBuffer>, salt: Uint8Array<ArrayBuffer>) {
  const base = await crypto.subtle.importKey('raw', secret, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt, info: utf8('fail-well recovery key v1') },
    base,
    AES,
    false,
    ['encrypt', 'decrypt'],
  );
}

async function wrap(
  key: CryptoKey,
  data: Uint8Array<ArrayBuffer>,
  aad: Uint8Array<ArrayBuffer>,
): Promise<Wrapped> {
  const iv = randomBytes(12);
  const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad }, key, data);
  return { iv: toBase64(iv), ct: toBase64(new Uint8Array(ct)) };
}

async function unwrap(
  key: CryptoKey,
  wrapped: Wrapped,
  aad: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  const plain = await crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: fromBase64(wrapped.iv), additionalData: aad },
    key,
    fromBase64(wrapped.ct),
  );
  return new Uint8Array(plain);
}

/** The data key from its raw bytes (extractable: the session copy is its raw form). */
export function importDataKey(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw, AES, true, ['encrypt', 'decrypt']);
}

/** The raw bytes of the data key, for the session copy. */
export async function exportDataKey(key: CryptoKey): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.exportKey('raw', key));
}

/** Both reading keys from the data key: unwraps the private key stored in the keyring. */
export async function openingKeysFrom(keyring: Keyring, dataKey: CryptoKey): Promise<OpeningKeys> {
  try {
    const pkcs8 = await unwrap(dataKey, keyring.privateKey, ad(keyring.kid, 'private-key'));
    const privateKey = await crypto.subtle.importKey(
      'pkcs8',
      pkcs8,
      { name: 'ECDH', namedCurve: 'P-256' },
      false,
      ['deriveBits'],
    );
    return { kid: keyring.kid, dataKey, privateKey };
  } catch (error) {
    throw new LockError('unreadable', error);
  }
}

/** The key anyone may seal to. */
export async function sealingKeyOf(
  keyring: Pick<Keyring, 'kid' | 'publicKey'>,
): Promise<SealingKey> {
  const publicKey = await crypto.subtle.importKey(
    'raw',
    fromBase64(keyring.publicKey),
    { name: 'ECDH', namedCurve: 'P-256' },
    false,
    [],
  );
  return { kid: keyring.kid, publicKey };
}

async function wrapForPassphrase(
  kid: string,
  rawDataKey: Uint8Array<ArrayBuffer>,
  passphrase: string,
  iterations: number,
) {
  const salt = randomBytes(16);
  const kek = await passphraseKek(passphrase, salt, iterations);
  const wrapped = await wrap(kek, rawDataKey, ad(kid, 'passphrase'));
  return { kdf: 'PBKDF2-SHA-256' as const, iterations, salt: toBase64(salt), ...wrapped };
}

/** Make a keyring for `passphrase`: new data key, key pair and recovery key. */
export async function createKeyring(
  passphrase: string,
  now: number,
  iterations: number = PBKDF2_ITERATIONS,
): Promise<NewKeyring> {
  const kid = toBase64(randomBytes(9)).replace(/[+/]/g, '_');
  const rawDataKey = randomBytes(32);
  const dataKey = await importDataKey(rawDataKey);
  const pair = (await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, [
    'deriveBits',
  ])) as CryptoKeyPair;
  const publicKey = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  const recovery = randomBytes(RECOVERY_KEY_BYTES);
  const recoverySalt = randomBytes(16);
  const keyring: Keyring = {
    v: 1,
    kid,
    createdAt: now,
    publicKey: toBase64(publicKey),
    privateKey: await wrap(dataKey, pkcs8, ad(kid, 'private-key')),
    byPassphrase: await wrapForPassphrase(kid, rawDataKey, passphrase, iterations),
    byRecoveryKey: {
      kdf: 'HKDF-SHA-256',
      salt: toBase64(recoverySalt),
      ...(await wrap(await recoveryKek(recovery, recoverySalt), rawDataKey, ad(kid, 'recovery'))),
    },
  };
  return {
    keyring,
    keys: await openingKeysFrom(keyring, dataKey),
    recoveryKey: formatRecoveryKey(recovery),
  };
}

/** The reading keys for the right passphrase; `LockError('unreadable')` for a wrong one. */
export async function unlockWithPassphrase(
  keyring: Keyring,
  passphrase: string,
): Promise<OpeningKeys> {
  const { salt, iterations } = keyring.byPassphrase;
  const kek = await passphraseKek(passphrase, fromBase64(salt), iterations);
  let raw: Uint8Array<ArrayBuffer>;
  try {
    raw = await unwrap(kek, keyring.byPassphrase, ad(keyring.kid, 'passphrase'));
  } catch (error) {
    throw new LockError('unreadable', error);
  }
  return openingKeysFrom(keyring, await importDataKey(raw));
}

/** The reading keys for the recovery key; `LockError('unreadable')` when it does not match. */
export async function unlockWithRecoveryKey(keyring: Keyring, text: string): Promise<OpeningKeys> {
  const secret = parseRecoveryKey(text);
  if (!secret) throw new LockError('malformed');
  const kek = await recoveryKek(secret, fromBase64(keyring.byRecoveryKey.salt));
  let raw: Uint8Array<ArrayBuffer>;
  try {
    raw = await unwrap(kek, keyring.byRecoveryKey, ad(keyring.kid, 'recovery'));
  } catch (error) {
    throw new LockError('unreadable', error);
  }
  return openingKeysFrom(keyring, await importDataKey(raw));
}

/** A passphrase or the recovery key, as the person typed it. */
export type Secret = { passphrase: string } | { recoveryKey: string };

/** The reading keys for either secret; `LockError` when it does not open `keyring`. */
export function unlockWith(keyring: Keyring, secret: Secret): Promise<OpeningKeys> {
  return 'passphrase' in secret
    ? unlockWithPassphrase(keyring, secret.passphrase)
    : unlockWithRecoveryKey(keyring, secret.recoveryKey);
}

/** The same keyring with the data key wrapped for a new passphrase (nothing else changes). */
export async function changePassphrase(
  keyring: Keyring,
  keys: OpeningKeys,
  passphrase: string,
  iterations: number = keyring.byPassphrase.iterations,
): Promise<Keyring> {
  const raw = await exportDataKey(keys.dataKey);
  return {
    ...keyring,
    byPassphrase: await wrapForPassphrase(keyring.kid, raw, passphrase, iterations),
  };
}

const text = (v: unknown): v is string => typeof v === 'string' && v !== '';
const wrapped = (v: unknown): v is Wrapped =>
  typeof v === 'object' && v !== null && text((v as Wrapped).iv) && text((v as Wrapped).ct);

/** A stored keyring, checked; null when there is none; `LockError` when it is broken or newer. */
export function parseKeyring(raw: unknown): Keyring | null {
  if (raw === null || raw === undefined) return null;
  const r = raw as Partial<Keyring>;
  if (typeof r.v === 'number' && r.v > KEYRING_VERSION) throw new LockError('unsupported');
  const pass = r.byPassphrase;
  const rec = r.byRecoveryKey;
  const ok =
    r.v === 1 &&
    text(r.kid) &&
    typeof r.createdAt === 'number' &&
    text(r.publicKey) &&
    wrapped(r.privateKey) &&
    wrapped(pass) &&
    pass.kdf === 'PBKDF2-SHA-256' &&
    Number.isInteger(pass.iterations) &&
    pass.iterations >= 100_000 &&
    text(pass.salt) &&
    wrapped(rec) &&
    rec.kdf === 'HKDF-SHA-256' &&
    text(rec.salt);
  if (!ok) throw new LockError('malformed');
  return r as Keyring;
}
