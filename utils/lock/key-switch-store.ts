/**
 * Replacing the journal's keyring while records are under the old one: a device with a lock
 * of its own joining a synced journal, a key change followed from another device, and
 * "Change the journal's key" itself. In each the old key is kept as the former key until the
 * seal migration has moved every record, so nothing is ever under a key nobody holds. Apart
 * from lock-store.ts so the popup, which only unlocks, does not carry it. Under the
 * `fail-well:lock` cross-context lock, like every change to the lock.
 */
import { browser } from 'wxt/browser';
import { withLock } from '../core/cross-context-lock-browser';
import type { OpeningKeys } from './envelope';
import { sealFormerKey } from './former-key';
import { createKeyring, type Keyring, unlockWithPassphrase } from './keyring';
import {
  FORMER_KEY,
  forgetOpeningKeys,
  KEYRING_KEY,
  PAST_KEYS_KEY,
  readKeyring,
} from './lock-read-store';
import { startSession } from './lock-store';
import { type PastKey, parsePastKeys, pastKeysAfterChange } from './past-keys';

/** A keyring switch refused: records are still moving from the previous one. */
export class KeyMoveUnderWay extends Error {
  override name = 'KeyMoveUnderWay';
  constructor() {
    super('The journal is still moving to its last key');
  }
}

/** The journal's earlier keys, sealed with the current one ([] when it never changed). */
export async function readPastKeys(): Promise<PastKey[]> {
  return parsePastKeys((await browser.storage.local.get(PAST_KEYS_KEY))[PAST_KEYS_KEY]);
}

/**
 * A device with a lock of its own joins a synced journal: that journal's keyring becomes this
 * device's, unlocked with `keys`, and this device's own keys (`mine`, unlocked) are kept as the
 * former key, sealed with the new one, until every record has moved under the new key
 * (`runMigration('seal')`, which then forgets it). From now on the joined journal's passphrase
 * opens this device. `past` are the joined journal's earlier keys (sealed with `keys`). The
 * same step follows a key changed on another device: the journal's next keyring replaces this
 * one's, whose key is then among `past`.
 */
export async function replaceLock(
  keyring: Keyring,
  keys: OpeningKeys,
  mine: OpeningKeys,
  now: number,
  past: readonly PastKey[] = [],
): Promise<void> {
  await withLock('fail-well:lock', async () => {
    const own = await readKeyring();
    if (!own || own.kid !== mine.kid)
      throw new Error('This device is not unlocked with its own lock');
    if (keys.kid !== keyring.kid) throw new Error("The keys are not this keyring's");
    await switchKeyring(own, mine, keyring, keys, past, now);
  });
}

/**
 * The switch both a join and a key change make: `next` becomes the keyring, and the one it
 * replaces is kept as the former key until its records have moved. One write, so the new
 * keyring never stands without the key to what is still under the old. Refused while an
 * earlier switch is still moving records: there is room for one former key, and replacing it
 * would leave what is under it with a key nobody holds.
 */
async function switchKeyring(
  own: Keyring,
  mine: OpeningKeys,
  next: Keyring,
  keys: OpeningKeys,
  past: readonly PastKey[],
  now: number,
): Promise<void> {
  if ((await browser.storage.local.get(FORMER_KEY))[FORMER_KEY]) throw new KeyMoveUnderWay();
  const former = await sealFormerKey(mine, own, keys);
  await browser.storage.local.set({
    [KEYRING_KEY]: next,
    [FORMER_KEY]: former,
    [PAST_KEYS_KEY]: past,
  });
  forgetOpeningKeys();
  await startSession(keys, now);
}

/**
 * "Change the journal's key": a new data key, key pair and recovery key under the same
 * passphrase, for when a recovery key or a device may be in the wrong hands. Nothing is
 * re-encrypted here: the old key becomes the former key (records move under the new one by
 * `runMigration('seal')`, started by the caller) and joins the past keys, and a connected sync
 * server is told on the next run. Refused while a previous move is still under way, so there
 * is never more than one former key. Returns the new recovery key to show once; throws
 * `LockError` when the passphrase does not match.
 */
export async function changeKey(
  passphrase: string,
  now: number,
): Promise<{ recoveryKey: string; keys: OpeningKeys }> {
  return withLock('fail-well:lock', async () => {
    const own = await readKeyring();
    if (!own) throw new Error('The journal has no lock');
    if ((await browser.storage.local.get(FORMER_KEY))[FORMER_KEY]) throw new KeyMoveUnderWay();
    // Checked before the slow part too: no passphrase derivation for a change that cannot be.
    const mine = await unlockWithPassphrase(own, passphrase);
    const made = await createKeyring(passphrase, now, own.byPassphrase.iterations);
    const past = await pastKeysAfterChange(await readPastKeys(), mine, made.keys);
    await switchKeyring(own, mine, made.keyring, made.keys, past, now);
    return { recoveryKey: made.recoveryKey, keys: made.keys };
  });
}
