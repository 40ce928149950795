import { describe, expect, it } from 'vitest';
import { openEncryptedFile, readChosenFile, readImportFile } from '../../../utils/data/import-file';
import { buildExport } from '../../../utils/data/transfer-store';
import { createLock, lockNow } from '../../../utils/lock/lock-store';
import { deleteEverything, importReflections } from '../../../utils/reflections/db-bulk-store';
import { allReflections } from '../../../utils/reflections/db-store';
import { richReflection, SETTINGS } from '../../helpers/reflections';

const NOW = 1_800_000_000_000;
const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);

describe('export and import through the database', () => {
  it('gives back identical records in an emptied profile, soft-deleted ones left out', async () => {
    const original = Array.from({ length: 30 }, (_, n) => richReflection(n));
    await importReflections([...original, richReflection(99, { deletedAt: NOW - 5 })]);
    const progress: number[] = [];
    const exported = await buildExport(
      'json',
      { exportedAt: NOW, settings: SETTINGS },
      { onProgress: (done) => progress.push(done) },
    );
    expect(exported.count).toBe(30);
    expect(exported.fileName).toMatch(/^fail-well-\d{4}-\d{2}-\d{2}\.json$/);
    expect(progress.at(-1)).toBe(31); // records read, the deleted one included

    await deleteEverything();
    expect(await allReflections()).toEqual([]);

    const checked = await readImportFile(exported.blob, NOW);
    if (!checked.ok) throw new Error(checked.message);
    expect(checked.file.settings).toEqual(SETTINGS);
    expect(await importReflections(checked.file.reflections)).toEqual({
      added: 30,
      replaced: 0,
      skipped: 0,
    });
    expect((await allReflections()).sort(byId)).toStrictEqual(original.sort(byId));
  });

  it('exports only what a filter keeps', async () => {
    await importReflections([1, 2, 3, 4].map((n) => richReflection(n)));
    const exported = await buildExport(
      'csv',
      { exportedAt: NOW, settings: SETTINGS },
      { keep: (r) => r.pinned },
    );
    expect(exported.count).toBe(1);
    expect((await exported.blob.text()).trim().split('\r\n')).toHaveLength(2);
  });

  it('stops when cancelled', async () => {
    await importReflections([1, 2, 3].map((n) => richReflection(n)));
    const controller = new AbortController();
    controller.abort();
    await expect(
      buildExport('json', { exportedAt: NOW, settings: SETTINGS }, { signal: controller.signal }),
    ).rejects.toThrow();
  });
});

describe('an encrypted JSON export', () => {
  const PASSPHRASE = 'river stones at dawn';

  it('holds no word in the clear and gives back every record with the passphrase', async () => {
    await createLock(PASSPHRASE, NOW, 100_000);
    const original = [1, 2, 3].map((n) => richReflection(n));
    await importReflections(original);
    const exported = await buildExport(
      'json',
      { exportedAt: NOW, settings: SETTINGS, timeZone: 'UTC' },
      { encrypt: true },
    );
    expect(exported.fileName).toBe('fail-well-2027-01-15.encrypted.json');
    expect(exported.count).toBe(3);
    const text = await exported.blob.text();
    for (const r of original) expect(text).not.toContain(r.answers.learned);
    const chosen = await readChosenFile(exported.blob, NOW);
    if (chosen.ok !== 'encrypted') throw new Error('not an encrypted backup');
    const opened = await openEncryptedFile(chosen.backup, { passphrase: PASSPHRASE }, NOW);
    if (opened.ok !== true) throw new Error('did not open');
    expect(opened.file.reflections.sort(byId)).toStrictEqual(original.sort(byId));
  });

  it('is refused before anything is read while the journal is locked', async () => {
    await createLock(PASSPHRASE, NOW, 100_000);
    await lockNow();
    await expect(
      buildExport('json', { exportedAt: NOW, settings: SETTINGS }, { encrypt: true }),
    ).rejects.toMatchObject({ code: 'other-key' });
  });
});
