/**
 * Reading the lock's state: whether it is on, the key to seal new words to, and — while the
 * journal is unlocked in this browser session — the keys to read them. Apart from
 * utils/lock/lock-store.ts (which changes the lock) so a page that only writes, like the
 * popup, carries just this. Storage layout: see lock-store.ts.
 */
import { browser } from 'wxt/browser';
import { isRecord } from '../core/parse';
import { fromBase64 } from './bytes';
import type { OpeningKeys, SealingKey } from './envelope';
import { openFormerKey, parseFormerKey } from './former-key';
import {
  importDataKey,
  type Keyring,
  openingKeysFrom,
  parseKeyring,
  sealingKeyOf,
} from './keyring';
import { parseLockPrefs } from './lock-prefs';

export const KEYRING_KEY = 'lock:keyring';
/** A previous key whose records are being moved under this one (utils/lock/former-key.ts). */
export const FORMER_KEY = 'lock:former';
/** The journal's keys before its key was changed (utils/lock/past-keys.ts). */
export const PAST_KEYS_KEY = 'lock:past';
export const SESSION_KEY = 'lock:session';
export const PREFS_KEY = 'lock:prefs';

/** The unlocked state of this browser session. */
export interface LockSession {
  kid: string;
  /** The raw data key, base64. */
  dataKey: string;
  lastActiveAt: number;
}

/** Off: no lock. Locked: words are sealed and unreadable here. Unlocked: this session reads. */
export type LockStatus = 'off' | 'locked' | 'unlocked';

/** The stored keyring, or null when the lock is off. */
export async function readKeyring(): Promise<Keyring | null> {
  return parseKeyring((await browser.storage.local.get(KEYRING_KEY))[KEYRING_KEY]);
}

/** A stored session, checked; null when there is none. */
export function parseSession(raw: unknown): LockSession | null {
  if (!isRecord(raw)) return null;
  const { kid, dataKey, lastActiveAt } = raw;
  return typeof kid === 'string' && typeof dataKey === 'string' && typeof lastActiveAt === 'number'
    ? { kid, dataKey, lastActiveAt }
    : null;
}

/** This browser session's unlock, or null while locked. */
export async function readSession(): Promise<LockSession | null> {
  return parseSession((await browser.storage.session.get(SESSION_KEY))[SESSION_KEY]);
}

/** Whether the lock is off, on and locked, or on and unlocked in this browser session. */
export async function lockStatus(): Promise<LockStatus> {
  const keyring = await readKeyring();
  if (!keyring) return 'off';
  const session = await readSession();
  return session?.kid === keyring.kid ? 'unlocked' : 'locked';
}

/**
 * The key new words are sealed to, or null when the lock is off. Read fresh on every call (one
 * small storage read): a cached answer could outlive a lock being switched on in another page
 * and let one reflection be written in the clear.
 */
export async function readSealingKey(): Promise<SealingKey | null> {
  const keyring = await readKeyring();
  return keyring ? sealingKeyOf(keyring) : null;
}

/** Forget this context's copy of the reading keys (after "Lock now" here). */
export function forgetOpeningKeys(): void {
  cached = null;
  cachedFormer = null;
}

let cached: { session: string; keys: Promise<OpeningKeys> } | null = null;

/** The keys to read sealed words with, or null while locked (or with the lock off). */
export async function readOpeningKeys(): Promise<OpeningKeys | null> {
  const [keyring, session] = await Promise.all([readKeyring(), readSession()]);
  return openingKeysOf(keyring, session);
}

/**
 * The lock's keys as they are now, from one read of each storage area: to seal to, to open
 * with while unlocked, and — while records are being moved from a former key — that one too.
 */
export async function readLockKeys(): Promise<{
  open: OpeningKeys | null;
  seal: SealingKey | null;
  former: OpeningKeys | null;
}> {
  const [local, session] = await Promise.all([
    browser.storage.local.get([KEYRING_KEY, FORMER_KEY]),
    readSession(),
  ]);
  const keyring = parseKeyring(local[KEYRING_KEY]);
  const open = await openingKeysOf(keyring, session);
  const former = open && local[FORMER_KEY] ? await formerKeysOf(local[FORMER_KEY], open) : null;
  return { open, seal: keyring ? await sealingKeyOf(keyring) : null, former };
}

let cachedFormer: { id: string; keys: Promise<OpeningKeys | null> } | null = null;

/** The former key's reading keys, opened once per unlock; null when it will not open. */
function formerKeysOf(raw: unknown, current: OpeningKeys): Promise<OpeningKeys | null> {
  const id = `${current.kid}:${JSON.stringify(raw)}`;
  if (cachedFormer?.id !== id) {
    const keys = (async () => {
      const stored = parseFormerKey(raw);
      return stored ? openFormerKey(stored, current) : null;
    })().catch(() => null);
    cachedFormer = { id, keys };
  }
  return cachedFormer.keys;
}

function openingKeysOf(
  keyring: Keyring | null,
  session: LockSession | null,
): Promise<OpeningKeys> | null {
  if (!keyring || !session || session.kid !== keyring.kid) return null;
  // Importing and unwrapping costs a few milliseconds: do it once per unlock in this context.
  const id = `${session.kid}:${session.dataKey}`;
  if (cached?.session !== id) {
    const keys = importDataKey(fromBase64(session.dataKey)).then((key) =>
      openingKeysFrom(keyring, key),
    );
    cached = { session: id, keys };
  }
  return cached.keys;
}

/**
 * Whether notifications must not quote what was written: the lock is on and either locked
 * (the words cannot be read, and should not be) or set to hide words (lock screens, screen
 * shares).
 */
export async function quietNotifications(): Promise<boolean> {
  const status = await lockStatus();
  if (status === 'off') return false;
  if (status === 'locked') return true;
  const prefs = parseLockPrefs((await browser.storage.local.get(PREFS_KEY))[PREFS_KEY]);
  return prefs.hideWordsInNotifications;
}
