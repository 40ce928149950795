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
  // Dates follow the browser's UI language (utils/i18n/format.ts): format the expected one in the page.
  const when = await page.evaluate(
    (at) =>
      new Intl.DateTimeFormat(
        (
          globalThis as unknown as { chrome: { i18n: { getUILanguage(): string } } }
        ).chrome.i18n.getUILanguage(),
        {
          dateStyle: 'medium',
          timeStyle: 'short',
        },
      ).format(at),
    newest?.createdAt ?? 0,
  );
  await expect(page.getByRole('article').first()).toHaveAccessibleName(`Reflection from ${when}`);
});
