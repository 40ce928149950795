/**
 * The lock at the database's edge: the form a reflection is stored in, and the readable form
 * of what was read. utils/reflections/db-store.ts and db-bulk-store.ts call these on every
 * write and read, so no path can store words in the clear while the lock is on.
 *
 * Writing: sealed with the data key while this browser session is unlocked, else to the
 * public key — capture never waits for a passphrase. Reading: opened while unlocked; while
 * locked (or where an envelope fails to open) the row comes back sealed, words blank, and
 * the page shows that instead of guessing.
 */
import type { Reflection } from '../reflections/reflection';
import type { OpeningKeys, SealingKey } from './envelope';
import { readLockKeys } from './lock-read-store';
import { openReflection, sealReflection } from './sealed-reflection';

/** What this context can do with the lock right now; read once per database call. */
export interface LockCodec {
  seal: SealingKey | null;
  open: OpeningKeys | null;
  /** While records move from a former key to this one (utils/lock/former-key.ts). */
  former?: OpeningKeys | null;
}

/** The keys that open `row`'s envelope: the current ones, or the former key's. */
export function keysFor(row: Reflection, codec: LockCodec): OpeningKeys | null {
  if (row.sealed && codec.former && row.sealed.kid === codec.former.kid) return codec.former;
  return codec.open;
}

/** The lock's keys as they are now (both null when the lock is off). */
export function currentCodec(): Promise<LockCodec> {
  return readLockKeys();
}

/**
 * The form to store `r` in. A row that is still sealed because this context could not open
 * it keeps its envelope as it is (only its clear fields were changed).
 */
export async function storedForm(r: Reflection, codec: LockCodec): Promise<Reflection> {
  if (r.sealed) return r;
  if (codec.open) return sealReflection(r, codec.open);
  if (codec.seal) return sealReflection(r, codec.seal);
  return r;
}

/** The readable form of a stored row: opened when it can be, else as stored. */
export async function readableForm(row: Reflection, codec: LockCodec): Promise<Reflection> {
  const keys = keysFor(row, codec);
  if (!row.sealed || !keys) return row;
  try {
    return await openReflection(row, keys);
  } catch {
    // Changed on disk or sealed by another key: shown as "could not be read", never garbled.
    return row;
  }
}

/** Readable forms of many rows (one codec read for all of them). */
export async function readableRows(rows: Reflection[], codec?: LockCodec): Promise<Reflection[]> {
  if (!rows.some((r) => r.sealed)) return rows;
  const c = codec ?? (await currentCodec());
  return c.open ? Promise.all(rows.map((r) => readableForm(r, c))) : rows;
}
