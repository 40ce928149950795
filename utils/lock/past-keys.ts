/**
 * The keys a journal had before its key was changed ("Change the journal's key"): each one's
 * data key, sealed with the current data key. They are kept for good, in `storage.local` and
 * beside the keyring on a sync server, because copies sealed under an older key may outlive
 * the change — a document on the server another device sent before it heard of the new key, or
 * the sync password stored under the old one. Anyone holding the current key can open them;
 * nobody else learns anything from them. At each change they are sealed again, so the list only
 * ever needs the current key. Versioned; AES-GCM bound to its place and both key ids, so a
 * changed or relabelled entry fails to open. Pure: WebCrypto only.
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
import { exportDataKey } from './keyring';

export const PAST_KEY_VERSION = 1;

/** One earlier key: its id, and its raw data key sealed with the current data key. */
export interface PastKey {
  v: 1;
  kid: string;
  dataKey: DataKeyEnvelope;
}

/** An earlier key, opened: what sync derives its keys from. */
export interface OpenedPastKey {
  kid: string;
  raw: Uint8Array<ArrayBuffer>;
}

type DataKeyOnly = Pick<OpeningKeys, 'kid' | 'dataKey'>;
const place = (kid: string) => `lock:past/${kid}`;

async function seal(kid: string, raw: Uint8Array<ArrayBuffer>, current: DataKeyOnly) {
  const dataKey = await sealWithDataKey(current, place(kid), toBase64(raw));
  return { v: PAST_KEY_VERSION, kid, dataKey } satisfies PastKey;
}

/** Every past key opened with `current`; throws `LockError` when one will not open. */
export async function openPastKeys(
  past: readonly PastKey[],
  current: DataKeyOnly,
): Promise<OpenedPastKey[]> {
  return Promise.all(
    past.map(async (p) => {
      const raw = await openEnvelope(current, place(p.kid), p.dataKey);
      if (typeof raw !== 'string') throw new LockError('malformed');
      return { kid: p.kid, raw: fromBase64(raw) };
    }),
  );
}

/**
 * The list after a change from `former` to `next`: everything that was past, and `former`
 * itself, all sealed with `next`.
 */
export async function pastKeysAfterChange(
  past: readonly PastKey[],
  former: DataKeyOnly,
  next: DataKeyOnly,
): Promise<PastKey[]> {
  const opened = await openPastKeys(past, former);
  const all = [...opened, { kid: former.kid, raw: await exportDataKey(former.dataKey) }];
  return Promise.all(all.map((p) => seal(p.kid, p.raw, next)));
}

/** A stored or sent list, checked; [] when there is none. Throws `LockError` when newer or broken. */
export function parsePastKeys(raw: unknown): PastKey[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw new LockError('malformed');
  return raw.map((entry) => {
    if (!isRecord(entry)) throw new LockError('malformed');
    if (typeof entry.v === 'number' && entry.v > PAST_KEY_VERSION) {
      throw new LockError('unsupported');
    }
    const dataKey = parseEnvelope(entry.dataKey);
    const kid = entry.kid;
    if (
      entry.v !== PAST_KEY_VERSION ||
      typeof kid !== 'string' ||
      kid === '' ||
      dataKey.f !== 'dk'
    ) {
      throw new LockError('malformed');
    }
    return { v: PAST_KEY_VERSION, kid, dataKey };
  });
}

/** Whether `kid` is one of the journal's earlier keys. */
export function isPastKey(past: readonly PastKey[], kid: string): boolean {
  return past.some((p) => p.kid === kid);
}
