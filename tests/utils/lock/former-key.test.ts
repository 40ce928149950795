import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LockError } from '../../../utils/lock/envelope';
import {
  FORMER_KEY_VERSION,
  openFormerKey,
  parseFormerKey,
  sealFormerKey,
} from '../../../utils/lock/former-key';
import { KeyMoveUnderWay, replaceLock } from '../../../utils/lock/key-switch-store';
import { createKeyring } from '../../../utils/lock/keyring';
import {
  pendingMigration,
  runMigration,
  startMigration,
} from '../../../utils/lock/lock-migration-store';
import { FORMER_KEY, readKeyring, readOpeningKeys } from '../../../utils/lock/lock-read-store';
import { createLock, lockNow, unlock } from '../../../utils/lock/lock-store';
import { replaceUnchanged, rowsAfter, rowsById } from '../../../utils/reflections/db-rows-store';
import { getReflection, saveReflection } from '../../../utils/reflections/db-store';
import type { Reflection } from '../../../utils/reflections/reflection';
import { codeOf } from '../../helpers/lock-errors';
import { richReflection } from '../../helpers/reflections';

const FAST = 100_000;
const mine = createKeyring('my own passphrase', 1_000, FAST);
const joined = createKeyring('the joined passphrase', 2_000, FAST);

describe('the former key', () => {
  it('opens with the current keys only, to the former keys', async () => {
    const [old, now, other] = await Promise.all([mine, joined, createKeyring('x', 3_000, FAST)]);
    const stored = await sealFormerKey(old.keys, old.keyring, now.keys);
    expect(JSON.stringify(stored)).not.toContain(old.recoveryKey);
    const opened = await openFormerKey(parseFormerKey(stored) as never, now.keys);
    expect(opened.kid).toBe(old.keyring.kid);
    expect(await codeOf(openFormerKey(stored, other.keys))).toBe('other-key');
  });

  it('refuses a changed, moved or newer copy', async () => {
    const [old, now] = await Promise.all([mine, joined]);
    const stored = await sealFormerKey(old.keys, old.keyring, now.keys);
    const ct = stored.dataKey.ct;
    const flipped = `${ct.slice(0, 4)}${ct[4] === 'A' ? 'B' : 'A'}${ct.slice(5)}`;
    const changed = { ...stored, dataKey: { ...stored.dataKey, ct: flipped } };
    expect(await codeOf(openFormerKey(changed, now.keys))).toBe('unreadable');
    // The same envelope beside another keyring (claiming to be that key's) does not open.
    const third = await createKeyring('third', 4_000, FAST);
    const moved = { ...stored, keyring: third.keyring };
    expect(await codeOf(openFormerKey(moved, now.keys))).toBe('unreadable');
    expect(() => parseFormerKey({ ...stored, v: FORMER_KEY_VERSION + 1 })).toThrow(
      expect.objectContaining({ code: 'unsupported' }),
    );
    expect(() => parseFormerKey({ v: 1 })).toThrow(LockError);
    expect(parseFormerKey(undefined)).toBeNull();
  });
});

describe('moving a journal from its own lock to a joined one', () => {
  async function ownJournal(n: number): Promise<Reflection[]> {
    await createLock('my own passphrase', 1_000, FAST);
    const all = Array.from({ length: n }, (_, i) => richReflection(i + 1));
    for (const r of all) await saveReflection(r);
    return all;
  }

  async function join(): Promise<{ kid: string }> {
    const now = await joined;
    const own = await readOpeningKeys();
    if (!own) throw new Error('not unlocked');
    await replaceLock(now.keyring, now.keys, own, 5_000);
    return { kid: now.keyring.kid };
  }

  it('reads what is still under the former key, moves it all, then forgets it', async () => {
    const before = await ownJournal(300);
    const { kid } = await join();
    // Before the move every record still opens, with the former key.
    expect(await getReflection(before[0]?.id as string)).toEqual(before[0]);
    await startMigration('seal');
    await runMigration('seal');
    const rows = await rowsAfter(null, 1_000);
    expect(rows.every((r) => r.sealed?.kid === kid)).toBe(true);
    expect(await fakeBrowser.storage.local.get(FORMER_KEY)).toEqual({});
    for (const r of before.slice(0, 5)) expect(await getReflection(r.id)).toEqual(r);
  });

  it('cut short by a closed browser, finishes after the next unlock with the joined passphrase', async () => {
    const before = await ownJournal(3);
    const { kid } = await join();
    await startMigration('seal');
    await lockNow(); // the browser closed before any record moved
    // On the next start the background seals what it can while locked: these wait.
    await runMigration('seal');
    expect(await pendingMigration()).toBe('seal');
    await unlock({ passphrase: 'the joined passphrase' }, 6_000);
    expect((await readKeyring())?.kid).toBe(kid);
    await runMigration('seal');
    expect((await rowsAfter(null, 10)).every((r) => r.sealed?.kid === kid)).toBe(true);
    expect(await pendingMigration()).toBeNull();
    expect(await getReflection(before[2]?.id as string)).toEqual(before[2]);
  });

  it('refuses a second switch while the first is still moving records', async () => {
    await ownJournal(2);
    await join();
    const own = await readOpeningKeys();
    const third = await createKeyring('a third journal', 7_000, FAST);
    if (!own) throw new Error('not unlocked');
    await expect(replaceLock(third.keyring, third.keys, own, 8_000)).rejects.toBeInstanceOf(
      KeyMoveUnderWay,
    );
    expect((await readKeyring())?.kid).toBe(own.kid);
    await startMigration('seal');
    await runMigration('seal');
    await replaceLock(third.keyring, third.keys, own, 9_000);
    expect((await readKeyring())?.kid).toBe(third.keyring.kid);
  });

  it('keeps the former key while a record under it would not open', async () => {
    const before = await ownJournal(2);
    await join();
    const id = before[0]?.id as string;
    const [row] = (await rowsById([id])) as [Reflection];
    const ct = row.sealed?.ct ?? '';
    const sealed = { ...row.sealed, ct: `${ct[0] === 'A' ? 'B' : 'A'}${ct.slice(1)}` };
    if (!row.sealed) throw new Error('not sealed');
    await replaceUnchanged([{ was: row, now: { ...row, sealed: sealed as typeof row.sealed } }], {
      announce: false,
    });
    await startMigration('seal');
    await runMigration('seal');
    expect(Object.keys(await fakeBrowser.storage.local.get(FORMER_KEY))).toEqual([FORMER_KEY]);
    expect(await getReflection(before[1]?.id as string)).toEqual(before[1]);
  });
});
