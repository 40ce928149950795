import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { emptyDraft } from '../../../utils/capture/draft';
import { resealDraft } from '../../../utils/capture/draft-reseal-store';
import { DRAFT_KEY } from '../../../utils/capture/draft-store';
import {
  fromStoredDraft,
  takeWaitingDrafts,
  toStoredDraft,
  WAITING_DRAFTS_KEY,
} from '../../../utils/lock/draft-codec-store';
import { LockError } from '../../../utils/lock/envelope';
import { changeKey, KeyMoveUnderWay, readPastKeys } from '../../../utils/lock/key-switch-store';
import {
  createKeyring,
  unlockWithPassphrase,
  unlockWithRecoveryKey,
} from '../../../utils/lock/keyring';
import { runMigration, startMigration } from '../../../utils/lock/lock-migration-store';
import { FORMER_KEY, readKeyring, readOpeningKeys } from '../../../utils/lock/lock-read-store';
import { createLock, lockNow, unlock } from '../../../utils/lock/lock-store';
import {
  isPastKey,
  openPastKeys,
  PAST_KEY_VERSION,
  parsePastKeys,
  pastKeysAfterChange,
} from '../../../utils/lock/past-keys';
import { rowsAfter } from '../../../utils/reflections/db-rows-store';
import { getReflection, saveReflection } from '../../../utils/reflections/db-store';
import { codeOf } from '../../helpers/lock-errors';
import { richReflection } from '../../helpers/reflections';

const FAST = 100_000;
const PASSPHRASE = 'a passphrase we keep';

describe("the journal's past keys", () => {
  it('open with the current key only, through any number of changes', async () => {
    const [k0, k1, k2] = await Promise.all(
      [1, 2, 3].map((n) => createKeyring(PASSPHRASE, n, FAST)),
    );
    if (!k0 || !k1 || !k2) throw new Error('no keyrings');
    const once = await pastKeysAfterChange([], k0.keys, k1.keys);
    const twice = await pastKeysAfterChange(once, k1.keys, k2.keys);
    expect(twice.map((p) => p.kid)).toEqual([k0.keyring.kid, k1.keyring.kid]);
    const opened = await openPastKeys(parsePastKeys(JSON.parse(JSON.stringify(twice))), k2.keys);
    // Each opened key is that keyring's data key: it opens the keyring's private key again.
    const raw0 = new Uint8Array(await crypto.subtle.exportKey('raw', k0.keys.dataKey));
    expect(opened[0]?.raw).toEqual(raw0);
    expect(isPastKey(twice, k1.keyring.kid)).toBe(true);
    expect(isPastKey(twice, k2.keyring.kid)).toBe(false);
    // The list after a change needs the newest key: an older one does not open it.
    expect(await codeOf(openPastKeys(twice, k1.keys))).toBe('other-key');
    expect(JSON.stringify(twice)).not.toContain(k0.recoveryKey);
  });

  it('refuse an entry that was changed, relabelled or written by a newer version', async () => {
    const [k0, k1, other] = await Promise.all(
      [1, 2, 3].map((n) => createKeyring(PASSPHRASE, n, FAST)),
    );
    if (!k0 || !k1 || !other) throw new Error('no keyrings');
    const [entry] = await pastKeysAfterChange([], k0.keys, k1.keys);
    if (!entry) throw new Error('no entry');
    const ct = entry.dataKey.ct;
    const flipped = {
      ...entry,
      dataKey: { ...entry.dataKey, ct: `${ct[0] === 'A' ? 'B' : 'A'}${ct.slice(1)}` },
    };
    expect(await codeOf(openPastKeys([flipped], k1.keys))).toBe('unreadable');
    // Claiming to be another key's: the place it was sealed for names the key id.
    const relabelled = { ...entry, kid: other.keyring.kid };
    expect(await codeOf(openPastKeys([relabelled], k1.keys))).toBe('unreadable');
    expect(() => parsePastKeys([{ ...entry, v: PAST_KEY_VERSION + 1 }])).toThrow(
      expect.objectContaining({ code: 'unsupported' }),
    );
    expect(() => parsePastKeys([{ ...entry, kid: '' }])).toThrow(LockError);
    expect(() => parsePastKeys({})).toThrow(LockError);
    expect(parsePastKeys(undefined)).toEqual([]);
  });
});

describe("changing the journal's key", () => {
  it('gives a new key and recovery key under the same passphrase, and moves every record under it', async () => {
    const { recoveryKey: oldRecovery } = await createLock(PASSPHRASE, 1_000, FAST);
    const before = (await readKeyring())?.kid;
    const all = Array.from({ length: 260 }, (_, i) => richReflection(i + 1));
    for (const r of all) await saveReflection(r);

    const { recoveryKey } = await changeKey(PASSPHRASE, 2_000);
    const keyring = await readKeyring();
    if (!keyring) throw new Error('no keyring');
    expect(keyring.kid).not.toBe(before);
    expect(recoveryKey).not.toBe(oldRecovery);
    await expect(unlockWithPassphrase(keyring, PASSPHRASE)).resolves.toMatchObject({
      kid: keyring.kid,
    });
    await expect(unlockWithRecoveryKey(keyring, recoveryKey)).resolves.toBeTruthy();
    expect(await codeOf(unlockWithRecoveryKey(keyring, oldRecovery))).toBe('unreadable');
    // Still unlocked, now with the new key; what is under the old one still reads.
    expect((await readOpeningKeys())?.kid).toBe(keyring.kid);
    expect(await getReflection(all[0]?.id as string)).toEqual(all[0]);
    const past = await readPastKeys();
    expect(past.map((p) => p.kid)).toEqual([before]);

    await startMigration('seal');
    await runMigration('seal');
    const rows = await rowsAfter(null, 1_000);
    expect(rows).toHaveLength(260);
    expect(rows.every((r) => r.sealed?.kid === keyring.kid)).toBe(true);
    expect(await fakeBrowser.storage.local.get(FORMER_KEY)).toEqual({});
    for (const r of all.slice(0, 5)) expect(await getReflection(r.id)).toEqual(r);
    // The past key stays: a copy elsewhere (a sync server) may still be under it.
    expect((await readPastKeys()).map((p) => p.kid)).toEqual([before]);
    // After a lock, the same passphrase opens the new key.
    await lockNow();
    expect(await readOpeningKeys()).toBeNull();
  });

  it('changes nothing for a wrong passphrase, or while the last change is still moving records', async () => {
    await createLock(PASSPHRASE, 1_000, FAST);
    const stored = await fakeBrowser.storage.local.get(null);
    expect(await codeOf(changeKey('not it', 2_000))).toBe('unreadable');
    expect(await fakeBrowser.storage.local.get(null)).toEqual(stored);

    await saveReflection(richReflection(1));
    await changeKey(PASSPHRASE, 3_000);
    const kid = (await readKeyring())?.kid;
    // The first move has not run: a second change would leave two keys to move from.
    await expect(changeKey(PASSPHRASE, 4_000)).rejects.toBeInstanceOf(KeyMoveUnderWay);
    expect((await readKeyring())?.kid).toBe(kid);
    await startMigration('seal');
    await runMigration('seal');
    await changeKey(PASSPHRASE, 5_000);
    expect(await readPastKeys()).toHaveLength(2);
    expect(await getReflection(richReflection(1).id)).toEqual(richReflection(1));
  });

  it('keeps a draft written before the change readable after the browser restarts', async () => {
    await createLock(PASSPHRASE, 1_000, FAST);
    const draft = {
      ...emptyDraft('quick', 1_000),
      answers: { happened: 'OTTER-42' },
      rev: 3,
      writer: 'p',
    };
    await fakeBrowser.storage.local.set({ [DRAFT_KEY]: await toStoredDraft(draft) });
    await changeKey(PASSPHRASE, 2_000);
    await startMigration('seal');
    await runMigration('seal');
    await resealDraft();
    // A restart: the session's keys go; the passphrase opens the new key only.
    await fakeBrowser.storage.session.clear();
    await unlock({ passphrase: PASSPHRASE }, 3_000);
    const stored = (await fakeBrowser.storage.local.get(DRAFT_KEY))[DRAFT_KEY];
    expect(JSON.stringify(stored)).not.toContain('OTTER-42');
    expect(await fromStoredDraft(stored)).toEqual(draft);
  });

  it('keeps a draft waiting for an unlock readable too: it was sealed to the old key only', async () => {
    await createLock(PASSPHRASE, 1_000, FAST);
    const draft = {
      ...emptyDraft('quick', 1_000),
      answers: { happened: 'HERON-7' },
      rev: 2,
      writer: 'w',
    };
    // Sealed while locked after a restart (no session key), then set aside by a new draft.
    await lockNow();
    await fakeBrowser.storage.local.set({ [WAITING_DRAFTS_KEY]: [await toStoredDraft(draft)] });
    await fakeBrowser.storage.session.clear(); // the browser restarts: the draft's session key goes
    await unlock({ passphrase: PASSPHRASE }, 2_000);
    await changeKey(PASSPHRASE, 3_000);
    await resealDraft();
    await startMigration('seal');
    await runMigration('seal');
    expect(await fakeBrowser.storage.local.get(FORMER_KEY)).toEqual({});
    expect(await takeWaitingDrafts()).toEqual([draft]);
  });
});
