import { describe, expect, it } from 'vitest';
import { openEncryptedFile, readChosenFile, readImportFile } from '../../../utils/data/import-file';
import { MAX_IMPORT_BYTES } from '../../../utils/data/import-guard';
import { sealBackup } from '../../../utils/lock/encrypted-backup';
import { createKeyring } from '../../../utils/lock/keyring';
import { richReflection, SETTINGS } from '../../helpers/reflections';

const NOW = 1_800_000_000_000;

describe('reading a chosen file', () => {
  it('refuses a file over 150 MB without reading a byte of it', async () => {
    let read = false;
    const huge = {
      size: MAX_IMPORT_BYTES + 1,
      text: () => {
        read = true;
        return Promise.resolve('');
      },
    } as unknown as Blob;
    const result = await readImportFile(huge, NOW);
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/up to 150 MB/) });
    expect(read).toBe(false);
  });

  it('refuses an empty file', async () => {
    const result = await readImportFile(new Blob([]), NOW);
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/empty/) });
  });

  it('says so when the browser cannot read the file', async () => {
    const broken = { size: 10, text: () => Promise.reject(new Error('gone')) } as unknown as Blob;
    expect(await readImportFile(broken, NOW)).toEqual({
      ok: false,
      message: expect.stringMatching(/could not read this file/),
    });
  });
});

describe('reading an encrypted backup', () => {
  const plain = JSON.stringify({
    format: 'fail-well',
    version: 3,
    exportedAt: NOW - 1000,
    settings: SETTINGS,
    checkins: [],
    reflections: [richReflection(1)],
  });
  const made = createKeyring('backup passphrase', 0, 100_000);
  const backupText = made.then(({ keyring, keys }) => sealBackup(plain, keyring, keys, NOW));

  it('is told apart by its first bytes and opened with its passphrase into a checked file', async () => {
    const chosen = await readChosenFile(new Blob([await backupText]), NOW);
    if (chosen.ok !== 'encrypted') throw new Error('not seen as encrypted');
    const opened = await openEncryptedFile(chosen.backup, { passphrase: 'backup passphrase' }, NOW);
    if (opened.ok !== true) throw new Error('did not open');
    expect(opened.file.reflections).toEqual([richReflection(1)]);
  });

  it('opens with the recovery key; a wrong passphrase throws and checks nothing', async () => {
    const chosen = await readChosenFile(new Blob([await backupText]), NOW);
    if (chosen.ok !== 'encrypted') throw new Error('not seen as encrypted');
    const { recoveryKey } = await made;
    expect((await openEncryptedFile(chosen.backup, { recoveryKey }, NOW)).ok).toBe(true);
    await expect(
      openEncryptedFile(chosen.backup, { passphrase: 'wrong passphrase' }, NOW),
    ).rejects.toMatchObject({ code: 'unreadable' });
  });

  it('is refused in plain words where only a plain export is read', async () => {
    expect(await readImportFile(new Blob([await backupText]), NOW)).toEqual({
      ok: false,
      message: expect.stringMatching(/This backup is encrypted/),
    });
  });

  it('may be larger than a plain export (base64), up to twice the limit', async () => {
    const head = (await backupText).slice(0, 200);
    const big = (size: number) =>
      ({
        size,
        slice: () => new Blob([head]),
        text: () => Promise.resolve(''),
      }) as unknown as Blob;
    expect(await readChosenFile(big(MAX_IMPORT_BYTES * 2 + 1), NOW)).toEqual({
      ok: false,
      message: expect.stringMatching(/up to 300 MB/),
    });
    // Within the larger limit it is read (here: an empty text, so it is not JSON).
    expect(await readChosenFile(big(MAX_IMPORT_BYTES + 1), NOW)).toEqual({
      ok: false,
      message: expect.stringMatching(/not valid JSON/),
    });
  });

  it('checks a plain export that merely mentions the format as a plain export', async () => {
    const mention = JSON.stringify({
      format: 'fail-well',
      version: 3,
      settings: { note: 'fail-well-encrypted-backup' },
      reflections: [],
    });
    const chosen = await readChosenFile(new Blob([mention]), NOW);
    expect(chosen).toMatchObject({ ok: true, file: { reflections: [] } });
  });
});
