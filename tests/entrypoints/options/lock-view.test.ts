// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createLockView } from '../../../entrypoints/options/lock/lock-view';
import { runMigration, startMigration } from '../../../utils/lock/lock-migration-store';
import { createLock } from '../../../utils/lock/lock-store';
import { rowsAfter } from '../../../utils/reflections/db-rows-store';
import { saveReflection } from '../../../utils/reflections/db-store';
import { richReflection } from '../../helpers/reflections';

describe('the review page resumes what the lock left half done', () => {
  it('a seal: every record sealed', async () => {
    await saveReflection(richReflection(1));
    await createLock('a long passphrase', 0, 100_000);
    await startMigration('seal');
    const view = createLockView(() => {});
    await view.refresh();
    await view.resume();
    expect((await rowsAfter(null, 10)).every((r) => r.sealed)).toBe(true);
  });

  it('switching off: every record opened, and the lock is off', async () => {
    await saveReflection(richReflection(2));
    await createLock('a long passphrase', 0, 100_000);
    await startMigration('seal');
    await runMigration('seal');
    await startMigration('open'); // the page closed right after this
    const view = createLockView(() => {});
    await view.refresh();
    await view.resume();
    expect((await rowsAfter(null, 10)).some((r) => r.sealed)).toBe(false);
    expect(view.status.value).toBe('off');
  }, 10_000);
});
