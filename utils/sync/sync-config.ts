/**
 * What sync keeps about its server and its last run, with the pure checks every read goes
 * through (storage may hold anything an older or newer build wrote). The password is kept only
 * as a sealed document (utils/sync/sync-doc.ts) under sync's key from the lock: never in the clear.
 */
import { isRecord } from '../core/parse';
import type { SyncHttpErrorCode } from './couch-errors';
import type { SyncDoc } from './sync-doc';

/** The person's server, as the Data section saved it. */
export interface SyncConfig {
  /** The database's address, checked by parseServerAddress. */
  dbUrl: string;
  user: string;
  /** The password, sealed (id PASSWORD_DOC_ID) under sync's document key. */
  password: SyncDoc;
  paused: boolean;
}

/** What went wrong last, in codes the Data section puts into plain words. */
export type SyncProblem =
  | SyncHttpErrorCode
  | 'unknown-key'
  | 'key-changed'
  | 'unsupported'
  | 'locked'
  | 'no-permission';

export interface SyncStatus {
  lastSyncAt: number | null;
  problem: SyncProblem | null;
  /** Failed runs in a row: the next try waits longer each time (retryDelay). */
  failures: number;
  /** The failsafe stopped the last run: it would delete `deleting` of `of` reflections. */
  ask: { deleting: number; of: number } | null;
  /** Documents refused as changed on the server, in the last run. */
  rejected: number;
}

/** The sealed password's id: bound into its ciphertext, so it cannot pass for a reflection. */
export const PASSWORD_DOC_ID = 'fail-well:sync-password';

export const IDLE_STATUS: SyncStatus = {
  lastSyncAt: null,
  problem: null,
  failures: 0,
  ask: null,
  rejected: 0,
};

const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/** A stored config, checked; null when there is none or it is not one. */
export function parseSyncConfig(raw: unknown): SyncConfig | null {
  if (!isRecord(raw) || !isText(raw.dbUrl) || typeof raw.user !== 'string') return null;
  const p = raw.password;
  if (
    !isRecord(p) ||
    p._id !== PASSWORD_DOC_ID ||
    !isText(p.kid) ||
    !isText(p.iv) ||
    !isText(p.ct)
  ) {
    return null;
  }
  return {
    dbUrl: raw.dbUrl,
    user: raw.user,
    password: { _id: PASSWORD_DOC_ID, v: 1, kid: p.kid, iv: p.iv, ct: p.ct },
    paused: raw.paused === true,
  };
}

const count = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0);

/** A stored status, checked field by field (a bad field falls back, the rest is kept). */
export function parseSyncStatus(raw: unknown): SyncStatus {
  if (!isRecord(raw)) return IDLE_STATUS;
  const ask = isRecord(raw.ask)
    ? { deleting: count(raw.ask.deleting), of: count(raw.ask.of) }
    : null;
  return {
    lastSyncAt: typeof raw.lastSyncAt === 'number' ? raw.lastSyncAt : null,
    problem: typeof raw.problem === 'string' ? (raw.problem as SyncProblem) : null,
    failures: count(raw.failures),
    ask,
    rejected: count(raw.rejected),
  };
}
