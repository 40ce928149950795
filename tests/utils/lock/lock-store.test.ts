import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LockError, type OpeningKeys, type SealingKey } from '../../../utils/lock/envelope';
import {
  KEYRING_KEY,
  lockStatus,
  readOpeningKeys,
  readSealingKey,
  readSession,
  SESSION_KEY,
} from '../../../utils/lock/lock-read-store';
import {
  createLock,
  lockNow,
  onLockChanged,
  removeLock,
  setPassphrase,
  touchSession,
  unlock,
} from '../../../utils/lock/lock-store';
import { openReflection, sealReflection } from '../../../utils/lock/sealed-reflection';
import { richReflection } from '../../helpers/reflections';

const FAST = 100_000;

async function storedEverywhere(): Promise<string> {
  const local = await fakeBrowser.storage.local.get();
  return JSON.stringify(local);
}

describe('the lock in storage', () => {
  it('is off until created; then unlocked in this session, locked after "Lock now"', async () => {
    expect(await lockStatus()).toBe('off');
    expect(await readSealingKey()).toBeNull();
    const { recoveryKey } = await createLock('a long passphrase', 1000, FAST);
    expect(recoveryKey).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/);
    expect(await lockStatus()).toBe('unlocked');
    await lockNow();
    expect(await lockStatus()).toBe('locked');
    expect(await readOpeningKeys()).toBeNull();
    expect(await readSealingKey()).not.toBeNull();
  });

  it('keeps the data key out of storage.local; storage.session holds it only while unlocked', async () => {
    await createLock('a long passphrase', 1000, FAST);
    const session = await readSession();
    expect(session?.dataKey).toBeTruthy();
    expect(await storedEverywhere()).not.toContain(session?.dataKey as string);
    await lockNow();
    expect(await fakeBrowser.storage.session.get(SESSION_KEY)).toEqual({});
  });

  it('captures while locked and reads after unlock', async () => {
    await createLock('a long passphrase', 1000, FAST);
    await lockNow();
    const r = richReflection(3);
    const row = await sealReflection(r, (await readSealingKey()) as SealingKey);
    await expect(unlock({ passphrase: 'wrong one' }, 2000)).rejects.toBeInstanceOf(LockError);
    expect(await lockStatus()).toBe('locked');
    await unlock({ passphrase: 'a long passphrase' }, 2000);
    expect(await openReflection(row, (await readOpeningKeys()) as OpeningKeys)).toEqual(r);
  });

  it('sets a new passphrase after the recovery key opened it', async () => {
    const { recoveryKey } = await createLock('forgotten', 1000, FAST);
    await lockNow();
    const keys = await unlock({ recoveryKey }, 2000);
    await setPassphrase(keys, 'remembered now');
    await lockNow();
    await expect(unlock({ passphrase: 'forgotten' }, 3000)).rejects.toBeInstanceOf(LockError);
    await unlock({ passphrase: 'remembered now' }, 3000);
    expect(await lockStatus()).toBe('unlocked');
  });

  it('pushes the auto-lock back on use, and tells listeners only about lock changes', async () => {
    let heard = 0;
    const stop = onLockChanged(() => heard++);
    await createLock('a long passphrase', 1000, FAST);
    await touchSession(5000);
    expect((await readSession())?.lastActiveAt).toBe(5000);
    await lockNow();
    stop();
    // created (keyring + session) and locked are heard; the touch is not.
    expect(heard).toBeGreaterThanOrEqual(2);
    const before = heard;
    await touchSession(6000);
    expect(heard).toBe(before);
  });

  it('refuses a second lock, and removes everything when asked', async () => {
    await createLock('a long passphrase', 1000, FAST);
    await expect(createLock('another', 1000, FAST)).rejects.toThrow();
    await removeLock();
    expect(await lockStatus()).toBe('off');
    expect(await fakeBrowser.storage.local.get(KEYRING_KEY)).toEqual({});
  });
});
