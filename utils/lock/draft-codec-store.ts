/**
 * The lock at the draft's edge: every writer of the draft stores `toStoredDraft(draft)` and
 * every reader takes `fromStoredDraft(raw)` (utils/capture/draft-store.ts, draft-write-store.ts,
 * the popup's draft sync). With the lock off both hand the draft through unchanged. The
 * session's draft key lives in `storage.session` beside the unlock (see sealed-draft.ts).
 */
import { browser } from 'wxt/browser';
import type { Draft } from '../capture/draft';
import { withLock } from '../core/cross-context-lock-browser';
import { fromBase64, randomBytes, toBase64 } from './bytes';
import { LOCK_HINT_KEY } from './lock-hint';
import { KEYRING_KEY, readLockKeys } from './lock-read-store';
import { type DraftKeys, isSealedDraft, openDraft, sealDraft } from './sealed-draft';

export const DRAFT_SESSION_KEY = 'lock:draft-key';
/** Sealed drafts nobody could open when a new one was started: kept until an unlock. */
export const WAITING_DRAFTS_KEY = 'lock:waiting-drafts';

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

/** Whether this page last saw a keyring; null before it looked (or after it changed). */
let lockKnown: boolean | null = null;
let watching = false;

async function keys(create: boolean): Promise<DraftKeys> {
  if (!watching && typeof browser.storage?.onChanged?.addListener === 'function') {
    watching = true;
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && KEYRING_KEY in changes) lockKnown = null;
    });
  }
  const lock = await readLockKeys();
  lockKnown = lock.seal !== null;
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
 * Store `draft` now, without the draft's lock (a page being hidden gets no next turn): sealed
 * with the lock on, after setting aside a stored draft nobody here can open.
 */
export async function storeDraftNow(key: string, draft: Draft): Promise<void> {
  // Known to have no lock (this page read the keyring since it changed, or else the page's
  // hint says so): no wait at all. The worker has no hint and takes the careful path.
  const hint = typeof localStorage === 'undefined' ? null : !localStorage[LOCK_HINT_KEY];
  if ((lockKnown === null ? hint : !lockKnown) === true) {
    return browser.storage.local.set({ [key]: draft });
  }
  const k = await keys(true);
  if (k.seal) {
    const raw = (await browser.storage.local.get(key))[key];
    if (isSealedDraft(raw) && (await openDraft(raw, k)) === null) await parkLockedDraft(raw);
  }
  await browser.storage.local.set({ [key]: await sealDraft(draft, k) });
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

/**
 * Keep a sealed draft nobody here can open aside before a new draft takes its place (under
 * the draft's lock, by the caller): after the next unlock it is merged back, so nothing typed
 * before a restart is lost.
 */
export async function parkLockedDraft(raw: unknown): Promise<void> {
  const stored = (await browser.storage.local.get(WAITING_DRAFTS_KEY))[WAITING_DRAFTS_KEY];
  const waiting = Array.isArray(stored) ? stored : [];
  await browser.storage.local.set({ [WAITING_DRAFTS_KEY]: [...waiting, raw] });
}

/** How many drafts wait for an unlock. */
export async function countWaitingDrafts(): Promise<number> {
  const stored = (await browser.storage.local.get(WAITING_DRAFTS_KEY))[WAITING_DRAFTS_KEY];
  return Array.isArray(stored) ? stored.length : 0;
}

/**
 * The waiting drafts this context can open now (removed from the waiting list); those it
 * still cannot open stay.
 */
export async function takeWaitingDrafts(): Promise<unknown[]> {
  return withLock('fail-well:draft', async () => {
    const stored = (await browser.storage.local.get(WAITING_DRAFTS_KEY))[WAITING_DRAFTS_KEY];
    if (!Array.isArray(stored) || stored.length === 0) return [];
    const opened: unknown[] = [];
    const still: unknown[] = [];
    for (const raw of stored) {
      const draft = await fromStoredDraft(raw);
      if (draft === LOCKED_DRAFT) still.push(raw);
      else opened.push(draft);
    }
    if (still.length) await browser.storage.local.set({ [WAITING_DRAFTS_KEY]: still });
    else await browser.storage.local.remove(WAITING_DRAFTS_KEY);
    return opened;
  });
}
