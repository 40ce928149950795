/**
 * The unlocked review page reads the journal through its reader worker, and rewrites what was
 * sealed while locked with the data key only once the search is ready.
 */
import { expect, storedReflections, test } from './fixtures';
import { captureFromPopup, PASSPHRASE, section, switchLockOn } from './lock-helpers';

test('after an unlock a worker opens the journal; rows sealed while locked are compacted after', async ({
  openPage,
}) => {
  const options = await openPage('options.html');
  await switchLockOn(options);
  await options.getByRole('button', { name: 'Lock now' }).first().click();
  await expect(options.getByRole('heading', { name: 'Your journal is locked' })).toBeVisible();

  const popup = await openPage('popup.html');
  await captureFromPopup(popup, 'OTTER5K');
  expect((await storedReflections(popup))[0]).toMatchObject({ sealed: { f: 'pk' } });

  await section(options, 'Lessons');
  const reader = options.waitForEvent('worker', {
    predicate: (worker) => worker.url().includes('journal-worker'),
  });
  const unlock = options.getByRole('region', { name: 'Your journal is locked' });
  await unlock.getByLabel('Passphrase').fill(PASSPHRASE);
  await unlock.getByRole('button', { name: 'Unlock' }).click();
  await reader;
  await expect(options.getByRole('article').getByText('OTTER5K learned')).toBeVisible();
  await expect(options.locator('[data-search-building="false"]')).toBeAttached();
  await options.getByRole('searchbox').fill('otter5k');
  await expect(options.getByRole('article')).toHaveCount(1);
  // Compaction: the row is rewritten with the data key, its words still sealed.
  await expect
    .poll(
      async () => ((await storedReflections(popup))[0]?.sealed as { f?: string } | undefined)?.f,
      {
        timeout: 15_000,
      },
    )
    .toBe('dk');
  const [row] = await storedReflections(popup);
  expect(JSON.stringify(row)).not.toContain('OTTER5K');
  await options.reload();
  await expect(options.getByRole('article').getByText('OTTER5K learned')).toBeVisible();
});
