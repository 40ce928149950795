import { describe, expect, it } from 'vitest';
import { compactRows } from '../../../utils/lock/lock-migration-store';
import { createLock, lockNow, unlock } from '../../../utils/lock/lock-store';
import { openReflection } from '../../../utils/lock/sealed-reflection';
import { onReflectionsChanged } from '../../../utils/reflections/db-connection-store';
import { rowsAfter } from '../../../utils/reflections/db-rows-store';
import {
  type ReadReport,
  reflectionsInKeyOrder,
  saveReflection,
} from '../../../utils/reflections/db-store';
import type { Reflection } from '../../../utils/reflections/reflection';
import { richReflection } from '../../helpers/reflections';

const FAST = 100_000;
const PASSPHRASE = 'a long passphrase';
const stored = () => rowsAfter(null, 100_000);

/** `unlocked` saved while unlocked (data key), then `locked` saved after a lock (public key). */
async function journal(unlocked: number, locked: number): Promise<Reflection[]> {
  await createLock(PASSPHRASE, 1000, FAST);
  const all: Reflection[] = [];
  for (let i = 1; i <= unlocked + locked; i++) {
    if (i === unlocked + 1) await lockNow();
    const r = richReflection(i);
    all.push(r);
    await saveReflection(r);
  }
  return all.sort((a, b) => a.id.localeCompare(b.id));
}

/** Every reflection through the review page's full read, with what it found. */
async function readAll(): Promise<{ rows: Reflection[]; report: ReadReport }> {
  const report: ReadReport = { sealedToPublicKey: [] };
  const rows: Reflection[] = [];
  for await (const batch of reflectionsInKeyOrder(7, report)) rows.push(...batch);
  return { rows, report };
}

describe('compacting records sealed while locked', () => {
  it('the full read opens every record and names exactly those sealed to the public key', async () => {
    const all = await journal(10, 15);
    await unlock({ passphrase: PASSPHRASE }, 2000);
    const { rows, report } = await readAll();
    expect(rows).toEqual(all);
    const pk = (await stored()).filter((r) => r.sealed?.f === 'pk').map((r) => r.id);
    expect(pk).toHaveLength(15);
    expect(report.sealedToPublicKey).toEqual(pk);
  });

  it('rewrites them with the data key, each opening to what it was, telling no page', async () => {
    const all = await journal(5, 250);
    const keys = await unlock({ passphrase: PASSPHRASE }, 2000);
    const { report } = await readAll();
    const heard: string[] = [];
    const stop = onReflectionsChanged((change) => heard.push(change.type));
    let pauses = 0;
    const rewritten = await compactRows(report.sealedToPublicKey, async () => {
      pauses++;
    });
    await new Promise((resolve) => setTimeout(resolve, 50)); // channels deliver asynchronously
    stop();
    expect(rewritten).toBe(250);
    // Small batches with a pause before each: 250 records, 100 at a time.
    expect(pauses).toBe(3);
    const rows = await stored();
    expect(rows.every((r) => r.sealed?.f === 'dk')).toBe(true);
    expect(await Promise.all(rows.map((r) => openReflection(r, keys)))).toEqual(all);
    // No word changed: a "bulk" would make every review page read the journal again.
    expect(heard).toEqual([]);
    expect((await readAll()).report.sealedToPublicKey).toEqual([]);
  });

  it('stops when the journal locks half way; the next read finds the rest', async () => {
    await journal(0, 250);
    await unlock({ passphrase: PASSPHRASE }, 2000);
    const { report } = await readAll();
    let batches = 0;
    const rewritten = await compactRows(report.sealedToPublicKey, async () => {
      if (++batches === 2) await lockNow();
    });
    expect(rewritten).toBe(100);
    const left = (await stored()).filter((r) => r.sealed?.f === 'pk');
    expect(left).toHaveLength(150);
    await unlock({ passphrase: PASSPHRASE }, 3000);
    expect((await readAll()).report.sealedToPublicKey).toEqual(left.map((r) => r.id));
  });

  it('leaves a record another page changed meanwhile as that page wrote it', async () => {
    const all = await journal(0, 3);
    await unlock({ passphrase: PASSPHRASE }, 2000);
    const { report } = await readAll();
    const edited = { ...(all[1] as Reflection), tags: ['edited'], updatedAt: 5000 };
    let first = true;
    await compactRows(report.sealedToPublicKey, async () => {
      // Between the read and the compaction, the record is edited in another page.
      if (first) await saveReflection(edited);
      first = false;
    });
    const { rows } = await readAll();
    expect(rows[1]).toEqual(edited);
    expect(rows).toHaveLength(3);
  });
});
