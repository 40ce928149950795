import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../../../utils/lock/bytes';
import { isEncryptedBackup, openBackup, sealBackup } from '../../../utils/lock/encrypted-backup';
import { createKeyring } from '../../../utils/lock/keyring';
import { codeOf } from '../../helpers/lock-errors';

const plain = JSON.stringify({
  format: 'fail-well',
  version: 3,
  reflections: [{ id: 'a', answers: { happened: 'MARKER-9' } }],
});
const made = createKeyring('backup passphrase', 0, 100_000);

describe('encrypted backups', () => {
  it('hold no word in the clear and open with the passphrase or the recovery key', async () => {
    const { keyring, keys, recoveryKey } = await made;
    const text = await sealBackup(plain, keyring, keys, 5);
    expect(text).not.toContain('MARKER-9');
    const parsed = JSON.parse(text);
    expect(isEncryptedBackup(parsed)).toBe(true);
    expect(isEncryptedBackup(JSON.parse(plain))).toBe(false);
    expect(await openBackup(parsed, { passphrase: 'backup passphrase' })).toBe(plain);
    expect(await openBackup(parsed, { recoveryKey })).toBe(plain);
  });

  it('refuse a wrong key, a changed byte, a truncated file, a newer version', async () => {
    const { keyring, keys } = await made;
    const parsed = JSON.parse(await sealBackup(plain, keyring, keys, 5));
    const other = await createKeyring('another one', 0, 100_000);
    expect(await codeOf(openBackup(parsed, { passphrase: 'wrong passphrase' }))).toBe('unreadable');
    expect(await codeOf(openBackup(parsed, { recoveryKey: other.recoveryKey }))).toBe('unreadable');
    const ct = fromBase64(parsed.payload.ct);
    ct[3] = (ct[3] as number) ^ 0x40;
    const flipped = { ...parsed, payload: { ...parsed.payload, ct: toBase64(ct) } };
    expect(await codeOf(openBackup(flipped, { passphrase: 'backup passphrase' }))).toBe(
      'unreadable',
    );
    const cut = { ...parsed, payload: { ...parsed.payload, ct: toBase64(ct.subarray(0, 20)) } };
    expect(await codeOf(openBackup(cut, { passphrase: 'backup passphrase' }))).toBe('unreadable');
    // The payload of one backup under another's keyring: refused by the key id.
    const moved = { ...parsed, keyring: other.keyring };
    expect(await codeOf(openBackup(moved, { passphrase: 'another one' }))).toBe('other-key');
    expect(await codeOf(openBackup({ ...parsed, version: 2 }, { passphrase: 'x' }))).toBe(
      'unsupported',
    );
    expect(await codeOf(openBackup({ ...parsed, keyring: null }, { passphrase: 'x' }))).toBe(
      'malformed',
    );
  });
});
