/**
 * The lock in extension storage, shared by every context of the extension:
 *
 * - `storage.local` `lock:keyring` — the keyring (utils/lock/keyring.ts): present means the
 *   lock is on. Only the public key in it is usable without the passphrase.
 * - `storage.session` `lock:session` — the unwrapped data key while the journal is unlocked,
 *   and when it was last used. `storage.session` lives in memory, is readable only by the
 *   extension's own pages and worker, and is gone when the browser closes: that is the
 *   lock-on-close. The key is never written to `storage.local` or IndexedDB.
 * - `storage.local` `lock:prefs` — auto-lock time and the notification privacy switch.
 * - `storage.local` `lock:former` — while records move from a previous key to this one.
 * - `storage.local` `lock:past` — the journal's keys before its key was changed, for good.
 *
 * Changes to the lock happen under the `fail-well:lock` cross-context lock. Replacing the
 * keyring (a join, a key change) is in utils/lock/key-switch-store.ts, which the popup never loads.
 */
import { browser } from 'wxt/browser';
import { withLock } from '../core/cross-context-lock-browser';
import { toBase64 } from './bytes';
import { DRAFT_SESSION_KEY } from './draft-codec-store';
import type { OpeningKeys } from './envelope';
import {
  changePassphrase,
  createKeyring,
  exportDataKey,
  type Keyring,
  type Secret,
  unlockWith,
} from './keyring';
import { LOCK_HINT_KEY } from './lock-hint';
import { DEFAULT_LOCK_PREFS, type LockPrefs, parseLockPrefs } from './lock-prefs';
import {
  FORMER_KEY,
  forgetOpeningKeys,
  KEYRING_KEY,
  type LockSession,
  PAST_KEYS_KEY,
  PREFS_KEY,
  parseSession,
  readKeyring,
  readSession,
  SESSION_KEY,
} from './lock-read-store';
import type { PastKey } from './past-keys';

/** Tell a closing popup, which cannot wait for storage, whether drafts must be sealed. */
function setLockHint(on: boolean): void {
  // Pages only: the worker has no localStorage (and never switches the lock).
  if (typeof localStorage === 'undefined') return;
  if (on) localStorage.setItem(LOCK_HINT_KEY, '1');
  else localStorage.removeItem(LOCK_HINT_KEY);
}

/** Unlock this browser session with `keys` (lock changes only, under `fail-well:lock`). */
export async function startSession(keys: OpeningKeys, now: number): Promise<void> {
  const session: LockSession = {
    kid: keys.kid,
    dataKey: toBase64(await exportDataKey(keys.dataKey)),
    lastActiveAt: now,
  };
  await browser.storage.session.set({ [SESSION_KEY]: session });
}

export type { Secret } from './keyring';

/** The reading keys for `secret`, without unlocking anything; `LockError` when it does not match. */
export async function checkSecret(secret: Secret): Promise<OpeningKeys> {
  const keyring = await readKeyring();
  if (!keyring) throw new Error('The journal has no lock');
  return unlockWith(keyring, secret);
}

/** Unlock for this browser session; throws `LockError` when the secret does not match. */
export async function unlock(secret: Secret, now: number): Promise<OpeningKeys> {
  return withLock('fail-well:lock', async () => {
    const keys = await checkSecret(secret);
    await startSession(keys, now);
    return keys;
  });
}

/**
 * After the recovery key: a new passphrase, then the session — in that order, so a page that
 * sees the unlock has nothing left to ask.
 */
export async function resetPassphrase(
  keys: OpeningKeys,
  passphrase: string,
  now: number,
): Promise<void> {
  await setPassphrase(keys, passphrase);
  await withLock('fail-well:lock', () => startSession(keys, now));
}

/** Lock now: forget the session's key in every context. */
export async function lockNow(): Promise<void> {
  forgetOpeningKeys();
  // The draft's session key goes too: a draft typed before the lock then needs the passphrase.
  await browser.storage.session.remove([SESSION_KEY, DRAFT_SESSION_KEY]);
}

/** Remember that the journal was used at `now`, which pushes the auto-lock back. */
export async function touchSession(now: number): Promise<void> {
  await withLock('fail-well:lock', async () => {
    const session = await readSession();
    if (session)
      await browser.storage.session.set({ [SESSION_KEY]: { ...session, lastActiveAt: now } });
  });
}

/**
 * Switch the lock on: a new keyring, stored, and this session unlocked. Returns the
 * recovery key to show once. Sealing the existing reflections is the migration's job
 * (utils/lock/lock-migration-store.ts), started by the caller.
 */
export async function createLock(
  passphrase: string,
  now: number,
  iterations?: number,
): Promise<{ recoveryKey: string; keys: OpeningKeys }> {
  return withLock('fail-well:lock', async () => {
    if (await readKeyring()) throw new Error('The journal is already locked');
    const made = await createKeyring(passphrase, now, iterations);
    // The hint first: "sealed" before the keyring exists is only slower, never in the clear.
    setLockHint(true);
    await browser.storage.local.set({
      [KEYRING_KEY]: made.keyring,
      [PREFS_KEY]: DEFAULT_LOCK_PREFS,
    });
    await startSession(made.keys, now);
    return { recoveryKey: made.recoveryKey, keys: made.keys };
  });
}

/**
 * Take on a journal's existing lock (a second device joining through sync): its keyring,
 * stored, and this session unlocked with `keys` the person's passphrase opened. Like
 * `createLock`, sealing what is already here is the migration's job, started by the caller.
 */
export async function adoptLock(
  keyring: Keyring,
  keys: OpeningKeys,
  now: number,
  past: readonly PastKey[] = [],
): Promise<void> {
  await withLock('fail-well:lock', async () => {
    if (await readKeyring()) throw new Error('The journal is already locked');
    if (keys.kid !== keyring.kid) throw new Error("The keys are not this keyring's");
    setLockHint(true);
    await browser.storage.local.set({
      [KEYRING_KEY]: keyring,
      [PREFS_KEY]: DEFAULT_LOCK_PREFS,
      [PAST_KEYS_KEY]: past,
    });
    await startSession(keys, now);
  });
}

/** A new passphrase for the unlocked journal: re-wraps the data key, touches no record. */
export async function setPassphrase(keys: OpeningKeys, passphrase: string): Promise<void> {
  await withLock('fail-well:lock', async () => {
    const keyring = await readKeyring();
    if (!keyring || keyring.kid !== keys.kid) throw new Error('The journal has no such lock');
    await browser.storage.local.set({
      [KEYRING_KEY]: await changePassphrase(keyring, keys, passphrase),
    });
  });
}

/** Remove the keyring and the session: only once no record is sealed any more. */
export async function removeLock(): Promise<void> {
  await withLock('fail-well:lock', async () => {
    forgetOpeningKeys();
    await browser.storage.local.remove([KEYRING_KEY, PREFS_KEY, FORMER_KEY, PAST_KEYS_KEY]);
    setLockHint(false);
    await browser.storage.session.remove([SESSION_KEY, DRAFT_SESSION_KEY]);
  });
}

/** The lock's preferences (defaults when none are stored). */
export async function readLockPrefs(): Promise<LockPrefs> {
  return parseLockPrefs((await browser.storage.local.get(PREFS_KEY))[PREFS_KEY]);
}

/** Change the lock's preferences. */
export async function saveLockPrefs(change: Partial<LockPrefs>): Promise<LockPrefs> {
  return withLock('fail-well:lock', async () => {
    const next = parseLockPrefs({ ...(await readLockPrefs()), ...change });
    await browser.storage.local.set({ [PREFS_KEY]: next });
    return next;
  });
}

/** Run `listener` when the lock is switched on or off, locked or unlocked, in any context. */
export function onLockChanged(listener: () => void): () => void {
  const handle = (changes: Record<string, unknown>, area: string) => {
    if (
      (area === 'local' && KEYRING_KEY in changes) ||
      (area === 'session' && SESSION_KEY in changes)
    ) {
      // Only the key matters; a `lastActiveAt` bump arrives as a session change too.
      const change = changes[SESSION_KEY] as { oldValue?: unknown; newValue?: unknown } | undefined;
      const before = parseSession(change?.oldValue);
      const after = parseSession(change?.newValue);
      if (area === 'session' && before?.dataKey === after?.dataKey) return;
      listener();
    }
  };
  browser.storage.onChanged.addListener(handle);
  return () => browser.storage.onChanged.removeListener(handle);
}
