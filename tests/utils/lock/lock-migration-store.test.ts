import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { OpeningKeys } from '../../../utils/lock/envelope';
import {
  MIGRATION_KEY,
  pendingMigration,
  runMigration,
  startMigration,
  turnOff,
} from '../../../utils/lock/lock-migration-store';
import { readOpeningKeys } from '../../../utils/lock/lock-read-store';
import { createLock, lockNow, removeLock, unlock } from '../../../utils/lock/lock-store';
import { openReflection } from '../../../utils/lock/sealed-reflection';
import { onReflectionsChanged } from '../../../utils/reflections/db-connection-store';
import { replaceUnchanged, rowsAfter } from '../../../utils/reflections/db-rows-store';
import { saveReflection } from '../../../utils/reflections/db-store';
import type { Reflection } from '../../../utils/reflections/reflection';
import { richReflection } from '../../helpers/reflections';

const FAST = 100_000;

async function seed(n: number): Promise<Reflection[]> {
  const all = Array.from({ length: n }, (_, i) => richReflection(i + 1));
  for (const r of all) await saveReflection(r);
  return all;
}

const stored = () => rowsAfter(null, 100_000);

describe('sealing and opening the whole journal', () => {
  it('seals every record, with no word left in the clear, and each opens to what it was', async () => {
    const before = await seed(600);
    const { keys } = await createLock('a long passphrase', 1000, FAST);
    await startMigration('seal');
    const seen: number[] = [];
    await runMigration('seal', (p) => seen.push(p.done));
    const rows = await stored();
    expect(rows.every((r) => r.sealed?.f === 'dk')).toBe(true);
    const text = JSON.stringify(rows.map((r) => ({ ...r, sealed: undefined })));
    expect(text).not.toContain('Lesson 1');
    expect(text).not.toContain('ci.example');
    expect(await Promise.all(rows.map((r) => openReflection(r, keys)))).toEqual(
      [...before].sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(seen.at(-1)).toBe(600);
    expect(await pendingMigration()).toBeNull();
  });

  it('tells listening pages once when the run ends, not after every batch', async () => {
    // Each "bulk" makes a review page read the whole journal again: one per batch of 250
    // made sealing 100,000 reflections from Preferences take ten minutes (npm run bench).
    await seed(600);
    await createLock('a long passphrase', 1000, FAST);
    await startMigration('seal');
    const heard: string[] = [];
    const stop = onReflectionsChanged((change) => heard.push(change.type));
    await runMigration('seal');
    await new Promise((resolve) => setTimeout(resolve, 50)); // channels deliver asynchronously
    stop();
    expect(heard).toEqual(['bulk']);
    expect((await stored()).every((r) => r.sealed?.f === 'dk')).toBe(true);
  });

  it('finishes after a browser closed half way, while locked, to the public key', async () => {
    await seed(600);
    await createLock('a long passphrase', 1000, FAST);
    await startMigration('seal');
    // The first batch lands, then the "browser" goes away mid-run.
    await expect(
      runMigration('seal', () => {
        throw new Error('browser closed');
      }),
    ).rejects.toThrow('browser closed');
    const half = await stored();
    expect(half.some((r) => r.sealed) && half.some((r) => !r.sealed)).toBe(true);
    // Every record is whole in one form or the other: sealed ones carry no words.
    for (const r of half.filter((x) => x.sealed)) expect(r.answers).toEqual({});
    expect(await pendingMigration()).toBe('seal');
    await lockNow(); // a restart forgets the session
    await runMigration('seal');
    const rows = await stored();
    expect(rows.every((r) => r.sealed)).toBe(true);
    expect(rows.some((r) => r.sealed?.f === 'pk')).toBe(true);
    // After the next unlock, compaction rewrites them with the data key.
    const keys = await unlock({ passphrase: 'a long passphrase' }, 2000);
    await runMigration('seal');
    const compacted = await stored();
    expect(compacted.every((r) => r.sealed?.f === 'dk')).toBe(true);
    expect((await openReflection(compacted[0] as Reflection, keys)).answers.learned).toMatch(
      /^Lesson/,
    );
  });

  it('turns the lock off: every record opened, the keyring gone', async () => {
    const before = await seed(300);
    await createLock('a long passphrase', 1000, FAST);
    await startMigration('seal');
    await runMigration('seal');
    const keys = (await readOpeningKeys()) as OpeningKeys;
    await turnOff({ open: keys, seal: null }, removeLock, undefined, 0);
    const rows = await stored();
    expect(rows.some((r) => r.sealed)).toBe(false);
    expect(rows).toEqual([...before].sort((a, b) => a.id.localeCompare(b.id)));
    expect(await fakeBrowser.storage.local.get(MIGRATION_KEY)).toEqual({});
  });

  it('never replaces a record another page changed after it was read', async () => {
    const [a, b] = await seed(2);
    const [readA, readB] = await stored();
    await saveReflection({ ...(a as Reflection), pinned: !a?.pinned, updatedAt: 9 });
    const replaced = await replaceUnchanged([
      { was: readA as Reflection, now: { ...(readA as Reflection), tags: ['mine'] } },
      { was: readB as Reflection, now: { ...(readB as Reflection), tags: ['mine'] } },
    ]);
    expect(replaced).toBe(1);
    const [afterA, afterB] = await stored();
    expect(afterA?.updatedAt).toBe(9);
    expect(afterB?.tags).toEqual(['mine']);
    expect(b).toBeDefined();
  });
});
