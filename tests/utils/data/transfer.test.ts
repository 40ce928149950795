import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../../utils/data/import';
import { buildExport, readImportFile } from '../../../utils/data/transfer';
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

describe('reading a chosen file', () => {
  it('refuses a file over 50 MB without reading a byte of it', async () => {
    let read = false;
    const huge = {
      size: MAX_IMPORT_BYTES + 1,
      text: () => {
        read = true;
        return Promise.resolve('');
      },
    } as unknown as Blob;
    const result = await readImportFile(huge, NOW);
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/up to 50 MB/) });
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
