/**
 * The messages between the review page and its reader worker (entrypoints/options/
 * journal-worker.ts): the page hands over the opening keys once (CryptoKeys are structured
 * clones: the raw data key never leaves the page for this), the worker answers with the
 * journal in opened batches and says when it is done or has failed. Pure: both sides import
 * it, and tests run it in Node.
 */
import type { Reflection } from '../reflections/reflection';
import type { OpeningKeys } from './envelope';

/** Page → worker: read everything, `batch` rows at a time. */
export interface JournalRequest {
  type: 'read';
  batch: number;
  keys: OpeningKeys;
}

/** Worker → page. */
export type JournalReply =
  | { type: 'rows'; rows: Reflection[]; sealedToPublicKey: string[] }
  | { type: 'done' }
  /** The worker could not read (the page reads the rest itself). */
  | { type: 'failed' };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

const isKey = (value: unknown): value is CryptoKey =>
  typeof CryptoKey !== 'undefined' && value instanceof CryptoKey;

/** A page → worker message, or null when it is not one. */
export function parseJournalRequest(raw: unknown): JournalRequest | null {
  if (!isObject(raw) || raw.type !== 'read' || !isObject(raw.keys)) return null;
  const { batch, keys } = raw;
  const ok =
    Number.isInteger(batch) &&
    (batch as number) > 0 &&
    typeof keys.kid === 'string' &&
    isKey(keys.dataKey) &&
    isKey(keys.privateKey);
  return ok ? { type: 'read', batch: batch as number, keys: keys as unknown as OpeningKeys } : null;
}

/** A worker → page message, or null when it is not one (treated as a failure by the page). */
export function parseJournalReply(raw: unknown): JournalReply | null {
  if (!isObject(raw)) return null;
  if (raw.type === 'done' || raw.type === 'failed') return { type: raw.type };
  if (raw.type !== 'rows' || !Array.isArray(raw.rows) || !Array.isArray(raw.sealedToPublicKey)) {
    return null;
  }
  const rowsOk = raw.rows.every((r) => isObject(r) && typeof r.id === 'string');
  const idsOk = raw.sealedToPublicKey.every((id) => typeof id === 'string');
  return rowsOk && idsOk
    ? {
        type: 'rows',
        rows: raw.rows as Reflection[],
        sealedToPublicKey: raw.sealedToPublicKey as string[],
      }
    : null;
}
