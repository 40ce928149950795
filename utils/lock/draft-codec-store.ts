/**
 * The lock at the draft's edge: every writer of the draft stores `toStoredDraft(draft)` and
 * every reader takes `fromStoredDraft(raw)` (utils/capture/draft-store.ts, draft-write-store.ts,
 * the popup's draft sync). With the lock off both hand the draft through unchanged. The
 * session's draft key lives in `storage.session` beside the unlock (see sealed-draft.ts).
 */
import { browser } from 'wxt/browser';
import { withLock } from '../core/cross-context-lock-browser';
import { fromBase64, randomBytes, toBase64 } from './bytes';
import { readLockKeys } from './lock-read-store';
import { type DraftKeys, isSealedDraft, openDraft, sealDraft } from './sealed-draft';

export const DRAFT_SESSION_KEY = 'lock:draft-key';

/** What a reader gets for a sealed draft nobody here can open (locked after a restart). */
export const LOCKED_DRAFT = Object.freeze({ locked: true as const });

const importKey = (raw: string) =>
  crypto.subtle.importKey('raw', fromBase64(raw), 'AES-GCM', false, ['encrypt', 'decrypt']);

async function sessionKey(create: boolean): Promise<CryptoKey | null> {
  const read = async () =>
    (await browser.storage.session.get(DRAFT_SESSION_KEY))[DRAFT_SESSION_KEY] as string | undefined;
  const stored = await read();
  if (stored || !create) return stored ? importKey(stored) : null;
  return withLock('fail-well:lock', async () => {
    const again = await read();
    if (again) return importKey(again);
    const raw = toBase64(randomBytes(32));
    await browser.storage.session.set({ [DRAFT_SESSION_KEY]: raw });
    return importKey(raw);
  });
}

async function keys(create: boolean): Promise<DraftKeys> {
  const lock = await readLockKeys();
  return { ...lock, session: lock.seal ? await sessionKey(create) : null };
}

/** The form to store a draft (or the mark a saved one leaves) in: sealed while the lock is on. */
export async function toStoredDraft<T extends { rev: number; writer: string; updatedAt: number }>(
  draft: T,
): Promise<unknown> {
  // A cleared mark holds no words: stored as it is.
  if ((draft as { cleared?: unknown }).cleared) return draft;
  return sealDraft(draft, await keys(true));
}

/**
 * The draft as its writer stored it, opened where this context can: the stored value itself
 * when it is not sealed, or `LOCKED_DRAFT` when nobody here can open it.
 */
export async function fromStoredDraft(raw: unknown): Promise<unknown> {
  if (!isSealedDraft(raw)) return raw;
  const opened = await openDraft(raw, await keys(false));
  if (opened === null) return LOCKED_DRAFT;
  // The clear revision and writer are what merges count on: they win over the sealed copy.
  return { ...(opened as object), rev: raw.rev, writer: raw.writer };
}

/** Forget the session's draft key: a draft written before needs the passphrase from now on. */
export async function forgetDraftKey(): Promise<void> {
  await browser.storage.session.remove(DRAFT_SESSION_KEY);
}
