/**
 * What sync stores on the person's CouchDB server: for each record one document
 * `{ _id, _rev, v, kid, iv, ct }` and nothing else — no word, no date, no tag, no count the
 * record holds. `ct` is AES-256-GCM (WebCrypto) under the lock's data key `kid`; the additional
 * data binds `fail-well|sync|<_id>|<kid>|<v>`, so a ciphertext copied onto another document,
 * relabelled with another key id or another version is refused. The plaintext is padded to a
 * size bucket first, so the server learns a coarse size, not the length of an answer.
 * Pure: WebCrypto only, runs alike in Node.
 */

import { fromBase64, fromUtf8, randomBytes, toBase64, utf8 } from '../lock/bytes';
import { LockError } from '../lock/envelope';
import { type Keyring, parseKeyring } from '../lock/keyring';
import { type PastKey, parsePastKeys } from '../lock/past-keys';

export const SYNC_DOC_VERSION = 1;
/** The server's copy of the lock's keyring (wrapped keys only), for a second device. */
export const KEYRING_DOC_ID = 'fail-well:keyring';
/** Reflections live under their own prefix, so no id of ours meets the keyring or `_design/`. */
const RECORD_PREFIX = 'r:';

export interface SyncDoc {
  _id: string;
  _rev?: string;
  v: typeof SYNC_DOC_VERSION;
  kid: string;
  /** 12 random bytes, base64. */
  iv: string;
  /** The padded plaintext sealed with AES-256-GCM, tag included, base64. */
  ct: string;
}

/** What opening a server document gives: a record's value, or its deletion. */
export type OpenedDoc =
  | { id: string; rev?: string; deleted: false; value: unknown }
  | { id: string; rev?: string; deleted: true };

/**
 * `malformed`: not a document of this shape; `unsupported`: a newer format; `unknown-key`: a
 * key id this device does not hold (rotated elsewhere, or another journal); `tampered`: the
 * ciphertext, its iv or its place was changed (AES-GCM cannot tell which, and none is shown).
 */
export type SyncDocErrorCode = 'malformed' | 'unsupported' | 'unknown-key' | 'tampered';

export class SyncDocError extends Error {
  override name = 'SyncDocError';
  constructor(
    readonly code: SyncDocErrorCode,
    readonly docId?: string,
    cause?: unknown,
  ) {
    super(`Sync document could not be read (${code})`, { cause });
  }
}

/** The server id of a reflection. */
export function docIdOf(reflectionId: string): string {
  return `${RECORD_PREFIX}${reflectionId}`;
}

/** The reflection id of a server id, or null for a document that is not a reflection. */
export function reflectionIdOf(docId: string): string | null {
  return docId.startsWith(RECORD_PREFIX) && docId.length > RECORD_PREFIX.length
    ? docId.slice(RECORD_PREFIX.length)
    : null;
}

const additionalData = (id: string, kid: string, v: number) =>
  utf8(`fail-well|sync|${id}|${kid}|${v}`);

/** Buckets: powers of two from 256 B to 64 KiB, then whole 64 KiB steps (answers are ≤ 5,000 characters each). */
const SMALLEST = 256;
const STEP = 64 * 1024;
const LENGTH_BYTES = 4;

/** The padded size for `length` bytes of plaintext (and its 4-byte length). */
export function bucketSize(length: number): number {
  const needed = length + LENGTH_BYTES;
  if (needed > STEP) return Math.ceil(needed / STEP) * STEP;
  let size = SMALLEST;
  while (size < needed) size *= 2;
  return size;
}

function pad(plain: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(bucketSize(plain.length));
  new DataView(out.buffer).setUint32(0, plain.length);
  out.set(plain, LENGTH_BYTES);
  return out; // the rest stays zero
}

function unpad(padded: Uint8Array, id: string): Uint8Array {
  if (padded.length < LENGTH_BYTES) throw new SyncDocError('tampered', id);
  const length = new DataView(padded.buffer, padded.byteOffset).getUint32(0);
  const end = LENGTH_BYTES + length;
  if (end > padded.length || padded.length !== bucketSize(length)) {
    throw new SyncDocError('tampered', id);
  }
  for (let i = end; i < padded.length; i++) {
    if (padded[i] !== 0) throw new SyncDocError('tampered', id);
  }
  return padded.subarray(LENGTH_BYTES, end);
}

/** Seal `value` (any JSON) as the server document `id`, under the data key `kid`. */
export async function sealDoc(
  id: string,
  value: unknown,
  key: CryptoKey,
  kid: string,
  rev?: string,
): Promise<SyncDoc> {
  const iv = randomBytes(12);
  const ct = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: additionalData(id, kid, SYNC_DOC_VERSION) },
    key,
    pad(utf8(JSON.stringify(value))),
  );
  return {
    _id: id,
    ...(rev ? { _rev: rev } : {}),
    v: SYNC_DOC_VERSION,
    kid,
    iv: toBase64(iv),
    ct: toBase64(new Uint8Array(ct)),
  };
}

const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function bytesOf(text: unknown, id: string): Uint8Array<ArrayBuffer> {
  if (!isText(text)) throw new SyncDocError('malformed', id);
  try {
    return fromBase64(text);
  } catch (error) {
    throw new SyncDocError('malformed', id, error);
  }
}

/**
 * Open a document as the server sent it (a `_changes` row's `doc`). Keys come by id from
 * `keyFor`; nothing is returned unless the whole document checks out.
 */
export async function openDoc(
  raw: unknown,
  keyFor: (kid: string) => CryptoKey | undefined,
): Promise<OpenedDoc> {
  if (!isObject(raw) || !isText(raw._id)) throw new SyncDocError('malformed');
  const id = raw._id;
  const rev = isText(raw._rev) ? raw._rev : undefined;
  if (raw._rev !== undefined && rev === undefined) throw new SyncDocError('malformed', id);
  // A deletion carries no content: CouchDB keeps only its id and revision.
  if (raw._deleted === true) return { id, ...(rev ? { rev } : {}), deleted: true };
  if (typeof raw.v !== 'number') throw new SyncDocError('malformed', id);
  if (raw.v !== SYNC_DOC_VERSION) throw new SyncDocError('unsupported', id);
  if (!isText(raw.kid)) throw new SyncDocError('malformed', id);
  const iv = bytesOf(raw.iv, id);
  const ct = bytesOf(raw.ct, id);
  if (iv.length !== 12 || ct.length < 16 + SMALLEST) throw new SyncDocError('malformed', id);
  const key = keyFor(raw.kid);
  if (!key) throw new SyncDocError('unknown-key', id);
  let padded: Uint8Array;
  try {
    padded = new Uint8Array(
      await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv, additionalData: additionalData(id, raw.kid, raw.v) },
        key,
        ct,
      ),
    );
  } catch (error) {
    throw new SyncDocError('tampered', id, error);
  }
  try {
    const value: unknown = JSON.parse(fromUtf8(unpad(padded, id)));
    return { id, ...(rev ? { rev } : {}), deleted: false, value };
  } catch (error) {
    if (error instanceof SyncDocError) throw error;
    throw new SyncDocError('tampered', id, error);
  }
}

/**
 * The keyring as a server document: wrapped keys and the public key only, never a key in the
 * clear, and the journal's earlier keys sealed with the current one (utils/lock/past-keys.ts),
 * so a document still under an earlier key opens, and a device on that key learns it changed.
 */
export function keyringDoc(
  keyring: Keyring,
  past: readonly PastKey[] = [],
  rev?: string,
): { _id: string } & Record<string, unknown> {
  return { _id: KEYRING_DOC_ID, ...(rev ? { _rev: rev } : {}), keyring, past };
}

/** What the server's keyring document holds. */
export interface ServerKeyring {
  keyring: Keyring;
  past: PastKey[];
  rev?: string;
}

/** The keyring a server document holds, checked like the stored one; `malformed` otherwise. */
export function parseKeyringDoc(raw: unknown): ServerKeyring {
  if (!isObject(raw) || raw._id !== KEYRING_DOC_ID) throw new SyncDocError('malformed');
  let keyring: Keyring | null;
  let past: PastKey[];
  try {
    keyring = parseKeyring(raw.keyring);
    past = parsePastKeys(raw.past);
  } catch (error) {
    const newer = error instanceof LockError && error.code === 'unsupported';
    throw new SyncDocError(newer ? 'unsupported' : 'malformed', KEYRING_DOC_ID, error);
  }
  if (!keyring) throw new SyncDocError('malformed', KEYRING_DOC_ID);
  return { keyring, past, ...(isText(raw._rev) ? { rev: raw._rev } : {}) };
}
