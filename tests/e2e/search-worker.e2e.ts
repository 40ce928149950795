/**
 * Search runs in the options page's own Worker: typing into search on a seeded journal shows
 * ranked, highlighted results answered by that worker; and where no Worker can be started the
 * page searches by itself with the same code.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { reflection, seedReflections } from './seed';

const HOUR = 3_600_000;

/** Open the dashboard on `count` synthetic reflections plus two that mention "quokka". */
async function journal(page: Page, count: number): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Turn setbacks into lessons' })).toBeVisible();
  const now = Date.now();
  await seedReflections(page, count, now - 2 * HOUR, [
    reflection('bbbbbbbb-0000-4000-8000-000000000001', now - HOUR, {
      learned: 'A quokka smile does not mean the plan is fine',
      tags: ['estimates'],
    }),
    reflection('bbbbbbbb-0000-4000-8000-000000000002', now - 30 * 60_000, {
      learned: 'Write the rollback down first',
      happened: 'The quokkas demo ran long',
    }),
  ]);
  await expect(
    page.getByText(`${(count + 2).toLocaleString('en-US')} reflections, newest first`),
  ).toBeVisible({ timeout: 30_000 });
}

/** Type the query key by key and check the ranked, highlighted answer. */
async function searchFindsQuokkas(page: Page): Promise<void> {
  const box = page.getByRole('searchbox', { name: 'Search reflections' });
  await box.click();
  await page.keyboard.type('quok', { delay: 30 });
  await expect(page.getByText('2 reflections match')).toBeVisible();
  const articles = page.getByRole('list', { name: 'Reflections' }).getByRole('article');
  // The lesson outranks the other answer, though it is older; each match is marked.
  await expect(articles.first()).toContainText('A quokka smile');
  await expect(articles.first().locator('mark').first()).toHaveText('quokka');
  await expect(articles.nth(1).locator('mark').first()).toHaveText('quokkas');
  await expect(articles).toHaveCount(2);
}

test('typing into search on a seeded journal: the search worker answers, matches highlighted', async ({
  openPage,
}) => {
  const page = await openPage('options.html');
  await journal(page, 3000);
  await searchFindsQuokkas(page);
  expect(page.workers().map((worker) => new URL(worker.url()).pathname)).toEqual([
    expect.stringMatching(/^\/assets\/search-worker-[\w-]+\.js$/),
  ]);
});

test('where no Worker can start, the page searches by itself with the same code', async ({
  context,
  openPage,
}) => {
  await context.addInitScript(() => {
    // As in a browser that refuses the worker: construction throws.
    (globalThis as { Worker: unknown }).Worker = class {
      constructor() {
        throw new DOMException('Workers are not allowed here', 'SecurityError');
      }
    };
  });
  const page = await openPage('options.html');
  await journal(page, 1000);
  await searchFindsQuokkas(page);
  expect(page.workers()).toEqual([]);
});

test('the popup never starts the search worker', async ({ openPage }) => {
  const popup = await openPage('popup.html');
  await expect(popup.getByRole('textbox', { name: 'What did I learn?' })).toBeVisible();
  expect(popup.workers()).toEqual([]);
});
