/**
 * What to do with one reflection the server sent: take it, merge it with this device's
 * version, keep ours over a deletion, or remove ours. Decided by revision and field hashes,
 * never by clock. Pure: WebCrypto only; the engine (utils/sync/worker/) reads and writes.
 */
import { isRecord } from '../core/parse';
import { type FieldConflict, isConflict, type Reflection } from '../reflections/reflection';
import type { SyncBase } from '../reflections/sync-rows';
import { isTemplateId } from '../reflections/templates';
import { type FieldHashes, fieldHashes, mergeReflections } from './merge';

/** One reflection as the server has it: its revision and content, or null when deleted there. */
export interface Incoming {
  id: string;
  rev: string;
  theirs: Reflection | null;
  /** Sealed under one of the journal's earlier keys: it goes back up under the current one. */
  stale?: boolean;
}

/** This device's side: the readable reflection (undefined when there is none) and its base. */
export interface LocalSide {
  mine: Reflection | undefined;
  base: SyncBase | undefined;
  /** The key `base.hashes` were made with, when not the current one (before a key change). */
  baseHashKey?: CryptoKey;
}

/** The outcome: the reflection to keep (null: remove it here), the new base, whether to send back. */
export interface Decision {
  keep: Reflection | null;
  base: SyncBase | null;
  sendBack: boolean;
  /** A live reflection here ends up deleted (counted by the mass-delete failsafe). */
  deletesLive: boolean;
}

const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isTextMap = (v: unknown) =>
  isRecord(v) && Object.values(v).every((t) => typeof t === 'string');

/**
 * The content of a server document, if it has a reflection's shape and the id it was sealed
 * under. Only devices holding the key can write one (AES-GCM checked it first), so this is a
 * shape check against another build's bugs — not the import's full validation, which would
 * bring the import's messages into the background.
 */
export function syncedReflectionOf(value: unknown, id: string): Reflection | null {
  if (!isRecord(value) || value.id !== id || !isTemplateId(value.template)) return null;
  const { createdAt, updatedAt, answers, tags, followUps, deletedAt } = value;
  const ok =
    isTime(createdAt) &&
    isTime(updatedAt) &&
    isTextMap(answers) &&
    Array.isArray(tags) &&
    tags.every((t) => typeof t === 'string') &&
    Array.isArray(followUps) &&
    (deletedAt === null || isTime(deletedAt));
  if (!ok) return null;
  const { conflicts: raw, sealed: _, ...rest } = value;
  const reflection = rest as unknown as Reflection;
  const conflicts = conflictsOf(raw);
  return conflicts.length > 0 ? { ...reflection, conflicts } : reflection;
}

function conflictsOf(raw: unknown): FieldConflict[] {
  return Array.isArray(raw) ? raw.filter(isConflict) : [];
}

/** Whether two sets of field hashes describe the same version. */
export function sameHashes(a: FieldHashes, b: FieldHashes): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/** Decide what one pulled document does to this device's copy. */
export async function decide(
  incoming: Incoming,
  local: LocalSide,
  hashKey: CryptoKey,
): Promise<Decision> {
  const { id, rev, theirs } = incoming;
  const { mine, base } = local;
  const baseKey = local.baseHashKey ?? hashKey;
  const live = mine !== undefined && mine.deletedAt === null;
  const unchangedHere =
    mine !== undefined &&
    base !== undefined &&
    sameHashes(await fieldHashes(mine, baseKey), base.hashes);

  if (theirs === null) {
    // Removed on the server. Ours goes too if it is the version the server removed; an edit
    // made here since beats the removal, and is sent back to bring it back there.
    if (mine === undefined || unchangedHere) {
      return { keep: null, base: null, sendBack: false, deletesLive: live };
    }
    return { keep: mine, base: null, sendBack: true, deletesLive: false };
  }

  const theirHashes = await fieldHashes(theirs, hashKey);
  const agreed: SyncBase = { id, rev, hashes: { ...theirHashes } };
  if (mine === undefined || unchangedHere) {
    return {
      keep: theirs,
      base: agreed,
      sendBack: false,
      deletesLive: live && theirs.deletedAt !== null,
    };
  }
  const merged = await mergeReflections(mine, theirs, base?.hashes ?? null, baseKey);
  // The waiting choices are a field too, so equal hashes mean the server already has this.
  const sendBack = !sameHashes(await fieldHashes(merged, hashKey), theirHashes);
  return { keep: merged, base: agreed, sendBack, deletesLive: live && merged.deletedAt !== null };
}
