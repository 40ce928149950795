import { formatDateTime } from '../../utils/format';
import { expect, storedReflections, test } from './fixtures';
import { generateReflections, writeReflections } from './seed';

test('seeded reflections are stored as the app reads them: the newest is listed first', async ({
  openPage,
}) => {
  const page = await openPage('options.html');
  // The first-run page means the app has opened (and created) its database.
  await expect(page.getByRole('heading', { name: 'Turn setbacks into lessons' })).toBeVisible();
  const records = generateReflections(300);
  await writeReflections(page, records, 120);
  expect(await storedReflections(page)).toHaveLength(300);

  await page.reload();
  const [newest] = records
    .filter((r) => r.deletedAt === null)
    .sort((a, b) => b.createdAt - a.createdAt);
  await expect(page.getByRole('article').first()).toHaveAccessibleName(
    `Reflection from ${formatDateTime(newest?.createdAt ?? 0)}`,
  );
});
