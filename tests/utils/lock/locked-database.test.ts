/**
 * The database with the lock on: what is stored, what each context reads, and that changes
 * made while locked keep the sealed words.
 */
import { describe, expect, it } from 'vitest';
import { storedForm } from '../../../utils/lock/lock-codec-store';
import { readLockKeys } from '../../../utils/lock/lock-read-store';
import { createLock, lockNow, unlock } from '../../../utils/lock/lock-store';
import { importReflections, rowsAfter } from '../../../utils/reflections/db-bulk-store';
import {
  allReflections,
  getReflection,
  listReflections,
  saveReflection,
  setReviewState,
  updateReflection,
} from '../../../utils/reflections/db-store';
import { richReflection } from '../../helpers/reflections';

const FAST = 100_000;
const PASS = { passphrase: 'a long passphrase' };

async function lockedJournal() {
  await createLock(PASS.passphrase, 1000, FAST);
  await lockNow();
}

describe('the database with the lock on', () => {
  it('stores a reflection saved while locked sealed, and reads it after unlock', async () => {
    await lockedJournal();
    const r = richReflection(7);
    await saveReflection(r);
    const [row] = await rowsAfter(null, 10);
    expect(row?.sealed?.f).toBe('pk');
    expect(JSON.stringify({ ...row, sealed: null })).not.toContain('Lesson 7');
    // While locked a reader sees the record, words blank, marked sealed.
    const locked = await getReflection(r.id);
    expect(locked?.sealed).toBeDefined();
    expect(locked?.answers).toEqual({});
    await unlock(PASS, 2000);
    expect(await getReflection(r.id)).toEqual(r);
    expect((await listReflections()).items).toEqual([r]);
    expect(await allReflections()).toEqual([r]);
  });

  it('keeps the words when a clear field changes while locked (the background)', async () => {
    await lockedJournal();
    const r = richReflection(8);
    await saveReflection(r);
    const review = { count: 2, nextDueAt: 5, retired: false };
    await setReviewState(r.id, review);
    await unlock(PASS, 2000);
    expect(await getReflection(r.id)).toEqual({ ...r, review });
  });

  it('re-seals an edit made while unlocked, with the data key', async () => {
    await createLock(PASS.passphrase, 1000, FAST);
    const r = richReflection(9);
    await saveReflection(r);
    await updateReflection(
      r.id,
      (c) => ({ ...c, answers: { ...c.answers, learned: 'new words' } }),
      3000,
    );
    const [row] = await rowsAfter(null, 10);
    expect(row?.sealed?.f).toBe('dk');
    expect(JSON.stringify(row)).not.toContain('new words');
    expect((await getReflection(r.id))?.answers.learned).toBe('new words');
  });

  it('never seals again what it could not open: the envelope is kept as it was', async () => {
    await lockedJournal();
    const r = richReflection(10);
    await saveReflection(r);
    const [before] = await rowsAfter(null, 10);
    // A locked context "edits" words it cannot see: the change to words is not stored.
    await updateReflection(r.id, (c) => ({ ...c, pinned: true }), 4000);
    const [after] = await rowsAfter(null, 10);
    expect(after?.sealed).toEqual(before?.sealed);
    expect(after?.pinned).toBe(true);
  });

  it('seals an import, and the codec stores nothing in the clear', async () => {
    await lockedJournal();
    const incoming = [richReflection(11), richReflection(12)];
    await importReflections(incoming);
    const rows = await rowsAfter(null, 10);
    expect(rows.every((row) => row.sealed)).toBe(true);
    expect(JSON.stringify(rows.map((row) => ({ ...row, sealed: null })))).not.toContain('Lesson');
    // storedForm with the lock off stores as is.
    expect(await storedForm(incoming[0] as never, { open: null, seal: null })).toBe(incoming[0]);
    expect((await readLockKeys()).seal).not.toBeNull();
  });
});
