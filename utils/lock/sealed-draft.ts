/**
 * The draft with the lock on. It is written on every pause in typing, by the popup, a prompt
 * window and the background, none of which may need the passphrase, and read back when the
 * popup opens again. So it is sealed twice:
 *
 * - to the journal's public key — readable after an unlock, even after a browser restart;
 * - with a random key kept only in `storage.session` for this browser session — so the
 *   popup reopened a minute later continues the draft without asking for anything.
 *
 * "Lock now", auto-lock and closing the browser forget the session key: from then on a draft
 * written before needs the passphrase. The revision, its writer (a random page id) and the
 * time stay in the clear, so the draft's merge rules (utils/capture/draft-merge.ts) keep
 * working. Pure.
 */
import { isRecord } from '../core/parse';
import {
  type DataKeyEnvelope,
  type Envelope,
  type OpeningKeys,
  openEnvelope,
  parseEnvelope,
  type SealingKey,
  sealToPublicKey,
  sealWithDataKey,
} from './envelope';

const PLACE = 'draft';
/** The key id of the session key: it belongs to no keyring. */
export const SESSION_KID = 'draft-session';

/** A draft as stored with the lock on. */
export interface SealedDraft {
  sealed: { pk: Envelope; session: DataKeyEnvelope | null };
  rev: number;
  writer: string;
  updatedAt: number;
}

/** The keys a context holds for the draft. */
export interface DraftKeys {
  seal: SealingKey | null;
  open: OpeningKeys | null;
  /** While records move from a former key (utils/lock/former-key.ts): a draft sealed to it. */
  former?: OpeningKeys | null;
  /** This browser session's draft key; null after a lock forgot it. */
  session: CryptoKey | null;
}

/** Whether a stored value is a sealed draft. */
export function isSealedDraft(raw: unknown): raw is SealedDraft {
  return isRecord(raw) && isRecord(raw.sealed);
}

/**
 * The stored form of `draft` (any JSON object with `rev`, `writer`, `updatedAt`): sealed when
 * the lock is on, else as it is.
 */
export async function sealDraft<T extends { rev: number; writer: string; updatedAt: number }>(
  draft: T,
  keys: DraftKeys,
): Promise<T | SealedDraft> {
  const to = keys.seal;
  if (!to) return draft;
  const [pk, session] = await Promise.all([
    sealToPublicKey(to, PLACE, draft),
    keys.session
      ? sealWithDataKey({ kid: SESSION_KID, dataKey: keys.session }, PLACE, draft)
      : null,
  ]);
  return {
    sealed: { pk, session },
    rev: draft.rev,
    writer: draft.writer,
    updatedAt: draft.updatedAt,
  };
}

/**
 * The draft inside a sealed one, with whichever key this context has; null when none opens it
 * (locked after a restart or a lock) — then it is kept, not replaced.
 */
export async function openDraft(stored: SealedDraft, keys: DraftKeys): Promise<unknown | null> {
  const { session, pk } = stored.sealed;
  if (session && keys.session) {
    try {
      return await openEnvelope(
        { kid: SESSION_KID, dataKey: keys.session },
        PLACE,
        parseEnvelope(session),
      );
    } catch {
      // A session key from before a lock: try the journal's key below.
    }
  }
  for (const journal of [keys.open, keys.former]) {
    if (!journal) continue;
    try {
      return await openEnvelope(journal, PLACE, parseEnvelope(pk));
    } catch {
      // Sealed to another key: the former one, if there is one, is tried next.
    }
  }
  return null;
}
