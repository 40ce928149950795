import { describe, expect, it } from 'vitest';
import { isEncryptedBackup, sealBackup } from '../../../utils/lock/encrypted-backup';
import { backupSealer, openAnyBackup } from '../../../utils/lock/encrypted-backup-parts';
import { createKeyring } from '../../../utils/lock/keyring';
import { codeOf } from '../../helpers/lock-errors';

const PIECES = [
  '{"format":"fail-well","reflections":[',
  '\n{"id":"a","w":"MARKER-1"}',
  ',\n{"id":"b","w":"MARKER-2"}',
  '\n]}\n',
];
const made = createKeyring('backup passphrase', 0, 100_000);
const secret = { passphrase: 'backup passphrase' };

/** A version 2 backup of PIECES, written as an export writes it. */
async function sealedParts(pieces = PIECES) {
  const { keyring, keys } = await made;
  const sealer = backupSealer(keyring, keys, 5);
  let text = sealer.start();
  for (const piece of pieces.slice(0, -1)) text += await sealer.part(piece);
  text += await sealer.end(pieces.at(-1) as string);
  return JSON.parse(text);
}

describe('encrypted backups in parts (version 2)', () => {
  it('hold no word in the clear and open, joined, with the passphrase or recovery key', async () => {
    const parsed = await sealedParts();
    expect(JSON.stringify(parsed)).not.toContain('MARKER');
    expect(parsed).toMatchObject({ version: 2, createdAt: 5 });
    expect(parsed.parts).toHaveLength(4);
    expect(isEncryptedBackup(parsed)).toBe(true);
    expect(await openAnyBackup(parsed, secret)).toBe(PIECES.join(''));
    expect(await openAnyBackup(parsed, { recoveryKey: (await made).recoveryKey })).toBe(
      PIECES.join(''),
    );
  });

  it('refuse a wrong passphrase, and a file cut, reordered or patched from another backup', async () => {
    const parsed = await sealedParts();
    expect(await codeOf(openAnyBackup(parsed, { passphrase: 'wrong passphrase' }))).toBe(
      'unreadable',
    );
    const cut = { ...parsed, parts: parsed.parts.slice(0, 3) };
    expect(await codeOf(openAnyBackup(cut, secret))).toBe('unreadable');
    const [a, b, ...rest] = parsed.parts;
    expect(await codeOf(openAnyBackup({ ...parsed, parts: [b, a, ...rest] }, secret))).toBe(
      'unreadable',
    );
    // Same keyring, another backup: its parts are bound to its own id.
    const other = await sealedParts(['x', 'y']);
    const patched = { ...parsed, parts: [other.parts[0], ...parsed.parts.slice(1)] };
    expect(await codeOf(openAnyBackup(patched, secret))).toBe('unreadable');
    expect(await codeOf(openAnyBackup({ ...parsed, parts: [] }, secret))).toBe('malformed');
    expect(await codeOf(openAnyBackup({ ...parsed, id: 7 }, secret))).toBe('malformed');
    expect(await codeOf(openAnyBackup({ ...parsed, version: 3 }, secret))).toBe('unsupported');
  });

  it('still opens a version 1 backup', async () => {
    const { keyring, keys } = await made;
    const v1 = JSON.parse(await sealBackup(PIECES.join(''), keyring, keys, 5));
    expect(await openAnyBackup(v1, secret)).toBe(PIECES.join(''));
  });
});
