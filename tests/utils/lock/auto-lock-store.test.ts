import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  AUTO_LOCK_ALARM,
  handleAutoLockAlarm,
  handleScreenLocked,
  lockIfIdle,
  syncAutoLock,
} from '../../../utils/lock/auto-lock-store';
import { lockStatus } from '../../../utils/lock/lock-read-store';
import { createLock, saveLockPrefs, touchSession } from '../../../utils/lock/lock-store';

const MIN = 60_000;
const T0 = 1_800_000_000_000;

describe('auto-lock', () => {
  it('locks after the chosen time without use, and not a moment before', async () => {
    await createLock('a long passphrase', T0, 100_000);
    await saveLockPrefs({ autoLockMinutes: 15 });
    expect(await lockIfIdle(T0 + 15 * MIN - 1)).toBe(false);
    await touchSession(T0 + 10 * MIN); // used again: the time starts over
    expect(await lockIfIdle(T0 + 20 * MIN)).toBe(false);
    expect(await lockIfIdle(T0 + 25 * MIN)).toBe(true);
    expect(await lockStatus()).toBe('locked');
  });

  it('keeps one alarm at the expiry time, and locks when it rings late', async () => {
    await createLock('a long passphrase', T0, 100_000);
    await saveLockPrefs({ autoLockMinutes: 5 });
    await syncAutoLock(T0);
    expect((await fakeBrowser.alarms.get(AUTO_LOCK_ALARM))?.scheduledTime).toBe(T0 + 5 * MIN);
    await handleAutoLockAlarm(AUTO_LOCK_ALARM, T0 + 6 * MIN);
    expect(await lockStatus()).toBe('locked');
  });

  it('never locks by time when set to "only when the browser closes"', async () => {
    await createLock('a long passphrase', T0, 100_000);
    await saveLockPrefs({ autoLockMinutes: 0 });
    await syncAutoLock(T0);
    expect(await fakeBrowser.alarms.get(AUTO_LOCK_ALARM)).toBeUndefined();
    expect(await lockIfIdle(T0 + 1000 * MIN)).toBe(false);
  });

  it('locks when the screen locks, not when the person only steps away', async () => {
    await createLock('a long passphrase', T0, 100_000);
    await handleScreenLocked('idle');
    expect(await lockStatus()).toBe('unlocked');
    await handleScreenLocked('locked');
    expect(await lockStatus()).toBe('locked');
  });
});
