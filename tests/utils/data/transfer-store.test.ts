import { describe, expect, it } from 'vitest';
import { readImportFile } from '../../../utils/data/import-file';
import { buildExport } from '../../../utils/data/transfer-store';
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
