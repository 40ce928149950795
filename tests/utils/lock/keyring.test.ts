import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../../../utils/lock/bytes';
import {
  type LockError,
  openEnvelope,
  sealToPublicKey,
  sealWithDataKey,
} from '../../../utils/lock/envelope';
import {
  changePassphrase,
  createKeyring,
  exportDataKey,
  importDataKey,
  type Keyring,
  openingKeysFrom,
  PBKDF2_ITERATIONS,
  parseKeyring,
  sealingKeyOf,
  unlockWithPassphrase,
  unlockWithRecoveryKey,
} from '../../../utils/lock/keyring';
import { codeOf } from '../../helpers/lock-errors';

const FAST = 100_000; // the floor parseKeyring accepts; the default is checked once below
const words = { answers: { learned: 'ask before the demo' } };

describe('the key ladder', () => {
  it('uses PBKDF2-SHA-256 with 600,000 rounds by default', async () => {
    const { keyring } = await createKeyring('a long passphrase', 1000);
    expect(keyring.byPassphrase).toMatchObject({
      kdf: 'PBKDF2-SHA-256',
      iterations: PBKDF2_ITERATIONS,
    });
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
  });

  it('stores no secret in the clear: only the public key and wrapped bytes', async () => {
    const { keyring, keys } = await createKeyring('a long passphrase', 1000, FAST);
    const stored = JSON.stringify(keyring);
    expect(stored).not.toContain('a long passphrase');
    expect(stored).not.toContain(toBase64(await exportDataKey(keys.dataKey)));
  });

  it('opens with the passphrase, and what the public key sealed reads after unlock', async () => {
    const { keyring } = await createKeyring('a long passphrase', 1000, FAST);
    const stored = parseKeyring(JSON.parse(JSON.stringify(keyring))) as Keyring;
    const sealed = await sealToPublicKey(await sealingKeyOf(stored), 'r/main', words);
    const keys = await unlockWithPassphrase(stored, 'a long passphrase');
    expect(await openEnvelope(keys, 'r/main', sealed)).toEqual(words);
  });

  it('refuses a wrong passphrase and changes nothing', async () => {
    const { keyring } = await createKeyring('a long passphrase', 1000, FAST);
    const before = JSON.stringify(keyring);
    expect(await codeOf(unlockWithPassphrase(keyring, 'a long passphrasE'))).toBe('unreadable');
    expect(JSON.stringify(keyring)).toBe(before);
  });

  it('treats the same passphrase typed in another Unicode form as the same', async () => {
    const { keyring } = await createKeyring('café au lait', 1000, FAST);
    expect(await codeOf(unlockWithPassphrase(keyring, 'cafe\u0301 au lait'))).toBe('opened');
  });

  it('opens with the recovery key, which then sets a new passphrase', async () => {
    const made = await createKeyring('forgotten one', 1000, FAST);
    const sealed = await sealWithDataKey(made.keys, 'r/main', words);
    const keys = await unlockWithRecoveryKey(made.keyring, made.recoveryKey.toLowerCase());
    expect(await openEnvelope(keys, 'r/main', sealed)).toEqual(words);
    const reset = await changePassphrase(made.keyring, keys, 'a brand new one');
    expect(await codeOf(unlockWithPassphrase(reset, 'forgotten one'))).toBe('unreadable');
    const again = await unlockWithPassphrase(reset, 'a brand new one');
    expect(await openEnvelope(again, 'r/main', sealed)).toEqual(words);
  });

  it('refuses a mistyped or foreign recovery key', async () => {
    const made = await createKeyring('passphrase one', 1000, FAST);
    const other = await createKeyring('passphrase two', 1000, FAST);
    expect(await codeOf(unlockWithRecoveryKey(made.keyring, 'ABCD'))).toBe('malformed');
    expect(await codeOf(unlockWithRecoveryKey(made.keyring, other.recoveryKey))).toBe('unreadable');
  });

  it('changes the passphrase by re-wrapping the data key only', async () => {
    const made = await createKeyring('old passphrase', 1000, FAST);
    const changed = await changePassphrase(made.keyring, made.keys, 'new passphrase');
    expect(changed.publicKey).toBe(made.keyring.publicKey);
    expect(changed.privateKey).toEqual(made.keyring.privateKey);
    expect(changed.byRecoveryKey).toEqual(made.keyring.byRecoveryKey);
    expect(changed.byPassphrase.salt).not.toBe(made.keyring.byPassphrase.salt);
    expect(await codeOf(unlockWithPassphrase(changed, 'new passphrase'))).toBe('opened');
  });

  it('restores the reading keys from the session copy of the data key', async () => {
    const made = await createKeyring('a long passphrase', 1000, FAST);
    const raw = await exportDataKey(made.keys.dataKey);
    const keys = await openingKeysFrom(made.keyring, await importDataKey(raw));
    const sealed = await sealToPublicKey(await sealingKeyOf(made.keyring), 'r/main', words);
    expect(await openEnvelope(keys, 'r/main', sealed)).toEqual(words);
  });

  it('refuses a tampered keyring and names a newer one', async () => {
    const { keyring } = await createKeyring('a long passphrase', 1000, FAST);
    const bytes = fromBase64(keyring.byPassphrase.ct);
    bytes[0] = (bytes[0] as number) ^ 1;
    const tampered = { ...keyring, byPassphrase: { ...keyring.byPassphrase, ct: toBase64(bytes) } };
    expect(await codeOf(unlockWithPassphrase(tampered, 'a long passphrase'))).toBe('unreadable');
    const parse = (raw: unknown) => {
      try {
        return parseKeyring(raw) ? 'parsed' : 'none';
      } catch (error) {
        return (error as LockError).code;
      }
    };
    expect(parse(undefined)).toBe('none');
    expect(parse({ ...keyring, v: 2 })).toBe('unsupported');
    expect(parse({ ...keyring, byPassphrase: { ...keyring.byPassphrase, iterations: 1000 } })).toBe(
      'malformed',
    );
    expect(parse({ ...keyring, publicKey: undefined })).toBe('malformed');
  });
});
