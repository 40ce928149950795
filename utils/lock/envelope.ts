/**
 * The lock's record format: one versioned envelope per secret part of a record (a
 * reflection's words, a follow-up note, the draft). Two forms:
 *
 * - `pk` — sealed to the journal's public key: a fresh ECDH P-256 key pair per envelope,
 *   HKDF-SHA-256 over the shared secret, AES-256-GCM. Anyone holding the public key can write
 *   (the popup and the background, while the journal is locked); only the private key reads.
 * - `dk` — sealed with the journal's symmetric data key, AES-256-GCM. What an unlocked page
 *   writes, and what `pk` envelopes are rewritten to after an unlock: opening one is a single
 *   AES-GCM call, where `pk` costs an ECDH agreement — the difference between 0.1 and 3 s
 *   at 100,000 reflections.
 *
 * The additional data binds the format version, the form, the key id and the place the
 * envelope belongs to (`<record id>/<slot>`), so a ciphertext copied onto another record or
 * slot is refused. Plaintext is JSON padded with spaces to a multiple of 256 bytes, so the
 * size of a ciphertext says little about the length of what was written.
 *
 * Only WebCrypto primitives; no hand-written cryptography. Pure: runs alike in Node.
 */
import { fromBase64, fromUtf8, randomBytes, toBase64, utf8 } from './bytes';

export const ENVELOPE_VERSION = 1;
const PAD_TO = 256;
const PK_INFO = utf8('fail-well pk envelope v1');

/** Sealed with the data key. */
export interface DataKeyEnvelope {
  v: 1;
  f: 'dk';
  /** Which keyring sealed it (a new key id after a key rotation). */
  kid: string;
  iv: string;
  ct: string;
}

/** Sealed to the public key; `epk` is the sender's one-time public key (raw, base64). */
export interface PublicKeyEnvelope {
  v: 1;
  f: 'pk';
  kid: string;
  epk: string;
  iv: string;
  ct: string;
}

export type Envelope = DataKeyEnvelope | PublicKeyEnvelope;

/** What writing needs: the public key (kept in the clear beside the keyring). */
export interface SealingKey {
  kid: string;
  publicKey: CryptoKey;
}

/** What reading needs: both keys, in memory only while the journal is unlocked. */
export interface OpeningKeys {
  kid: string;
  dataKey: CryptoKey;
  privateKey: CryptoKey;
}

export type LockErrorCode = 'unreadable' | 'other-key' | 'unsupported' | 'malformed';

/**
 * An envelope could not be opened. `unreadable`: the ciphertext or its place was changed, or
 * it was sealed by another key with the same id — AES-GCM cannot tell those apart, and either
 * way nothing of it is shown. Never returns partial or garbled text.
 */
export class LockError extends Error {
  override name = 'LockError';
  constructor(
    readonly code: LockErrorCode,
    cause?: unknown,
  ) {
    super(`Encrypted entry could not be read (${code})`, { cause });
  }
}

function additionalData(f: Envelope['f'], kid: string, place: string): Uint8Array<ArrayBuffer> {
  return utf8(`fail-well|v${ENVELOPE_VERSION}|${f}|${kid}|${place}`);
}

function pad(value: unknown): Uint8Array<ArrayBuffer> {
  const json = utf8(JSON.stringify(value));
  const padded = new Uint8Array(Math.ceil((json.length + 1) / PAD_TO) * PAD_TO).fill(0x20);
  padded.set(json);
  return padded;
}

function unpad(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(fromUtf8(bytes)); // JSON.parse skips the trailing spaces
  } catch (error) {
    throw new LockError('malformed', error);
  }
}

async function aesKeyFromAgreement(
  privateKey: CryptoKey,
  publicKey: CryptoKey,
  epkRaw: Uint8Array<ArrayBuffer>,
  usage: KeyUsage,
): Promise<CryptoKey> {
  const shared = await crypto.subtle.deriveBits(
    { name: 'ECDH', public: publicKey },
    privateKey,
    256,
  );
  const hkdf = await crypto.subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: epkRaw, info: PK_INFO },
    hkdf,
    { name: 'AES-GCM', length: 256 },
    false,
    [usage],
  );
}

/** Seal `value` (any JSON) for `place` with the data key. */
export async function sealWithDataKey(
  keys: Pick<OpeningKeys, 'kid' | 'dataKey'>,
  place: string,
  value: unknown,
): Promise<DataKeyEnvelope> {
  const iv = randomBytes(12);
  const ct = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: additionalData('dk', keys.kid, place) },
    keys.dataKey,
    pad(value),
  );
  return { v: 1, f: 'dk', kid: keys.kid, iv: toBase64(iv), ct: toBase64(new Uint8Array(ct)) };
}

/** Seal `value` for `place` to the public key: no passphrase, no private key needed. */
export async function sealToPublicKey(
  key: SealingKey,
  place: string,
  value: unknown,
): Promise<PublicKeyEnvelope> {
  const ephemeral = (await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, [
    'deriveBits',
  ])) as CryptoKeyPair;
  const epk = new Uint8Array(await crypto.subtle.exportKey('raw', ephemeral.publicKey));
  const aes = await aesKeyFromAgreement(ephemeral.privateKey, key.publicKey, epk, 'encrypt');
  const iv = randomBytes(12);
  const ct = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: additionalData('pk', key.kid, place) },
    aes,
    pad(value),
  );
  return {
    v: 1,
    f: 'pk',
    kid: key.kid,
    epk: toBase64(epk),
    iv: toBase64(iv),
    ct: toBase64(new Uint8Array(ct)),
  };
}

/**
 * Open an envelope sealed for `place`; throws `LockError`, never returns garbage. A `dk`
 * envelope needs only the data key (`privateKey` may be left out for keys that have none,
 * like the draft's session key).
 */
export async function openEnvelope(
  keys: Pick<OpeningKeys, 'kid' | 'dataKey'> & { privateKey?: CryptoKey },
  place: string,
  envelope: Envelope,
): Promise<unknown> {
  if (envelope.kid !== keys.kid) throw new LockError('other-key');
  if (envelope.f === 'pk' && !keys.privateKey) throw new LockError('other-key');
  const ad = additionalData(envelope.f, envelope.kid, place);
  try {
    const iv = fromBase64(envelope.iv);
    const ct = fromBase64(envelope.ct);
    let aes = keys.dataKey;
    if (envelope.f === 'pk') {
      const epk = fromBase64(envelope.epk);
      const sender = await crypto.subtle.importKey(
        'raw',
        epk,
        { name: 'ECDH', namedCurve: 'P-256' },
        false,
        [],
      );
      aes = await aesKeyFromAgreement(keys.privateKey as CryptoKey, sender, epk, 'decrypt');
    }
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: ad }, aes, ct);
    return unpad(new Uint8Array(plain));
  } catch (error) {
    if (error instanceof LockError) throw error;
    throw new LockError('unreadable', error);
  }
}

const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';

/** Check the shape of a stored envelope; throws `LockError` for a newer or broken one. */
export function parseEnvelope(raw: unknown): Envelope {
  if (typeof raw !== 'object' || raw === null) throw new LockError('malformed');
  const r = raw as Record<string, unknown>;
  if (typeof r.v === 'number' && r.v > ENVELOPE_VERSION) throw new LockError('unsupported');
  if (r.v !== 1 || !isText(r.kid) || !isText(r.iv) || !isText(r.ct)) {
    throw new LockError('malformed');
  }
  if (r.f === 'dk') return { v: 1, f: 'dk', kid: r.kid, iv: r.iv, ct: r.ct };
  if (r.f === 'pk' && isText(r.epk)) {
    return { v: 1, f: 'pk', kid: r.kid, epk: r.epk, iv: r.iv, ct: r.ct };
  }
  throw new LockError('malformed');
}
